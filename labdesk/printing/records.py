"""What a label shows: the record's code, name and a few kind-specific fields, already as text.

The printing layer never queries the database; services turn an instrument or a sample row into a
LabelRecord (dates as ISO strings, the calibration status as its display text, e.g. 在用).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

LabelKind = Literal["instrument", "sample"]

INSTRUMENT_FIELDS = ("status", "next_due", "last_calibrated")
SAMPLE_FIELDS = ("order_no", "sample_type", "date")


@dataclass(frozen=True)
class LabelRecord:
    kind: LabelKind
    code: str  # instrument code / sample number, e.g. "YQ-000123", "YP2026-000045"
    name: str
    # instrument: status, next_due, last_calibrated; sample: order_no, sample_type, date
    fields: Mapping[str, str] = field(default_factory=dict)

    def text_of(self, source: str) -> str:
        """The text a template field named ``source`` shows; unknown or absent fields are empty."""
        if source == "code":
            return self.code
        if source == "name":
            return self.name
        return self.fields.get(source, "")


# Realistic records for template previews (the template screen's live preview, docs/screenshots).
DEMO_RECORDS: dict[str, LabelRecord] = {
    "instrument": LabelRecord(
        "instrument",
        "YQ-000123",
        "数字压力计 0-60 MPa（精密型）",
        {"status": "在用", "next_due": "2027-03-01", "last_calibrated": "2026-03-02"},
    ),
    "sample": LabelRecord(
        "sample",
        "YP2026-000045",
        "P·O 42.5 普通硅酸盐水泥",
        {"order_no": "WT2026-000012", "sample_type": "水泥", "date": "2026-03-14"},
    ),
}
