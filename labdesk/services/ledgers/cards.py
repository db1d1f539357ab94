"""A record's card: every ledger column of that row, plus the card's detail lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from labdesk.services.ledgers.spec import DetailSection, LedgerColumn, LedgerSpec


@dataclass(frozen=True)
class CardDetail:
    section: DetailSection
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class Card:
    spec: LedgerSpec
    record_id: int
    fields: tuple[tuple[LedgerColumn, Any], ...]
    details: tuple[CardDetail, ...]

    @property
    def number(self) -> str:
        """The record's number or code (the ledger's first column)."""
        return "" if self.fields[0][1] is None else str(self.fields[0][1])


class RecordNotFound(LookupError):
    """The record is gone (deleted at another workstation since the ledger was shown)."""


def load_card(session: Session, spec: LedgerSpec, record_id: int) -> Card:
    row = session.execute(spec.base_select().where(spec.id_column == record_id)).first()
    if row is None:
        raise RecordNotFound(f"{spec.record_title} {record_id} no longer exists")
    fields = tuple(zip(spec.columns, tuple(row)[1:], strict=True))
    details = tuple(CardDetail(section, section.rows(session, record_id)) for section in spec.details)
    return Card(spec, record_id, fields, details)
