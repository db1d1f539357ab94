from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from labdesk.printing.payload import encode_payload
from labdesk.printing.pdf import render_pdf_sheet
from labdesk.printing.png import render_png
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_SHEETS, BUILTIN_TEMPLATES
from tests.printing.roundtrip import INSTRUMENT, SAMPLE, pdf_page_images, qr_texts, sheet_cells


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_png_preview(name: str) -> None:
    template = BUILTIN_TEMPLATES[name]
    record = INSTRUMENT if template.kind == "instrument" else SAMPLE
    image = Image.open(io.BytesIO(render_png(template, record)))
    assert image.mode == "1"
    assert image.size == (
        round(template.width_mm * template.dpi / 25.4),
        round(template.height_mm * template.dpi / 25.4),
    )
    assert round(image.info["dpi"][0]) == template.dpi
    assert qr_texts(image) == [encode_payload(record.kind, record.code)]


def _instruments(n: int) -> list[LabelRecord]:
    return [
        LabelRecord(
            "instrument", f"YQ-{i:06d}", f"数字压力计 {i}号", {"status": "在用", "next_due": "2027-03-01"}
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("template_name", "sheet_name"), [("instrument-50x30", "a4-3x8"), ("sample-40x25", "a4-4x10")]
)
def test_sheet_codes_come_back_in_order(template_name: str, sheet_name: str) -> None:
    template, sheet = BUILTIN_TEMPLATES[template_name], BUILTIN_SHEETS[sheet_name]
    kind = template.kind
    records = [LabelRecord(kind, f"C-{i:04d}", f"样品名称 {i}", {}) for i in range(sheet.per_page + 5)]  # type: ignore[arg-type]
    out = io.BytesIO()
    assert render_pdf_sheet(template, records, out, sheet=sheet) == 2
    pages = pdf_page_images(out.getvalue())
    assert len(pages) == 2
    found = [text for page in pages for cell in sheet_cells(page, sheet) for text in qr_texts(cell) or [""]]
    expected = [encode_payload(kind, r.code) for r in records]
    assert found[: len(records)] == expected
    assert found[len(records) :] == [""] * (2 * sheet.per_page - len(records))  # empty cells stay empty


def test_one_label_per_page_at_label_size(tmp_path: Path) -> None:
    template = BUILTIN_TEMPLATES["tube-25x15"]
    path = tmp_path / "tube.pdf"
    assert render_pdf_sheet(template, [SAMPLE, SAMPLE], path) == 2
    pages = pdf_page_images(path.read_bytes(), dpi=600)
    for page in pages:  # pdfium rounds the pixel size either way
        assert abs(page.width - 25 / 25.4 * 600) <= 1 and abs(page.height - 15 / 25.4 * 600) <= 1
    assert qr_texts(pages[1]) == [encode_payload("sample", SAMPLE.code)]


def test_no_records_no_pages() -> None:
    out = io.BytesIO()
    assert render_pdf_sheet(BUILTIN_TEMPLATES["sample-40x25"], [], out, sheet=BUILTIN_SHEETS["a4-3x8"]) == 0
    assert out.getvalue() == b""


def test_a_generator_is_streamed() -> None:
    out = io.BytesIO()
    assert (
        render_pdf_sheet(
            BUILTIN_TEMPLATES["instrument-50x30"], iter(_instruments(25)), out, sheet=BUILTIN_SHEETS["a4-3x8"]
        )
        == 2
    )
