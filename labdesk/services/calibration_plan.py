"""The calibration plan (校准计划), calibration reminders, and the guard that keeps instruments that are
out of calibration or out of service away from tasks (ISO/IEC 17025 §6.4.7, §6.4.9).

Everything here reads the instruments' own ``next_due_date`` and ``status``; recording a calibration
(``services/instrument_workflow.py``) moves ``next_due_date`` forward, and with it the plan.

Decisions (docs/instruments.md, "Calibration plan and reminders"):

* A plan of N months covers N *calendar* months starting with the current one (in December,
  ``--months 3`` is December, January, February) and lists every instrument due on or before the
  last day of the last month. Instruments due before today are **overdue** and form a group of their
  own, listed first; every month of the range has a group, even an empty one, so a printed plan shows
  that a month was looked at. "Due today" is not overdue (it is the last day it may be used).
* Retired instruments are not in the plan. Out-of-service, under-repair, out-for-calibration and
  loaned instruments are: their calibration still falls due and the equipment manager decides
  whether to calibrate or retire them; their status is in every row and flagged.
* Instruments without a next due date (no interval, never calibrated) cannot be scheduled and are
  not in the plan.
* The Excel workbook (``write_plan_xlsx``, ``export_plan``) is written by ``calibration_export``.
* Rows are ordered by (next due date, id): the ``ix_instruments_next_due_date_id`` index serves the
  single query, so the plan is an index range scan however large the ledger is.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session, aliased

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.instruments import Instrument, InstrumentStatus
from labdesk.models.people import Person
from labdesk.services.problems import Problem, ProblemError

Translate = Callable[[str, str], str]

MAX_MONTHS = 24
DEFAULT_WARN_DAYS = 30
STREAM_CHUNK = 1000
REMINDER_ROWS = 200  # the reminders panel lists this many; the counts are always complete

# Colours by meaning, the same as the ledgers' status colours (ledgers/common.py).
RED = "#c0392b"
AMBER = "#d68910"
PURPLE = "#7d3c98"

OVERDUE = N("CalibrationPlan", "Overdue")
OUT_OF_SERVICE = N("CalibrationPlan", "Out of service")
UNDER_REPAIR = N("CalibrationPlan", "Under repair")
OUT_FOR_CALIBRATION = N("CalibrationPlan", "Out for calibration")
# Statuses that keep an instrument from use; each flags the instrument wherever it is listed.
BLOCKING_STATUSES = {
    InstrumentStatus.OUT_OF_SERVICE.value: (RED, OUT_OF_SERVICE),
    InstrumentStatus.UNDER_REPAIR.value: (AMBER, UNDER_REPAIR),
    InstrumentStatus.OUT_FOR_CALIBRATION.value: (PURPLE, OUT_FOR_CALIBRATION),
}
_SEVERITY = {RED: 3, AMBER: 2, PURPLE: 1}


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One instrument in the plan or the reminders; ``days_left`` is negative when overdue."""

    instrument_id: int
    code: str
    name: str
    model: str | None
    location: str | None
    custodian: str | None
    status: str
    last_calibration: dt.date | None
    next_due: dt.date
    days_left: int
    overdue: bool
    due_soon: bool  # due today or within the warning days
    method: str | None  # "internal" | "external"
    provider: str | None


@dataclass(frozen=True)
class PlanGroup:
    """The overdue group (``month`` None) or one calendar month (``month`` = its first day)."""

    month: dt.date | None
    rows: tuple[PlanRow, ...]

    @property
    def overdue(self) -> bool:
        return self.month is None

    def title(self, translate: Translate) -> str:
        return translate("CalibrationPlan", OVERDUE) if self.month is None else self.month.strftime("%Y-%m")


@dataclass(frozen=True)
class CalibrationPlan:
    today: dt.date
    months: int
    horizon: dt.date  # the last day included
    warn_days: int
    groups: tuple[PlanGroup, ...]  # the overdue group first, then each month in order
    truncated: bool = False  # read with a limit and there were more rows

    @property
    def rows(self) -> tuple[PlanRow, ...]:
        return tuple(row for group in self.groups for row in group.rows)


def check_months(months: int) -> int:
    if not 1 <= months <= MAX_MONTHS:
        raise ProblemError(
            Problem(
                N("Problem", "The plan covers 1 to {max} months, not {months}."),
                {"max": str(MAX_MONTHS), "months": str(months)},
            )
        )
    return months


def month_start(day: dt.date, months_ahead: int = 0) -> dt.date:
    """The first day of the month ``months_ahead`` after ``day``'s month."""
    years, month0 = divmod(day.month - 1 + months_ahead, 12)
    return dt.date(day.year + years, month0 + 1, 1)


def plan_horizon(today: dt.date, months: int) -> dt.date:
    """The last day of the plan: the end of the ``months``-th calendar month counting this one."""
    last = month_start(today, months - 1)
    return last.replace(day=calendar.monthrange(last.year, last.month)[1])


_custodian = aliased(Person, name="plan_custodian")
_COLUMNS = (
    Instrument.id,
    Instrument.code,
    Instrument.name,
    Instrument.model,
    Instrument.location,
    _custodian.full_name,
    Instrument.status,
    Instrument.last_calibration_date,
    Instrument.next_due_date,
    Instrument.calibration_method,
    Instrument.calibration_provider,
)


def _due_select(until: dt.date) -> Any:
    """Every non-retired instrument due on or before ``until``, in (next due, id) order: the
    ``(next_due_date, id)`` index gives the range and the order, so nothing is sorted."""
    return (
        select(*_COLUMNS)
        .outerjoin(_custodian, Instrument.custodian_id == _custodian.id)
        .where(Instrument.next_due_date <= until, Instrument.status != InstrumentStatus.RETIRED.value)
        .order_by(Instrument.next_due_date, Instrument.id)
    )


def _row(values: Sequence[Any], today: dt.date, warn_days: int) -> PlanRow:
    iid, code, name, model, location, custodian, status, last, due, method, provider = values
    days = (due - today).days
    return PlanRow(int(iid), code, name, model, location, custodian, status, last, due, days,
                   days < 0, 0 <= days <= warn_days, method, provider)


def plan_rows(
    session: Session, months: int, today: dt.date, *, warn_days: int = DEFAULT_WARN_DAYS
) -> Iterator[PlanRow]:
    """The plan's rows in order, streamed (memory stays flat for a million instruments)."""
    stmt = _due_select(plan_horizon(today, check_months(months)))
    with session.execute(stmt.execution_options(yield_per=STREAM_CHUNK)) as result:
        for values in result:
            yield _row(values, today, warn_days)


def group_key(row: PlanRow) -> dt.date | None:
    """None for an overdue row, else the first day of the month it falls due in."""
    return None if row.overdue else row.next_due.replace(day=1)


def plan(
    session: Session,
    months: int,
    today: dt.date,
    *,
    warn_days: int = DEFAULT_WARN_DAYS,
    limit: int | None = None,
) -> CalibrationPlan:
    """The plan for ``months`` calendar months from ``today``'s (see the module docstring).

    ``limit`` caps the rows read (the app's view; the export streams everything instead).
    """
    keys: list[dt.date | None] = [None, *(month_start(today, n) for n in range(check_months(months)))]
    grouped: dict[dt.date | None, list[PlanRow]] = {key: [] for key in keys}
    stmt = _due_select(plan_horizon(today, months))
    if limit is not None:
        stmt = stmt.limit(limit + 1)  # one more than shown says whether there are more
    found = [_row(values, today, warn_days) for values in session.execute(stmt)]
    truncated = limit is not None and len(found) > limit
    for row in found[:limit]:
        grouped[group_key(row)].append(row)
    return CalibrationPlan(
        today,
        months,
        plan_horizon(today, months),
        warn_days,
        tuple(PlanGroup(key, tuple(grouped[key])) for key in keys),
        truncated,
    )


# -- reminders --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reminders:
    today: dt.date
    warn_days: int
    overdue: int
    due_soon: int  # due today or within ``warn_days``
    rows: tuple[PlanRow, ...]  # the first REMINDER_ROWS of them, most urgent first

    @property
    def total(self) -> int:
        return self.overdue + self.due_soon

    @property
    def truncated(self) -> bool:
        return len(self.rows) < self.total


def reminders(
    session: Session, today: dt.date, warn_days: int = DEFAULT_WARN_DAYS, *, max_rows: int = REMINDER_ROWS
) -> Reminders:
    """How many instruments are overdue and due within ``warn_days`` (same population as the plan:
    not retired, with a due date), and the most urgent ``max_rows`` of them."""
    warn_days = max(0, warn_days)
    until = today + dt.timedelta(days=warn_days)
    overdue = Instrument.next_due_date < today
    counts = session.execute(
        select(
            func.coalesce(func.sum(case((overdue, 1), else_=0)), 0).cast(Integer),
            func.count(),
        ).where(Instrument.next_due_date <= until, Instrument.status != InstrumentStatus.RETIRED.value)
    ).one()
    late, total = int(counts[0]), int(counts[1])
    rows = tuple(_row(v, today, warn_days) for v in session.execute(_due_select(until).limit(max_rows)))
    return Reminders(today, warn_days, late, total - late, rows)


# -- flags and the task guard -----------------------------------------------------------------------
@dataclass(frozen=True)
class RowFlag:
    """Why a row is flagged: the most severe colour and every reason (English, context CalibrationPlan)."""

    color: str
    reasons: tuple[str, ...]


def instrument_flag(status: Any, next_due: Any, today: dt.date | None = None) -> RowFlag | None:
    """The flag of an instrument with this status and due date (None: nothing to flag).

    Overdue and out-of-service are red, under repair amber, out for calibration purple; retired
    instruments are history and carry no flag.
    """
    if status == InstrumentStatus.RETIRED.value:
        return None
    found: list[tuple[str, str]] = []
    blocking = BLOCKING_STATUSES.get(str(status))
    if blocking is not None:
        found.append(blocking)
    if isinstance(next_due, dt.date) and next_due < (today or dt.date.today()):
        found.append((RED, OVERDUE))
    if not found:
        return None
    color = max((c for c, _ in found), key=_SEVERITY.__getitem__)
    return RowFlag(color, tuple(reason for _, reason in found))


_NOT_USABLE = {
    InstrumentStatus.OUT_OF_SERVICE.value: N(
        "Problem", "Instrument {code} is out of service and cannot be used for tasks."),
    InstrumentStatus.UNDER_REPAIR.value: N(
        "Problem", "Instrument {code} is under repair and cannot be used for tasks."),
    InstrumentStatus.OUT_FOR_CALIBRATION.value: N(
        "Problem", "Instrument {code} is out for calibration and cannot be used for tasks."),
    InstrumentStatus.LOANED.value: N("Problem", "Instrument {code} is on loan and cannot be used for tasks."),
    InstrumentStatus.RETIRED.value: N(
        "Problem", "Instrument {code} is retired and cannot be used for tasks."),
}
_OVERDUE_PROBLEM = N(
    "Problem",
    "Instrument {code} was due for calibration on {due}; record its calibration before using it for tasks.",
)
_NO_SUCH_INSTRUMENT = N("Problem", "There is no instrument with id {id}.")


class InstrumentNotUsable(ProblemError):
    """An instrument chosen for a task is out of calibration or out of service; ``problems`` has all."""

    def __init__(self, problems: dict[int, Problem]) -> None:
        super().__init__(next(iter(problems.values())))
        self.problems = problems


def usable_for_tasks(session: Session, instrument_ids: Iterable[int], today: dt.date) -> dict[int, Problem]:
    """Which of ``instrument_ids`` may not be used for a task, each with the reason (empty: all may).

    Only an in-service (``in_service``) instrument whose calibration is not overdue may be chosen; an
    instrument with no due date (no calibration required) may.
    """
    wanted = sorted(set(instrument_ids))
    found: dict[int, tuple[str, str, dt.date | None]] = {}
    for start in range(0, len(wanted), 500):  # SQLite caps bound parameters per statement
        chunk = wanted[start : start + 500]
        for iid, code, status, due in session.execute(
            select(Instrument.id, Instrument.code, Instrument.status, Instrument.next_due_date).where(
                Instrument.id.in_(chunk)
            )
        ):
            found[int(iid)] = (code, status, due)
    problems: dict[int, Problem] = {}
    for iid in wanted:
        if iid not in found:
            problems[iid] = Problem(_NO_SUCH_INSTRUMENT, {"id": str(iid)})
            continue
        code, status, due = found[iid]
        if status != InstrumentStatus.IN_SERVICE.value:
            problems[iid] = Problem(_NOT_USABLE.get(status, _NOT_USABLE["out_of_service"]), {"code": code})
        elif due is not None and due < today:
            problems[iid] = Problem(_OVERDUE_PROBLEM, {"code": code, "due": due.isoformat()})
    return problems


def require_usable_for_tasks(session: Session, instrument_ids: Iterable[int], today: dt.date) -> None:
    """Raise :class:`InstrumentNotUsable` unless every instrument may be used for a task; the service
    that links instruments to tasks calls this in the same transaction as the link."""
    problems = usable_for_tasks(session, instrument_ids, today)
    if problems:
        raise InstrumentNotUsable(problems)
