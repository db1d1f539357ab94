"""The calibration plan's exact contents, reminders, row flags and the task guard (SQLite; the same
fleet runs on PostgreSQL in tests/pg/test_pg_calibration_plan.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from labdesk.models.instruments import Instrument
from labdesk.models.people import Person
from labdesk.printing.layout import layout_label
from labdesk.printing.templates import template_by_name
from labdesk.services import calibration_export as ce
from labdesk.services import calibration_plan as cp
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.labels import load_label_records
from labdesk.services.problems import ProblemError

TODAY = dt.date(2026, 12, 3)
HOSTILE = '=HYPERLINK("http://x")\x07 "引号" 🧪 ' + "长" * 150
# code: (status, next due date); what each one tests is said beside it.
FLEET: dict[str, tuple[str, dt.date | None]] = {
    "T-01": ("in_service", dt.date(2026, 11, 15)),  # overdue
    "T-02": ("out_of_service", dt.date(2026, 10, 1)),  # overdue and out of service: listed, flagged
    "T-03": ("retired", dt.date(2026, 9, 1)),  # retired: never in the plan
    "T-04": ("in_service", TODAY),  # due today: not overdue, due soon, this month
    "T-05": ("under_repair", dt.date(2026, 12, 31)),  # end of this month
    "T-06": ("in_service", dt.date(2027, 1, 2)),  # 30 days: the last due-soon day
    "T-07": ("in_service", dt.date(2027, 1, 3)),  # 31 days: not due soon
    "T-08": ("loaned", dt.date(2027, 2, 28)),  # the horizon itself (3 months: Dec, Jan, Feb)
    "T-09": ("in_service", dt.date(2027, 3, 1)),  # the day after the horizon: excluded
    "T-10": ("in_service", None),  # no due date: cannot be scheduled, excluded
    "T-11": ("in_service", dt.date(2026, 12, 2)),  # yesterday: overdue by one day
    "T-12": ("out_for_calibration", dt.date(2026, 11, 15)),  # same day as T-01: (date, id) order
}


def open_db(url: str) -> Database:
    return open_database(DatabaseTarget(url, UrlSource.CLI))


def build_fleet(database: Database) -> dict[str, int]:
    """The instruments of FLEET (T-04 with hostile text), returning code -> id."""
    with database.session() as session:
        keeper = Person(login="zhangwei", full_name="张伟")
        session.add(keeper)
        session.flush()
        for code, (status, due) in FLEET.items():
            session.add(Instrument(
                code=code,
                name=HOSTILE if code == "T-04" else f"仪器 {code}",
                model="M-1",
                location="力学室",
                custodian_id=keeper.id if code != "T-05" else None,
                status=status,
                calibration_interval_months=12 if due else None,
                calibration_method="external",
                calibration_provider="省计量院",
                last_calibration_date=due.replace(year=due.year - 1) if due else None,
                next_due_date=due,
            ))
        session.flush()
        ids = {i.code: i.id for i in session.query(Instrument)}
    return ids


def expected_groups() -> list[tuple[dt.date | None, list[str]]]:
    return [
        (None, ["T-02", "T-01", "T-12", "T-11"]),
        (dt.date(2026, 12, 1), ["T-04", "T-05"]),
        (dt.date(2027, 1, 1), ["T-06", "T-07"]),
        (dt.date(2027, 2, 1), ["T-08"]),
    ]


def check_plan_contents(database: Database) -> None:
    """The exact plan of FLEET for 3 months from TODAY; shared with the PostgreSQL test."""
    with database.read_session() as session:
        plan = cp.plan(session, 3, TODAY)
    assert plan.horizon == dt.date(2027, 2, 28)
    assert [(g.month, [r.code for r in g.rows]) for g in plan.groups] == expected_groups()
    rows = {r.code: r for r in plan.rows}
    assert [(c, rows[c].days_left, rows[c].overdue, rows[c].due_soon) for c in sorted(rows)] == [
        ("T-01", -18, True, False),
        ("T-02", -63, True, False),
        ("T-04", 0, False, True),
        ("T-05", 28, False, True),
        ("T-06", 30, False, True),
        ("T-07", 31, False, False),
        ("T-08", 87, False, False),
        ("T-11", -1, True, False),
        ("T-12", -18, True, False),
    ]
    t04 = rows["T-04"]
    assert (t04.name, t04.custodian, t04.status, t04.method, t04.provider) == (
        HOSTILE, "张伟", "in_service", "external", "省计量院")
    assert t04.last_calibration == dt.date(2025, 12, 3)
    assert rows["T-05"].custodian is None and rows["T-02"].status == "out_of_service"
    with database.read_session() as session:
        one = cp.plan(session, 1, TODAY)
        long = cp.plan(session, 24, TODAY)
        limited = cp.plan(session, 3, TODAY, limit=3)
    assert [(g.month, [r.code for r in g.rows]) for g in one.groups] == expected_groups()[:2]
    assert len(long.groups) == 25 and long.groups[-1].month == dt.date(2028, 11, 1)
    assert [r.code for r in long.rows] == [r.code for r in plan.rows] + ["T-09"]
    assert limited.truncated and [r.code for r in limited.rows] == ["T-02", "T-01", "T-12"]
    assert not plan.truncated


def check_reminders(database: Database) -> None:
    with database.read_session() as session:
        found = cp.reminders(session, TODAY, 30)
        none_soon = cp.reminders(session, TODAY, 0)
        capped = cp.reminders(session, TODAY, 30, max_rows=2)
    assert (found.overdue, found.due_soon, found.total) == (4, 3, 7)
    assert [r.code for r in found.rows] == ["T-02", "T-01", "T-12", "T-11", "T-04", "T-05", "T-06"]
    assert (none_soon.overdue, none_soon.due_soon) == (4, 1)  # due today still counts
    assert capped.truncated and len(capped.rows) == 2 and capped.total == 7


def check_usable(database: Database, ids: dict[str, int]) -> None:
    with database.read_session() as session:
        problems = cp.usable_for_tasks(session, [ids[c] for c in FLEET] + [999_999], TODAY)
        assert cp.usable_for_tasks(session, [ids["T-04"], ids["T-10"], ids["T-09"]], TODAY) == {}
        with pytest.raises(cp.InstrumentNotUsable) as raised:
            cp.require_usable_for_tasks(session, [ids["T-04"], ids["T-11"]], TODAY)
    code_of = {v: k for k, v in ids.items()}
    assert {code_of.get(i, i): str(p) for i, p in problems.items()} == {
        "T-01": "Instrument T-01 was due for calibration on 2026-11-15; record its calibration before "
                "using it for tasks.",
        "T-02": "Instrument T-02 is out of service and cannot be used for tasks.",
        "T-03": "Instrument T-03 is retired and cannot be used for tasks.",
        "T-05": "Instrument T-05 is under repair and cannot be used for tasks.",
        "T-08": "Instrument T-08 is on loan and cannot be used for tasks.",
        "T-11": "Instrument T-11 was due for calibration on 2026-12-02; record its calibration before "
                "using it for tasks.",
        "T-12": "Instrument T-12 is out for calibration and cannot be used for tasks.",
        999_999: "There is no instrument with id 999999.",
    }
    assert list(raised.value.problems) == [ids["T-11"]] and "T-11" in str(raised.value)


@pytest.fixture
def fleet(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, dict[str, int]]]:
    monkeypatch.setenv("LABDESK_USER", "planner")  # no person record: every role on SQLite
    database = open_db(sqlite_url)
    ids = build_fleet(database)
    yield database, ids
    database.dispose()


def test_plan_has_exactly_the_due_instruments_by_month(fleet: tuple[Database, dict[str, int]]) -> None:
    check_plan_contents(fleet[0])


def test_reminders_count_overdue_and_due_soon(fleet: tuple[Database, dict[str, int]]) -> None:
    check_reminders(fleet[0])


def test_only_in_service_calibrated_instruments_are_usable_for_tasks(
    fleet: tuple[Database, dict[str, int]],
) -> None:
    check_usable(*fleet)


def test_recording_a_calibration_rolls_the_plan_forward(fleet: tuple[Database, dict[str, int]]) -> None:
    database, ids = fleet
    with database.session() as session:  # what the instrument workflow does on record_calibration
        instrument = session.get(Instrument, ids["T-01"])
        assert instrument is not None
        instrument.last_calibration_date, instrument.next_due_date = TODAY, dt.date(2027, 12, 3)
    with database.read_session() as session:
        plan = cp.plan(session, 3, TODAY)
        assert "T-01" not in {r.code for r in plan.rows}
        assert [r.code for r in plan.groups[0].rows] == ["T-02", "T-12", "T-11"]
        assert "T-01" in {r.code for r in cp.plan(session, 13, TODAY).groups[13].rows}


@pytest.mark.parametrize("months", [0, -1, 25])
def test_months_out_of_range_are_refused(fleet: tuple[Database, dict[str, int]], months: int) -> None:
    with fleet[0].read_session() as session, pytest.raises(ProblemError, match="1 to 24 months"):
        cp.plan(session, months, TODAY)


def test_horizon_is_the_end_of_the_last_calendar_month() -> None:
    assert cp.plan_horizon(dt.date(2026, 12, 3), 3) == dt.date(2027, 2, 28)
    assert cp.plan_horizon(dt.date(2027, 12, 31), 3) == dt.date(2028, 2, 29)
    assert cp.plan_horizon(dt.date(2026, 1, 31), 1) == dt.date(2026, 1, 31)
    assert cp.month_start(dt.date(2026, 11, 30), 14) == dt.date(2028, 1, 1)


def test_flags_say_why_a_row_is_marked() -> None:
    assert cp.instrument_flag("in_service", TODAY, TODAY) is None
    assert cp.instrument_flag("in_service", None, TODAY) is None
    assert cp.instrument_flag("retired", dt.date(2020, 1, 1), TODAY) is None
    assert cp.instrument_flag("in_service", TODAY - dt.timedelta(days=1), TODAY) == cp.RowFlag(
        cp.RED, (cp.OVERDUE,))
    assert cp.instrument_flag("under_repair", TODAY, TODAY) == cp.RowFlag(cp.AMBER, (cp.UNDER_REPAIR,))
    assert cp.instrument_flag("out_for_calibration", None, TODAY) == cp.RowFlag(
        cp.PURPLE, (cp.OUT_FOR_CALIBRATION,))
    both = cp.instrument_flag("under_repair", dt.date(2026, 1, 1), TODAY)
    assert both == cp.RowFlag(cp.RED, (cp.UNDER_REPAIR, cp.OVERDUE))  # the more severe colour wins
    assert cp.instrument_flag("out_of_service", None, TODAY) == cp.RowFlag(cp.RED, (cp.OUT_OF_SERVICE,))


def test_plan_workbook_has_groups_in_order_and_coloured_rows(
    fleet: tuple[Database, dict[str, int]], tmp_path: Path,
) -> None:
    database, _ids = fleet
    path = tmp_path / "plan.xlsx"
    with database.read_session() as session:
        written = ce.write_plan_xlsx(cp.plan(session, 3, TODAY), path, lambda _c, text: text)
    assert written == 9
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert sheet.title == "Calibration plan"
    assert values[0][0] == "Calibration plan  2026-12 to 2027-02, as of 2026-12-03"
    assert values[1][:3] == ("Instrument code", "Instrument name", "Model")
    firsts = [v[0] for v in values[2:]]
    assert firsts == ["Overdue", "T-02", "T-01", "T-12", "T-11", "2026-12", "T-04", "T-05",
                      "2027-01", "T-06", "T-07", "2027-02", "T-08"]
    by_code = {row[0].value: row for row in sheet.iter_rows(min_row=3) if str(row[0].value).startswith("T-")}
    assert by_code["T-01"][0].fill.fgColor.rgb.endswith(ce.RED_FILL)
    assert by_code["T-05"][0].fill.fgColor.rgb.endswith(ce.AMBER_FILL)
    assert by_code["T-07"][0].fill.fill_type is None
    t04 = [c.value for c in by_code["T-04"]]
    # Control characters dropped and the formula defused, as in every LabDesk export; the rest verbatim.
    assert t04[1] == "'" + HOSTILE.replace("\x07", "")
    assert t04[5:11] == ["In service", dt.datetime(2025, 12, 3), dt.datetime(2026, 12, 3), 0, None,
                         "External"]
    assert [c.value for c in by_code["T-02"]][5:10] == ["Out of service", dt.datetime(2025, 10, 1),
                                                      dt.datetime(2026, 10, 1), -63, "Yes"]
    book.close()


def test_streamed_export_matches_the_built_plan_and_lists_empty_months(
    fleet: tuple[Database, dict[str, int]], tmp_path: Path,
) -> None:
    database, _ids = fleet
    built, streamed = tmp_path / "built.xlsx", tmp_path / "streamed.xlsx"
    with database.read_session() as session:
        ce.write_plan_xlsx(cp.plan(session, 5, TODAY), built, lambda _c, text: text)
        seen: list[int] = []
        assert ce.export_plan(session, 5, TODAY, streamed, lambda _c, t: t, progress=seen.append) == 10
    assert seen == [10]
    from tests.xlsx import read_sheet

    assert read_sheet(built) == read_sheet(streamed)
    firsts = [row[0] for row in read_sheet(streamed)[1]]
    assert firsts[-4:] == ["T-08", "2027-03", "T-09", "2027-04"]  # an empty month keeps its heading


def test_instrument_label_carries_calibration_status_and_next_due(
    fleet: tuple[Database, dict[str, int]],
) -> None:
    """ISO/IEC 17025 §6.4.8: the default instrument label shows the status and the next due date."""
    database, _ids = fleet
    with database.read_session() as session:
        record = load_label_records(session, "instrument", ["T-05"])[0]
    assert (record.fields["status"], record.fields["next_due"]) == ("维修中", "2026-12-31")
    template = template_by_name("instrument-50x30")
    assert {"status", "next_due"} <= {box.source for box in template.fields}
    texts = [line.text for line in layout_label(template, record).lines]
    assert "状态：维修中" in texts and "下次校准：2026-12-31" in texts
