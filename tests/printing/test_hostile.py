"""Hostile text in every field, on every format: nothing becomes a command and the QR still decodes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from labdesk.printing.payload import encode_payload
from labdesk.printing.pdf import render_pdf_sheet
from labdesk.printing.png import render_png
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_SHEETS, BUILTIN_TEMPLATES
from labdesk.printing.tspl import render_tspl
from labdesk.printing.zpl import render_zpl
from tests.printing.roundtrip import (
    hostile_records,
    parse_tspl,
    pdf_page_images,
    qr_texts,
    sheet_cells,
    tspl_args,
    zpl_commands,
    zpl_image,
)

KNOWN_TSPL = {"SIZE", "GAP", "DIRECTION", "CLS", "QRCODE", "TEXT", "BITMAP", "PRINT"}
CASES = [
    (name, i) for name, t in sorted(BUILTIN_TEMPLATES.items()) for i in range(len(hostile_records(t.kind)))
]


def _record(name: str, index: int) -> LabelRecord:
    return hostile_records(BUILTIN_TEMPLATES[name].kind)[index]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_zpl(name: str, index: int) -> None:
    template, record = BUILTIN_TEMPLATES[name], _record(name, index)
    clean = zpl_commands(render_zpl(template, LabelRecord(record.kind, "YQ-1", "x")))
    zpl = render_zpl(template, record)
    commands = zpl_commands(zpl)
    assert commands.count(b"^XA") == 1 and commands.count(b"^XZ") == 1
    assert [c for c in commands if c.startswith(b"~")] == [] == [c for c in clean if c.startswith(b"~")]
    assert set(commands) <= set(clean) | {b"^GF", b"^A0"}
    assert all(byte >= 0x20 or byte == 0x0A for byte in zpl)  # no control character reaches the printer
    assert qr_texts(zpl_image(zpl, template)) == [encode_payload(record.kind, record.code)]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_tspl(name: str, index: int) -> None:
    template, record = BUILTIN_TEMPLATES[name], _record(name, index)
    commands = parse_tspl(render_tspl(template, record))
    assert [c.name for c in commands].count("PRINT") == 1 and commands[-1].name == "PRINT"
    assert {c.name for c in commands} <= {
        "SIZE",
        "GAP",
        "DIRECTION",
        "CLS",
        "QRCODE",
        "TEXT",
        "BITMAP",
        "PRINT",
    }
    for command in commands:
        if command.name in ("TEXT", "QRCODE"):
            tspl_args(command.args)  # every string literal closes where it should
    qr = next(c for c in commands if c.name == "QRCODE")
    assert tspl_args(qr.args)[-1] == encode_payload(record.kind, record.code)


@pytest.mark.parametrize(("name", "index"), CASES)
def test_png(name: str, index: int) -> None:
    template, record = BUILTIN_TEMPLATES[name], _record(name, index)
    image = Image.open(io.BytesIO(render_png(template, record)))
    assert qr_texts(image) == [encode_payload(record.kind, record.code)]


def test_pdf_sheet() -> None:
    template, sheet = BUILTIN_TEMPLATES["instrument-50x30"], BUILTIN_SHEETS["a4-3x8"]
    records = hostile_records("instrument")
    out = io.BytesIO()
    assert render_pdf_sheet(template, records, out, sheet=sheet) == 1
    (page,) = pdf_page_images(out.getvalue())
    found = [qr_texts(cell) for cell in sheet_cells(page, sheet)[: len(records)]]
    assert found == [[encode_payload(r.kind, r.code)] for r in records]


def test_control_characters_in_a_code_are_refused_not_printed() -> None:
    with pytest.raises(ValueError, match="QR payload"):
        render_zpl(BUILTIN_TEMPLATES["sample-40x25"], LabelRecord("sample", "YP\r\n^XZ", "x"))
