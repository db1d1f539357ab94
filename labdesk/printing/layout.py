"""Where everything goes on a label, in printer dots: the one place of layout math for all renderers.

ZPL, TSPL, PNG and PDF all draw a LabelLayout, so they put the QR code and each text line in the same
place. Text is fitted to its box here: shrunk (down to the field's minimum size), then wrapped, then cut
with "…"; a line never leaves its box and a box never leaves the label's margins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import zxingcpp

from labdesk.printing.cjk import LINE_HEIGHT, line_height, printable, text_width
from labdesk.printing.payload import encode_payload
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import FieldBox, LabelTemplate

MM_PER_INCH = 25.4
QR_QUIET_MODULES = 2  # per side, inside the QR box; ISO says 4 but 2 reads reliably on labels
ELLIPSIS = "…"
_BREAK_AFTER = " -/"
CAPTION_SEPARATOR = "\uff1a"  # the full-width colon Chinese labels put after a caption
# Characters a QR alphanumeric segment holds (ISO/IEC 18004 table 5); "LD1:I:YQ-000123" is one.
_QR_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
# Capacity of QR versions 1-10 at error correction M: (alphanumeric characters, bytes).
_QR_CAPACITY_M = (
    (20, 14),
    (38, 26),
    (61, 42),
    (90, 62),
    (122, 84),
    (154, 106),
    (178, 122),
    (221, 152),
    (262, 180),
    (311, 213),
)


def mm_to_dots(mm: float, dpi: int) -> int:
    return round(mm * dpi / MM_PER_INCH)


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    def inside(self, width: int, height: int) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and self.y + self.h <= height


@dataclass(frozen=True)
class QrElement:
    box: Box  # the symbol itself, quiet zone excluded
    payload: str
    modules: int
    module_dots: int


@dataclass(frozen=True)
class TextLine:
    box: Box  # x, y: top-left of the line; w: its advance width; h: one line pitch
    text: str  # printable: cleaned, missing glyphs replaced by a box
    size: int  # em size in dots

    @property
    def is_ascii(self) -> bool:
        return self.text.isascii()


@dataclass(frozen=True)
class LabelLayout:
    width: int
    height: int
    dpi: int
    qr: QrElement
    lines: tuple[TextLine, ...]
    field_boxes: tuple[Box, ...]  # the template's text boxes, for checks and previews


def qr_modules(payload: str) -> int:
    """Side of the QR symbol (ECC M) in modules, from the capacity table: no encoder call needed."""
    data = payload.encode("utf-8")
    alnum = all(ch in _QR_ALNUM for ch in payload)
    for version, (alnum_cap, byte_cap) in enumerate(_QR_CAPACITY_M, start=1):
        if (alnum and len(payload) <= alnum_cap) or len(data) <= byte_cap:
            return 17 + 4 * version
    return int(qr_matrix(payload).shape[0])  # beyond version 10: ask the encoder


def qr_matrix(payload: str) -> npt.NDArray[np.bool_]:
    """The QR symbol (ECC M, no quiet zone) as a boolean matrix, True = dark module."""
    barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False))
    return image < 128


def _qr_element(qr_box: Box, payload: str) -> QrElement:
    modules = qr_modules(payload)
    side = min(qr_box.w, qr_box.h)
    module_dots = max(1, min(10, side // (modules + 2 * QR_QUIET_MODULES)))  # ZPL/TSPL allow 1-10
    symbol = modules * module_dots
    # Centred vertically, left-aligned so the text column beside it keeps its distance.
    x = qr_box.x + QR_QUIET_MODULES * module_dots
    y = qr_box.y + (qr_box.h - symbol) // 2
    return QrElement(Box(x, y, symbol, symbol), payload, modules, module_dots)


def _box(f: FieldBox, dpi: int) -> Box:
    x, y = mm_to_dots(f.x_mm, dpi), mm_to_dots(f.y_mm, dpi)
    return Box(x, y, mm_to_dots(f.x_mm + f.w_mm, dpi) - x, mm_to_dots(f.y_mm + f.h_mm, dpi) - y)


def _wrap(text: str, size: int, width: int) -> list[str]:
    """Greedy wrap: after a space, "-" or "/" in the second half of the line (so "YP2026-" / "000045"),
    else between any two characters, as Chinese is written without spaces."""
    lines: list[str] = []
    current = ""
    for ch in text:
        if not current or text_width((current + ch).rstrip(), size) <= width:
            current += ch
            continue
        cut = max(current.rfind(mark) for mark in _BREAK_AFTER)
        if ch != " " and cut >= len(current) // 2:
            lines.append(current[: cut + 1].rstrip())
            current = (current[cut + 1 :] + ch).lstrip()
        else:
            lines.append(current.rstrip())
            current = ch.lstrip()
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _truncate(text: str, size: int, width: int) -> str:
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + ELLIPSIS, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


@lru_cache(maxsize=8192)
def fit_text(
    text: str, width: int, height: int, size: int, min_size: int, max_lines: int
) -> tuple[int, tuple[str, ...]]:
    """(em size, lines) of ``text`` in a width x height box: shrink, then wrap, then truncate with "…".

    A little shrinking (to 80 %) comes first; then two lines at a larger size are preferred to one line
    of small type, which is harder to read on a 203 dpi label; then one line down to the minimum size.
    """
    min_size = max(1, min(min_size, size))
    size = max(min_size, min(size, int(height / LINE_HEIGHT)))  # never larger than one line of the box
    sizes = range(size, min_size - 1, -1)

    def one_line(s: int) -> bool:
        return text_width(text, s) <= width and line_height(s) <= height

    for s in sizes:
        if s >= size * 0.8 and one_line(s):
            return s, (text,)
    for s in sizes:
        rows = min(max_lines, height // line_height(s))
        if rows >= 2:
            lines = _wrap(text, s, width)
            if len(lines) <= rows:
                return s, tuple(lines)
    for s in sizes:
        if one_line(s):
            return s, (text,)
    s = min_size
    rows = max(1, min(max_lines, height // line_height(s)))
    lines = _wrap(text, s, width)
    if len(lines) > rows:
        lines = [*lines[: rows - 1], _truncate(" ".join(lines[rows - 1 :]), s, width)]
    return s, tuple(_truncate(line, s, width) for line in lines)


def layout_label(template: LabelTemplate, record: LabelRecord) -> LabelLayout:
    """Place the QR code and every text field of ``record`` on ``template``, in dots."""
    dpi = template.dpi
    qr = _qr_element(_box(template.qr, dpi), encode_payload(record.kind, record.code))
    lines: list[TextLine] = []
    boxes: list[Box] = []
    for f in template.fields:
        if f.source == "qr":
            continue
        box = _box(f, dpi)
        boxes.append(box)
        value = record.text_of(f.source)
        if not value.strip():
            continue  # no caption without a value: a bare "next due" caption would read as "never"
        text = printable(f"{f.caption}{CAPTION_SEPARATOR}{value}" if f.caption else value)
        size, wrapped = fit_text(
            text, box.w, box.h, mm_to_dots(f.font_mm, dpi), mm_to_dots(f.min_font_mm, dpi), f.max_lines
        )
        pitch = line_height(size)
        for row, line in enumerate(wrapped):
            width = min(box.w, text_width(line, size))
            lines.append(TextLine(Box(box.x, box.y + row * pitch, width, pitch), line, size))
    return LabelLayout(
        width=mm_to_dots(template.width_mm, dpi),
        height=mm_to_dots(template.height_mm, dpi),
        dpi=dpi,
        qr=qr,
        lines=tuple(lines),
        field_boxes=tuple(boxes),
    )
