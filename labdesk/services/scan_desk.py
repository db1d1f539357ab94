"""The scan dock's door to the database: what record a scanned LabDesk code names, in one read.

A scanned payload says only a kind and a code (``LD1:S:YP-000123``); the dock needs to know whether that
record exists before it shows a sample's custody panel, opens an instrument's actions dialog, or falls back
to searching the ledger. Reading, deciding and the sample's summary are one unit of work so a lost server is
a sentence (``DatabaseUnavailable``), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from labdesk.models.instruments import Instrument
from labdesk.models.reports import Report
from labdesk.services.database import Database
from labdesk.services.sample_desk import SampleSummary, sample_summary
from labdesk.services.units import reading

# The ledger that lists each kind of record: an unknown code is searched for there.
LEDGERS = {"instrument": "instruments", "sample": "samples", "report": "reports"}


@dataclass(frozen=True)
class ScanLookup:
    kind: str  # "instrument" | "sample" | "report"
    code: str
    found: bool
    sample: SampleSummary | None = None  # for a sample that exists

    @property
    def ledger(self) -> str:
        return LEDGERS[self.kind]


def lookup(database: Database, kind: str, code: str) -> ScanLookup:
    """Whether the record ``code`` of ``kind`` exists, with the sample's summary for a sample."""
    if kind == "sample":
        summary = sample_summary(database, code)
        return ScanLookup(kind, code, summary is not None, summary)
    if kind not in LEDGERS:
        raise ValueError(f"unknown record kind {kind!r}")
    column = Instrument.code if kind == "instrument" else Report.report_no
    with reading(database) as session:
        found = session.scalar(select(column).where(column == code)) is not None
    return ScanLookup(kind, code, found)


def lookup_any(database: Database, code: str) -> ScanLookup | None:
    """A number typed by hand (what is printed under a label's QR code): the sample, instrument or report
    with exactly that number, in that order, or None. Only exact matches: a near miss is not a record."""
    for kind in ("sample", "instrument", "report"):
        found = lookup(database, kind, code)
        if found.found:
            return found
    return None
