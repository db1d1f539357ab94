"""Shared by the printing tests: demo and hostile records, and the independent decoders of each format.

ZPL is rendered by zplkit (an offline ZPL renderer that rejects malformed ZPL), PDF pages are rasterized
by pdfium, and QR codes are read back by zxing-cpp: nothing here uses the code under test to check it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import zplkit
import zplkit.parse
import zplkit.rendering
import zxingcpp
from PIL import Image

from labdesk.printing.layout import mm_to_dots
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate, SheetLayout

INSTRUMENT = LabelRecord(
    "instrument",
    "YQ-000123",
    "数字压力计 0-60 MPa",
    {"status": "在用", "next_due": "2027-03-01", "last_calibrated": "2026-03-01"},
)
SAMPLE = LabelRecord(
    "sample",
    "YP2026-000045",
    "P·O 42.5 普通硅酸盐水泥",
    {"order_no": "WT2026-000012", "sample_type": "水泥", "date": "2026-03-14"},
)
HOSTILE_TEXTS = (
    "\x00\x1b\x02\x03控制",
    "泵^XZ~JA",
    "~HS~JA^XA^XZ",
    '引号"\'\\反斜杠\\"',
    "line1\r\nPRINT 1,1\r\nCLS",
    "emoji 😀🧪 試験",
    "长" * 150 + "x" * 150,  # 300 characters
    "_5E_7E^FH\\&",
)
# Codes are system-made, but a hostile yet printable code must still come back from its QR code.
HOSTILE_CODE = "YQ-\"^XZ~JA'\\_泵😀"


def hostile_records(kind: str) -> list[LabelRecord]:
    keys = (
        ("status", "next_due", "last_calibrated")
        if kind == "instrument"
        else ("order_no", "sample_type", "date")
    )
    records = [LabelRecord(kind, HOSTILE_CODE, text, dict.fromkeys(keys, text)) for text in HOSTILE_TEXTS]  # type: ignore[arg-type]
    records.append(LabelRecord(kind, "YQ-1", "名称", {}))  # type: ignore[arg-type]
    return records


def qr_texts(image: Image.Image) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image.convert("L"))]


def zpl_image(zpl: bytes, template: LabelTemplate) -> Image.Image:
    """zplkit's rendering of one label; raises zplkit's RenderError for malformed ZPL."""
    options = zplkit.Options(
        width=mm_to_dots(template.width_mm, template.dpi),
        height=mm_to_dots(template.height_mm, template.dpi),
        dpi=template.dpi,
    )
    document = zplkit.render(zpl, options)
    assert len(document.labels) == 1
    return Image.open(io.BytesIO(document.labels[0].png()))


def zpl_commands(zpl: bytes) -> list[bytes]:
    """The command mnemonics (^XA, ~JA, ...) zplkit's own framing finds in ``zpl``."""
    elements = zplkit.parse.parse(zpl).elements
    return [bytes(e)[:3] for e in elements if e.kind in ("format_command", "control_command")]


@dataclass(frozen=True)
class TsplCommand:
    name: str
    args: bytes  # the rest of the line (for BITMAP: the header only)


_BITMAP = re.compile(rb"BITMAP (\d+),(\d+),(\d+),(\d+),(\d+),")


def parse_tspl(data: bytes) -> list[TsplCommand]:
    """Split a TSPL program into commands the way a printer does: lines, BITMAP data by its byte count."""
    commands: list[TsplCommand] = []
    pos = 0
    while pos < len(data):
        bitmap = _BITMAP.match(data, pos)
        if bitmap:
            width_bytes, height = int(bitmap.group(3)), int(bitmap.group(4))
            end = bitmap.end() + width_bytes * height
            assert data[end : end + 2] == b"\r\n", "BITMAP data is not followed by CR LF"
            commands.append(TsplCommand("BITMAP", bitmap.group(0)))
            pos = end + 2
            continue
        end = data.index(b"\r\n", pos)
        line = data[pos:end]
        name, _, args = line.partition(b" ")
        commands.append(TsplCommand(name.decode("ascii"), args))
        pos = end + 2
    return commands


def tspl_args(args: bytes) -> list[str]:
    """The comma-separated arguments of a command line, strings unquoted (a TSPL quote is \\["]).

    Fails if a string is unterminated or anything follows a closing quote but a comma: that is what a
    hostile string that "closed the quote" would look like.
    """
    text = args.decode("utf-8")
    out: list[str] = []
    i = 0
    while True:
        if text.startswith('"', i):
            j, chars = i + 1, []
            while True:
                assert j < len(text), f"unterminated string in {text!r}"
                if text.startswith('\\["]', j):
                    chars.append('"')
                    j += 4
                elif text[j] == '"':
                    break
                else:
                    chars.append(text[j])
                    j += 1
            out.append("".join(chars))
            i = j + 1
        else:
            j = text.find(",", i)
            j = len(text) if j < 0 else j
            assert '"' not in text[i:j], f"stray quote in {text!r}"
            out.append(text[i:j])
            i = j
        if i == len(text):
            return out
        assert text[i] == ",", f"junk after a string: {text[i:]!r}"
        i += 1


def pdf_page_images(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()


def sheet_cells(page: Image.Image, sheet: SheetLayout) -> list[Image.Image]:
    """The page cut into the sheet's cells, row by row."""
    scale = page.width / sheet.page_width_mm
    cells = []
    for index in range(sheet.per_page):
        x, y = sheet.cell_origin_mm(index)
        box = (x, y, x + sheet.cell_width_mm, y + sheet.cell_height_mm)
        cells.append(page.crop(tuple(round(v * scale) for v in box)))  # type: ignore[arg-type]
    return cells
