"""Which fields of a record card can be edited, declared per ledger, and how a typed value is checked.

A ledger is editable once it has an :class:`EditableLedger` in :data:`EDITABLE`. The instrument card's
fields come from :mod:`labdesk.services.instrument_fields` (the list the Excel import uses too), so a
field added there appears on the card; customers are declared here. Validation never changes a
value: text is kept verbatim (quotes, SQL, emoji, control characters) or refused with a sentence,
never cut to fit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.customers import Customer
from labdesk.models.instruments import CalibrationMethod, Instrument
from labdesk.models.numbering import DocType
from labdesk.services import instrument_fields as instrument
from labdesk.services.problems import Problem, ProblemError

MONEY_MAX = Decimal("999999999999.99")  # Numeric(14, 2)
INT_MAX = 2**31 - 1  # a 32-bit INTEGER column


class EditKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"  # several lines (notes)
    DATE = "date"
    INT = "int"
    MONEY = "money"
    PERSON = "person"  # a people.id, chosen by name
    CHOICE = "choice"  # one of ``choices``
    STATUS = "status"  # shown, never edited: status moves by workflow actions


@dataclass(frozen=True)
class EditField:
    """One field of a card: ``key`` in the values, ``column`` in the table, English ``label``."""

    key: str
    column: str
    label: str  # marked for translation in context "Ledger"
    kind: EditKind
    max_length: int | None = None
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, English label in context "Ledger")
    int_max: int = INT_MAX
    read_only_reason: str | None = None  # why nobody edits it here (a sentence, context "Problem")

    @property
    def editable(self) -> bool:
        return self.read_only_reason is None


@dataclass(frozen=True)
class EditableLedger:
    """A ledger whose cards can be edited and created."""

    name: str  # the ledger spec's name
    model: type[Any]  # a LedgerMixin model (mypy cannot spell "Base with LedgerMixin")
    fields: tuple[EditField, ...]
    number_field: str | None = None  # filled from the coding rule when left empty on a new record
    doc_type: DocType | None = None
    derive: Callable[[Any], None] | None = None  # recomputes derived columns on the ORM row

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    def field(self, key: str) -> EditField:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(f"{self.name} has no card field {key!r}")


class ValidationProblems(ProblemError):
    """Some fields hold values that cannot be saved; ``fields`` maps each field key to its sentence."""

    def __init__(self, fields: Mapping[str, Problem]) -> None:
        first_key = next(iter(fields))
        super().__init__(fields[first_key])
        self.fields = dict(fields)


# -- instruments ----------------------------------------------------------------------------------

_KIND_OF = {
    instrument.FieldKind.TEXT: EditKind.TEXT,
    instrument.FieldKind.DATE: EditKind.DATE,
    instrument.FieldKind.INT: EditKind.INT,
    instrument.FieldKind.MONEY: EditKind.MONEY,
    instrument.FieldKind.STATUS: EditKind.STATUS,
    instrument.FieldKind.PERSON: EditKind.PERSON,
}
STATUS_BY_WORKFLOW = N("Problem", "The status changes only through the card's workflow actions.")
DERIVED_DUE = N("Problem", "Calculated from the last calibration date and the calibration interval.")
FROM_CODING_RULE = N("Problem", "Left empty, the code is taken from the coding rule when you save.")


def _instrument_field(spec: instrument.InstrumentField) -> EditField:
    kind = EditKind.LONG_TEXT if spec.key == "notes" else _KIND_OF[spec.kind]
    return EditField(
        spec.key,
        spec.db_column,
        spec.header,
        kind,
        max_length=spec.max_length if kind in (EditKind.TEXT, EditKind.LONG_TEXT) else None,
        required=spec.required,
        int_max=1200 if spec.key == "calibration_interval_months" else INT_MAX,  # 100 years
        read_only_reason=STATUS_BY_WORKFLOW if kind is EditKind.STATUS else None,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, on the same day of the month or the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def derive_next_due(row: Instrument) -> None:
    """next_due_date = last calibration + interval; stored so the plan can sort on it."""
    if row.last_calibration_date is not None and row.calibration_interval_months:
        row.next_due_date = add_months(row.last_calibration_date, row.calibration_interval_months)
    else:
        row.next_due_date = None


# The import's list has no calibration method and no due date; both belong on the card.
_INSTRUMENT_EXTRA = (
    EditField(
        "calibration_method",
        "calibration_method",
        N("Ledger", "Calibration method"),
        EditKind.CHOICE,
        choices=(
            (CalibrationMethod.INTERNAL.value, N("Ledger", "Internal")),
            (CalibrationMethod.EXTERNAL.value, N("Ledger", "External")),
        ),
    ),
    EditField("next_due_date", "next_due_date", N("Ledger", "Calibration due"), EditKind.DATE,
              read_only_reason=DERIVED_DUE),
)

INSTRUMENT_CARD = EditableLedger(
    "instruments",
    Instrument,
    tuple(_instrument_field(f) for f in instrument.FIELDS) + _INSTRUMENT_EXTRA,
    number_field="code",
    doc_type=DocType.INSTRUMENT,
    derive=derive_next_due,
)

CUSTOMER_CARD = EditableLedger(
    "customers",
    Customer,
    (
        EditField("code", "code", N("Ledger", "Customer code"), EditKind.TEXT, 32),
        EditField("name", "name", N("Ledger", "Customer name"), EditKind.TEXT, 200, required=True),
        EditField("short_name", "short_name", N("Ledger", "Short name"), EditKind.TEXT, 200),
        EditField("industry", "industry", N("Ledger", "Industry"), EditKind.TEXT, 200),
        EditField("credit_code", "credit_code", N("Ledger", "Credit code"), EditKind.TEXT, 32),
        EditField("address", "address", N("Ledger", "Address"), EditKind.TEXT, 500),
        EditField("phone", "phone", N("Ledger", "Phone"), EditKind.TEXT, 64),
        EditField("sales_owner", "sales_owner_id", N("Ledger", "Sales owner"), EditKind.PERSON),
        EditField("next_follow_up_date", "next_follow_up_date", N("Ledger", "Next follow-up"), EditKind.DATE),
        EditField("notes", "notes", N("Ledger", "Notes"), EditKind.LONG_TEXT, 2000),
    ),
    number_field="code",
    doc_type=DocType.CUSTOMER,
)

EDITABLE: dict[str, EditableLedger] = {card.name: card for card in (INSTRUMENT_CARD, CUSTOMER_CARD)}


def editable_ledger(name: str) -> EditableLedger:
    try:
        return EDITABLE[name]
    except KeyError:
        raise KeyError(f"the {name} ledger has no editable card") from None


# -- validation -----------------------------------------------------------------------------------


def _problem(template: str, field: EditField, **values: str) -> Problem:
    return Problem(template, {"field": field.label, **values})


def clean_value(field: EditField, value: Any) -> Any:
    """The value to store for ``field``, or :class:`ValueError` carrying the Problem; "" is None."""
    if value is None or (isinstance(value, str) and value == ""):
        return None
    kind = field.kind
    if kind in (EditKind.TEXT, EditKind.LONG_TEXT):
        text = str(value)
        if "\x00" in text:
            raise ValueError(_problem(N("Problem", "{field} contains a NUL character, which no database "
                                                   "can store; remove it."), field))
        if field.max_length is not None and len(text) > field.max_length:
            raise ValueError(_problem(
                N("Problem", "{field} takes at most {max} characters; this text has {length}. Shorten it."),
                field, max=str(field.max_length), length=str(len(text))))
        return text
    if kind is EditKind.DATE:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(_problem(N("Problem", "{field} is not a date; write it as 2026-12-31."),
                                      field)) from None
    if kind is EditKind.MONEY:
        return _money(field, value)
    if kind in (EditKind.INT, EditKind.PERSON):
        return _whole(field, value)
    if kind is EditKind.CHOICE:
        if str(value) not in {key for key, _label in field.choices}:
            raise ValueError(_problem(N("Problem", "{field} cannot be '{value}'; choose one of the list."),
                                      field, value=str(value)))
        return str(value)
    raise ValueError(_problem(STATUS_BY_WORKFLOW, field))


def _money(field: EditField, value: Any) -> Decimal:
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise ValueError(_problem(N("Problem", "{field} is not an amount; write it like 1234.50."), field))
    if amount < 0 or amount > MONEY_MAX:
        raise ValueError(_problem(N("Problem", "{field} must be between 0 and {max}."), field,
                                  max=f"{MONEY_MAX:,}"))
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(_problem(N("Problem", "{field} has more than two decimals; money is kept in fen."),
                                  field))
    return amount.quantize(Decimal("0.01"))


def _whole(field: EditField, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(_problem(N("Problem", "{field} must be a whole number."), field))
    try:
        number = int(value)
    except ValueError:
        raise ValueError(_problem(N("Problem", "{field} must be a whole number."), field)) from None
    if number < 0 or number > field.int_max:
        raise ValueError(_problem(N("Problem", "{field} must be between 0 and {max}."), field,
                                  max=str(field.int_max)))
    return number


def clean_changes(card: EditableLedger, changes: Mapping[str, Any], *, new: bool) -> dict[str, Any]:
    """Every change checked and typed; all field problems at once as :class:`ValidationProblems`."""
    cleaned: dict[str, Any] = {}
    problems: dict[str, Problem] = {}
    for key, value in changes.items():
        field = card.field(key)
        if not field.editable:
            problems[key] = Problem(field.read_only_reason or STATUS_BY_WORKFLOW)
            continue
        try:
            cleaned[key] = clean_value(field, value)
        except ValueError as error:
            problems[key] = error.args[0]
            continue
        if field.required and (cleaned[key] is None or (isinstance(cleaned[key], str)
                                                        and not cleaned[key].strip())):
            problems[key] = _problem(N("Problem", "{field} is required."), field)
    if new:
        for field in card.fields:
            if field.required and field.key not in changes and field.key not in problems:
                problems[field.key] = _problem(N("Problem", "{field} is required."), field)
    if problems:
        raise ValidationProblems(problems)
    return cleaned
