"""Pieces the ledger definitions share: person-name joins, status styles, detail lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.orm import Session, aliased

from labdesk.models import Person
from labdesk.services.ledgers.spec import DetailSection, StatusStyle

# Status colours, by meaning rather than by ledger, so that one colour means one thing everywhere.
GREY = "#7f8c8d"  # not started, draft, ended
BLUE = "#2e86c1"  # waiting for someone
AMBER = "#d68910"  # in progress
GREEN = "#229954"  # done, in service, good
RED = "#c0392b"  # stopped, refused, out of service
PURPLE = "#7d3c98"  # away (loaned, out for calibration, dispatched)


def styles(*pairs: tuple[str, str, str]) -> dict[str, StatusStyle]:
    """{key: StatusStyle(label, colour)} from (key, English label, colour) triples."""
    return {key: StatusStyle(label, color) for key, label, color in pairs}


def person_alias(name: str) -> type[Person]:
    """A separately named join of ``people``, for a table that refers to several people."""
    return aliased(Person, name=name)


def detail(title: str, headers: Sequence[str], build: Callable[[int], Executable]) -> DetailSection:
    """A card list whose rows come from one SELECT over the record's id."""

    def rows(session: Session, record_id: int) -> Sequence[Sequence[Any]]:
        return [tuple(r) for r in session.execute(build(record_id))]

    return DetailSection(title, tuple(headers), rows)
