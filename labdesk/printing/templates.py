"""Label templates (size in mm, printer dpi, field boxes) and A4 sheet layouts, with JSON for saving.

Field boxes are in mm from the label's top-left corner and must lie inside the margins; ``layout.py``
turns them into dots for every renderer, so a template is the single source of where things go.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

VALID_DPI = (203, 300, 600)
TEXT_SOURCES = ("code", "name", "status", "next_due", "last_calibrated", "order_no", "sample_type", "date")
JSON_FORMAT = 1  # bump when the JSON shape changes incompatibly


@dataclass(frozen=True)
class FieldBox:
    """One field: ``source`` is "qr" or a text source (code, name or a LabelRecord.fields key)."""

    source: str
    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    font_mm: float = 3.0  # nominal em size; shrunk down to min_font_mm before wrapping
    min_font_mm: float = 1.8
    max_lines: int = 1
    caption: str = ""  # printed before the value with a full-width colon, e.g. 下次校准


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    kind: str  # "instrument" | "sample"
    width_mm: float
    height_mm: float
    dpi: int = 203
    margin_mm: float = 1.5
    fields: tuple[FieldBox, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        problems = template_problems(self)
        if problems:
            raise ValueError(f"template {self.name!r}: " + "; ".join(problems))

    @property
    def qr(self) -> FieldBox:
        return next(f for f in self.fields if f.source == "qr")


def template_problems(t: LabelTemplate) -> list[str]:
    """Why a template cannot be printed (empty when it can): checked on construction and on load."""
    problems: list[str] = []
    if t.kind not in ("instrument", "sample"):
        problems.append(f"kind must be instrument or sample, not {t.kind!r}")
    if t.dpi not in VALID_DPI:
        problems.append(f"dpi must be one of {VALID_DPI}, not {t.dpi}")
    if not (5 <= t.width_mm <= 300 and 5 <= t.height_mm <= 300):
        problems.append("label size must be 5-300 mm each way")
    if not 0 <= t.margin_mm < min(t.width_mm, t.height_mm) / 2:
        problems.append("margin does not leave a printable area")
    if sum(1 for f in t.fields if f.source == "qr") != 1:
        problems.append("a template needs exactly one qr field")
    for f in t.fields:
        if f.source != "qr" and f.source not in TEXT_SOURCES:
            problems.append(f"unknown field source {f.source!r}")
        inside = (
            f.x_mm >= t.margin_mm - 1e-6
            and f.y_mm >= t.margin_mm - 1e-6
            and f.x_mm + f.w_mm <= t.width_mm - t.margin_mm + 1e-6
            and f.y_mm + f.h_mm <= t.height_mm - t.margin_mm + 1e-6
        )
        if not inside or f.w_mm <= 0 or f.h_mm <= 0:
            problems.append(f"field {f.source!r} is not inside the margins")
        if f.source != "qr" and (f.min_font_mm <= 0 or f.min_font_mm > f.font_mm or f.max_lines < 1):
            problems.append(f"field {f.source!r} has bad font sizes or line count")
        if f.source != "qr" and f.h_mm < f.min_font_mm * 1.15:
            problems.append(f"field {f.source!r} is lower than one line of its smallest type")
    return problems


_INSTRUMENT_50X30 = LabelTemplate(
    name="instrument-50x30",
    kind="instrument",
    width_mm=50,
    height_mm=30,
    dpi=203,
    margin_mm=1.5,
    fields=(
        FieldBox("qr", 1.5, 1.5, 17, 17),
        FieldBox("code", 19.5, 1.5, 29, 5.5, font_mm=4.6, min_font_mm=3.0),
        FieldBox("name", 19.5, 7.3, 29, 8.2, font_mm=3.2, min_font_mm=2.2, max_lines=2),
        FieldBox("status", 19.5, 15.5, 29, 3.8, font_mm=3.0, min_font_mm=2.2, caption="状态"),
        FieldBox("next_due", 1.5, 19.6, 47, 3.8, font_mm=3.0, min_font_mm=2.2, caption="下次校准"),
        FieldBox("last_calibrated", 1.5, 24, 47, 3.8, font_mm=2.8, min_font_mm=2.0, caption="上次校准"),
    ),
)
_SAMPLE_40X25 = LabelTemplate(
    name="sample-40x25",
    kind="sample",
    width_mm=40,
    height_mm=25,
    dpi=203,
    margin_mm=1.5,
    fields=(
        FieldBox("qr", 1.5, 1.5, 13, 13),
        FieldBox("code", 15, 1.5, 23.5, 4.6, font_mm=3.8, min_font_mm=2.6),
        FieldBox("name", 15, 6.2, 23.5, 5.2, font_mm=2.5, min_font_mm=2.0, max_lines=2),
        FieldBox("sample_type", 15, 11.5, 23.5, 3.2, font_mm=2.5, min_font_mm=2.0, caption="类型"),
        FieldBox("order_no", 1.5, 15.3, 37, 3.4, font_mm=2.6, min_font_mm=2.0, caption="委托"),
        FieldBox("date", 1.5, 19.6, 37, 3.4, font_mm=2.6, min_font_mm=2.0, caption="日期"),
    ),
)
_TUBE_25X15 = LabelTemplate(
    name="tube-25x15",
    kind="sample",
    width_mm=25,
    height_mm=15,
    dpi=300,  # 25x15 mm is too small for 203 dpi type; tube printers are 300 dpi
    margin_mm=1.0,
    fields=(
        FieldBox("qr", 1.0, 1.0, 12, 12),
        FieldBox("code", 13.2, 1.0, 10.8, 5.2, font_mm=2.2, min_font_mm=1.7, max_lines=2),
        FieldBox("name", 13.2, 6.4, 10.8, 4.4, font_mm=1.9, min_font_mm=1.5, max_lines=2),
        FieldBox("date", 13.2, 11.2, 10.8, 2.8, font_mm=1.9, min_font_mm=1.4),
    ),
)
BUILTIN_TEMPLATES: dict[str, LabelTemplate] = {
    t.name: t for t in (_INSTRUMENT_50X30, _SAMPLE_40X25, _TUBE_25X15)
}
_DEFAULTS = {"instrument": "instrument-50x30", "sample": "sample-40x25"}


def template_by_name(name: str) -> LabelTemplate:
    try:
        return BUILTIN_TEMPLATES[name]
    except KeyError:
        known = ", ".join(BUILTIN_TEMPLATES)
        raise KeyError(f"no label template {name!r}; built-in templates: {known}") from None


def default_template(kind: str) -> LabelTemplate:
    if kind not in _DEFAULTS:
        raise KeyError(f"no default label template for kind {kind!r}; kinds: {', '.join(_DEFAULTS)}")
    return BUILTIN_TEMPLATES[_DEFAULTS[kind]]


def template_to_json(t: LabelTemplate) -> str:
    data = asdict(t)
    data["format"] = JSON_FORMAT
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def template_from_json(s: str) -> LabelTemplate:
    """A template saved by template_to_json; ValueError (never a half-built template) if it is invalid."""
    try:
        data: dict[str, Any] = json.loads(s)
        if data.pop("format", None) != JSON_FORMAT:
            raise ValueError(f"unsupported template format (expected {JSON_FORMAT})")
        fields = tuple(FieldBox(**f) for f in data.pop("fields"))
        return LabelTemplate(fields=fields, **data)
    except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a label template: {exc}") from exc


@dataclass(frozen=True)
class SheetLayout:
    """Labels on a page of a laser/inkjet sheet; each template is centred in its cell (shrunk if larger)."""

    name: str
    columns: int
    rows: int
    page_width_mm: float = 210.0  # A4
    page_height_mm: float = 297.0
    margin_left_mm: float = 0.0
    margin_top_mm: float = 0.0
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0

    @property
    def cell_width_mm(self) -> float:
        usable = self.page_width_mm - 2 * self.margin_left_mm - (self.columns - 1) * self.gap_x_mm
        return usable / self.columns

    @property
    def cell_height_mm(self) -> float:
        usable = self.page_height_mm - 2 * self.margin_top_mm - (self.rows - 1) * self.gap_y_mm
        return usable / self.rows

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def cell_origin_mm(self, index: int) -> tuple[float, float]:
        """Top-left of cell ``index`` (row-major, 0-based) on its page, from the page's top-left."""
        row, column = divmod(index % self.per_page, self.columns)
        return (
            self.margin_left_mm + column * (self.cell_width_mm + self.gap_x_mm),
            self.margin_top_mm + row * (self.cell_height_mm + self.gap_y_mm),
        )


BUILTIN_SHEETS: dict[str, SheetLayout] = {
    # 70 x 36 mm labels, the common A4 24-up sheet
    "a4-3x8": SheetLayout("a4-3x8", columns=3, rows=8, margin_left_mm=0.0, margin_top_mm=4.5),
    # 48.5 x 25.4 mm labels, the common A4 40-up sheet
    "a4-4x10": SheetLayout("a4-4x10", columns=4, rows=10, margin_left_mm=8.0, margin_top_mm=21.5),
}


def sheet_by_name(name: str) -> SheetLayout:
    try:
        return BUILTIN_SHEETS[name]
    except KeyError:
        raise KeyError(f"no sheet layout {name!r}; built-in sheets: {', '.join(BUILTIN_SHEETS)}") from None
