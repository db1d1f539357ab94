from __future__ import annotations

import dataclasses

import pytest

from labdesk.printing.layout import layout_label, mm_to_dots
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import (
    BUILTIN_SHEETS,
    BUILTIN_TEMPLATES,
    FieldBox,
    LabelTemplate,
    default_template,
    template_by_name,
    template_from_json,
    template_to_json,
)
from tests.printing.roundtrip import INSTRUMENT, SAMPLE, hostile_records


def test_builtins_and_defaults() -> None:
    assert set(BUILTIN_TEMPLATES) == {"instrument-50x30", "sample-40x25", "tube-25x15"}
    assert set(BUILTIN_SHEETS) == {"a4-3x8", "a4-4x10"}
    assert default_template("instrument").name == "instrument-50x30"
    assert default_template("sample").name == "sample-40x25"
    assert template_by_name("tube-25x15").kind == "sample"


def test_unknown_names_say_what_exists() -> None:
    with pytest.raises(KeyError, match="instrument-50x30"):
        template_by_name("instrument-99x99")
    with pytest.raises(KeyError, match="kinds"):
        default_template("report")


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_json_round_trip(name: str) -> None:
    template = BUILTIN_TEMPLATES[name]
    assert template_from_json(template_to_json(template)) == template


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "{}",
        '{"format": 99}',
        template_to_json(BUILTIN_TEMPLATES["sample-40x25"]).replace("203", "150"),
    ],
)
def test_bad_json_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        template_from_json(text)


def test_a_field_outside_the_margins_is_refused() -> None:
    base = BUILTIN_TEMPLATES["sample-40x25"]
    with pytest.raises(ValueError, match="not inside the margins"):
        dataclasses.replace(base, fields=(*base.fields, FieldBox("name", 30, 20, 15, 4)))
    with pytest.raises(ValueError, match="exactly one qr"):
        LabelTemplate("x", "sample", 40, 25, fields=(FieldBox("name", 2, 2, 10, 4),))


def test_sheet_cells_tile_the_page() -> None:
    sheet = BUILTIN_SHEETS["a4-3x8"]
    assert (round(sheet.cell_width_mm, 2), round(sheet.cell_height_mm, 2)) == (70.0, 36.0)
    x, y = sheet.cell_origin_mm(23)
    assert x + sheet.cell_width_mm == pytest.approx(210)
    assert y + sheet.cell_height_mm == pytest.approx(297 - 4.5)
    assert sheet.cell_origin_mm(24) == sheet.cell_origin_mm(0)  # the next page starts over


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_every_element_lies_inside_the_label_and_its_box(name: str) -> None:
    template = BUILTIN_TEMPLATES[name]
    margin = mm_to_dots(template.margin_mm, template.dpi)
    records = [INSTRUMENT if template.kind == "instrument" else SAMPLE, *hostile_records(template.kind)]
    for record in records:
        layout = layout_label(template, record)
        assert layout.qr.box.inside(layout.width, layout.height)
        for line in layout.lines:
            assert line.box.inside(layout.width, layout.height)
            assert line.box.x >= margin and line.box.y >= margin
            assert any(
                box.x <= line.box.x
                and box.y <= line.box.y
                and line.box.x + line.box.w <= box.x + box.w
                and line.box.y + line.box.h <= box.y + box.h
                for box in layout.field_boxes
            ), f"{line} is outside every field box"


def test_long_text_is_shrunk_wrapped_then_cut() -> None:
    template = BUILTIN_TEMPLATES["instrument-50x30"]
    short = layout_label(template, INSTRUMENT)
    long = layout_label(template, LabelRecord("instrument", "YQ-1", "压力表" * 100))
    name_lines = [line for line in long.lines if line.box.y > short.lines[0].box.y]
    assert len(name_lines) == 2  # the name field holds two lines
    assert name_lines[-1].text.endswith("…")
    assert name_lines[0].size == mm_to_dots(2.2, 203)  # shrunk to the field's minimum before wrapping


def test_blank_fields_print_no_caption() -> None:
    layout = layout_label(BUILTIN_TEMPLATES["instrument-50x30"], LabelRecord("instrument", "YQ-1", "表"))
    assert [line.text for line in layout.lines] == ["YQ-1", "表"]


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_builtin_fields_do_not_overlap(name: str) -> None:
    fields = BUILTIN_TEMPLATES[name].fields
    for i, a in enumerate(fields):
        for b in fields[i + 1 :]:
            apart = (
                a.x_mm + a.w_mm <= b.x_mm
                or b.x_mm + b.w_mm <= a.x_mm
                or a.y_mm + a.h_mm <= b.y_mm
                or b.y_mm + b.h_mm <= a.y_mm
            )
            assert apart, f"{a.source} overlaps {b.source}"


def test_codes_wrap_at_the_hyphen() -> None:
    layout = layout_label(BUILTIN_TEMPLATES["tube-25x15"], SAMPLE)
    assert [line.text for line in layout.lines[:2]] == ["YP2026-", "000045"]
