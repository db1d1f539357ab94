"""Editing a record card from the UI: load it with its version, save it without losing anyone's update.

Every save names the version the user started from. The row is changed only if it still has that
version (an explicit check, and SQLAlchemy's ``version_id_col`` in the UPDATE's WHERE for the race
between check and write), so two workstations saving one record produce exactly one
:class:`EditConflict`, which carries what is stored now so the UI can show what changed and let the
user reload or apply their input again. Batch edits check every row's version, all or nothing.

Field declarations and validation live in :mod:`labdesk.services.card_fields`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.people import Person
from labdesk.services.actor import Actor
from labdesk.services.card_fields import (
    FROM_CODING_RULE,
    EditableLedger,
    EditField,
    EditKind,
    clean_changes,
    editable_ledger,
)
from labdesk.services.card_fields import ValidationProblems as ValidationProblems
from labdesk.services.database import Database
from labdesk.services.ledgers.formatting import local_time
from labdesk.services.numbering import allocate_number
from labdesk.services.permissions import PermissionDenied, may_write, table_columns, writable_columns
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import reading, writing
from labdesk.services.workflow import people_names


@dataclass(frozen=True)
class EditRecord:
    """A card as loaded for editing. ``record_id`` and ``version`` are None for a new record."""

    ledger: str
    record_id: int | None
    version: int | None
    values: dict[str, Any]  # field key -> value (str, date, Decimal, int or None)
    writable: frozenset[str]  # field keys this actor may change
    updated_by: str | None = None
    updated_at: dt.datetime | None = None
    people: tuple[tuple[int, str], ...] = ()  # (id, name) for person fields; active people first
    updated_by_name: str | None = None  # the person behind ``updated_by``, where the login has one

    @property
    def is_new(self) -> bool:
        return self.record_id is None


@dataclass(frozen=True)
class Saved:
    record_id: int
    version: int
    number: str | None  # the code the record got (allocated when it was left empty)


class EditConflict(ProblemError):
    """Someone saved the record after this user loaded it; ``current`` is what is stored now."""

    def __init__(self, problem: Problem, current: EditRecord) -> None:
        super().__init__(problem)
        self.current = current


class RecordGone(ProblemError):
    """The record was deleted at another workstation."""


class BatchConflict(ProblemError):
    """Some records of a batch edit changed since they were loaded; nothing was applied."""

    def __init__(self, problem: Problem, conflicted: Sequence[int]) -> None:
        super().__init__(problem)
        self.conflicted = tuple(conflicted)


class _Stale(Exception):
    """Raised inside the unit of work so it rolls back before the conflict is described."""


def _writable_keys(card: EditableLedger, actor: Actor, *, new: bool) -> frozenset[str]:
    if new:
        allowed = table_columns(card.table) if may_write(actor.roles, card.table, "insert") else frozenset()
        allowed = frozenset(c for c in allowed if may_write(actor.roles, card.table, "insert", [c]))
    else:
        allowed = writable_columns(actor.roles, card.table)
    return frozenset(f.key for f in card.fields if f.editable and f.column in allowed)


def _values(card: EditableLedger, row: Any) -> dict[str, Any]:
    return {f.key: getattr(row, f.column) for f in card.fields}


def _people(session: Session) -> tuple[tuple[int, str], ...]:
    rows = session.execute(
        select(Person.id, Person.full_name).order_by(Person.active.desc(), Person.full_name, Person.id)
    )
    return tuple((int(pid), str(name)) for pid, name in rows)


def _load(session: Session, card: EditableLedger, record_id: int, actor: Actor) -> EditRecord:
    row = session.get(card.model, record_id, populate_existing=True)
    if row is None:
        raise RecordGone(Problem(N("Problem", "This record was deleted at another workstation; "
                                              "close the card and refresh the ledger."), {}))
    people = _people(session) if any(f.kind is EditKind.PERSON for f in card.fields) else ()
    names = people_names(session, [row.updated_by] if row.updated_by else [])
    return EditRecord(card.name, record_id, row.version, _values(card, row),
                      _writable_keys(card, actor, new=False), row.updated_by, row.updated_at, people,
                      names.get(row.updated_by or "", row.updated_by))


def load_for_edit(database: Database, ledger: str, record_id: int) -> EditRecord:
    """The record's card values, its version and the fields ``database.actor`` may change."""
    card = editable_ledger(ledger)
    with reading(database) as session:
        return _load(session, card, record_id, database.actor)


def new_record(database: Database, ledger: str) -> EditRecord:
    """An empty card for a new record (the people list is read for the person choosers)."""
    card = editable_ledger(ledger)
    with reading(database) as session:
        people = _people(session) if any(f.kind is EditKind.PERSON for f in card.fields) else ()
    values: dict[str, Any] = dict.fromkeys((f.key for f in card.fields), None)
    return EditRecord(card.name, None, None, values, _writable_keys(card, database.actor, new=True),
                      people=people)


def number_hint(field: EditField) -> str | None:
    """Why a new record's number field may stay empty (for the UI's placeholder), if it may."""
    return FROM_CODING_RULE if field.kind is EditKind.TEXT else None


def _refuse_unwritable(card: EditableLedger, actor: Actor, keys: frozenset[str], *, new: bool) -> None:
    denied = sorted(set(keys) - _writable_keys(card, actor, new=new))
    if denied:
        field = card.field(denied[0])
        raise PermissionDenied(Problem(N("Problem", "{who} may not change the field {field}."),
                                       {"who": actor.display_name, "field": field.label}))


def _check_unique_number(session: Session, card: EditableLedger, record_id: int | None,
                         changes: Mapping[str, Any]) -> None:
    key = card.number_field
    if key is None or changes.get(key) is None:
        return
    column = getattr(card.model, card.field(key).column)
    taken = session.scalar(select(card.model.id).where(column == changes[key]))
    if taken is not None and taken != record_id:
        raise ValidationProblems({key: Problem(N("Problem", "The code {code} is already used by another "
                                                            "record; choose another or leave it empty."),
                                               {"code": str(changes[key])})})


def save(
    database: Database,
    ledger: str,
    record_id: int | None,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> Saved:
    """Store ``changes`` (field key -> value) on the record at ``expected_version``, or create it.

    Raises :class:`ValidationProblems` (per field), :class:`PermissionDenied`, :class:`EditConflict`
    (someone saved first; nothing stored), :class:`RecordGone`, or ``DatabaseUnavailable`` (nothing
    stored; the same call can be retried).
    """
    card = editable_ledger(ledger)
    new = record_id is None
    cleaned = clean_changes(card, changes, new=new)
    _refuse_unwritable(card, database.actor, frozenset(cleaned), new=new)
    try:
        with writing(database) as session:
            return _store(session, card, record_id, expected_version, cleaned, database.actor)
    except _Stale:
        assert record_id is not None
        current = load_for_edit(database, ledger, record_id)
        raise EditConflict(_conflict_problem(current), current) from None


def _conflict_problem(current: EditRecord) -> Problem:
    when = local_time(current.updated_at).strftime("%Y-%m-%d %H:%M") if current.updated_at else "?"
    return Problem(
        N("Problem", "{who} saved this record at {when} while you were editing it. Compare the changes, "
                     "then reload theirs or apply yours on top of them."),
        {"who": current.updated_by_name or current.updated_by or "?", "when": when},
    )


def _store(session: Session, card: EditableLedger, record_id: int | None, expected_version: int | None,
           cleaned: dict[str, Any], actor: Actor) -> Saved:
    _check_unique_number(session, card, record_id, cleaned)
    if record_id is None:
        row: Any = card.model()
        if card.number_field and cleaned.get(card.number_field) is None and card.doc_type is not None:
            cleaned[card.number_field] = allocate_number(session, card.doc_type)
        row.created_by = actor.login
        session.add(row)
    else:
        row = session.get(card.model, record_id, with_for_update=True, populate_existing=True)
        if row is None:
            raise RecordGone(Problem(N("Problem", "This record was deleted at another workstation; "
                                                  "your changes were not saved."), {}))
        if row.version != expected_version:
            raise _Stale
    for key, value in cleaned.items():
        setattr(row, card.field(key).column, value)
    if card.derive is not None:
        card.derive(row)
    row.updated_by = actor.login
    try:
        session.flush()
    except StaleDataError:
        raise _Stale from None
    except IntegrityError as error:
        # Two workstations chose the same code at once; the unique index told the second.
        raise ValidationProblems({card.number_field or card.fields[0].key: Problem(
            N("Problem", "This record could not be saved: {detail}."),
            {"detail": str(error.orig).splitlines()[0]})}) from None
    number = getattr(row, card.field(card.number_field).column) if card.number_field else None
    return Saved(int(row.id), int(row.version), number)


def batch_update(
    database: Database,
    ledger: str,
    records: Sequence[tuple[int, int]],
    changes: Mapping[str, Any],
) -> dict[int, int]:
    """Apply the same ``changes`` to every (record_id, expected_version), all or nothing.

    One transaction; rows are locked while their versions are compared. If any record changed
    since it was loaded (or is gone), nothing is applied and :class:`BatchConflict` lists them.
    Returns record_id -> new version.
    """
    card = editable_ledger(ledger)
    cleaned = clean_changes(card, changes, new=False)
    _refuse_unwritable(card, database.actor, frozenset(cleaned), new=False)
    expected = dict(records)
    try:
        with writing(database) as session:
            model: Any = card.model
            rows = {row.id: row for row in session.scalars(
                select(model).where(model.id.in_(expected)).with_for_update().execution_options(
                    populate_existing=True))}
            conflicted = sorted(rid for rid, version in expected.items()
                                if rid not in rows or rows[rid].version != version)
            if conflicted:
                raise BatchConflict(_batch_problem(conflicted, len(expected)), conflicted)
            for row in rows.values():
                for key, value in cleaned.items():
                    setattr(row, card.field(key).column, value)
                if card.derive is not None:
                    card.derive(row)
                row.updated_by = database.actor.login
            try:
                session.flush()
            except StaleDataError:
                raise _Stale from None
            return {rid: int(row.version) for rid, row in rows.items()}
    except _Stale:
        # Only reachable where FOR UPDATE is not a lock (SQLite, one seat): find who moved.
        with reading(database) as session:
            model = card.model
            stored = select(model.id, model.version).where(model.id.in_(expected))
            now: dict[int, int] = dict(session.execute(stored).tuples().all())
        conflicted = sorted(rid for rid, version in expected.items() if now.get(rid) != version)
        raise BatchConflict(_batch_problem(conflicted, len(expected)), conflicted) from None


def _batch_problem(conflicted: Sequence[int], total: int) -> Problem:
    return Problem(
        N("Problem", "{count} of the {total} records were changed by someone else since you loaded them, "
                     "so nothing was changed; refresh the ledger and try again."),
        {"count": str(len(conflicted)), "total": str(total)},
    )
