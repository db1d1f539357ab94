"""Demo data (labdesk.services.demo): every ledger filled, consistent and deterministic, and nothing
written when the database is not empty or the fill is cancelled."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labdesk.models import (
    Base,
    ContractStatus,
    Customer,
    DocType,
    InstrumentStatus,
    JobRoleKey,
    OrderStatus,
    ReportStatus,
    SampleStatus,
)
from labdesk.services.connection import make_engine
from labdesk.services.demo import DatabaseNotEmpty, DemoCancelled, DemoSizes, fill_demo
from labdesk.services.demo_intake import PORTAL
from labdesk.services.migrations import upgrade

SMALL = DemoSizes(customers=12, instruments=40, orders=30, samples=60, seed=7)
# audit_log is written by triggers / services for user changes; demo data is not a user change.
UNFILLED = {"audit_log"}


def new_engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine


def rows(engine: Engine, table: str, order_by: str = "id") -> list[dict[str, Any]]:
    t = Base.metadata.tables[table]
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c[order_by]))]


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


def plus_months(day: dt.date, months: int) -> dt.date:
    """Written out independently of the service: same day of month, clamped to the month's end."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def fen(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, dict[str, int]]]:
    """One database with the default demo, shared by the read-only checks."""
    engine = new_engine(tmp_path_factory.mktemp("demo") / "demo.db")
    counts = fill_demo(engine, DemoSizes())
    yield engine, counts
    engine.dispose()


def test_every_ledger_gets_rows_and_the_counts_are_true(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, counts = demo
    actual = table_counts(engine)
    empty = sorted(name for name, n in actual.items() if n == 0 and name not in UNFILLED)
    assert empty == []
    assert {name: n for name, n in actual.items() if n} == counts
    sized = (counts["customers"], counts["instruments"], counts["orders"], counts["samples"])
    # + the intake queue's requests (demo_intake): four orders, six samples
    assert sized == (60, 300, 200 + 4, 600 + 6)
    assert counts["job_roles"] == len(JobRoleKey)


def test_every_status_shows_in_the_ledgers(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    for table, enum in (("orders", OrderStatus), ("samples", SampleStatus), ("reports", ReportStatus),
                        ("instruments", InstrumentStatus), ("contracts", ContractStatus)):
        assert {r["status"] for r in rows(engine, table)} == {e.value for e in enum}, table
    assert {r["key"] for r in rows(engine, "job_roles")} == {k.value for k in JobRoleKey}


def test_same_seed_same_data_and_another_seed_differs(tmp_path: Path) -> None:
    def fingerprint(sizes: DemoSizes, name: str) -> list[list[tuple[Any, ...]]]:
        engine = new_engine(tmp_path / name)
        fill_demo(engine, sizes)
        picked = [[(r["code"], r["name"], r["credit_code"]) for r in rows(engine, "customers")],
                  [(r["order_no"], r["status"], r["final_price"]) for r in rows(engine, "orders")],
                  [(r["sample_no"], r["name"], r["status"]) for r in rows(engine, "samples")],
                  [(r["code"], r["serial_number"], r["next_due_date"]) for r in rows(engine, "instruments")]]
        engine.dispose()
        return picked

    first, again = fingerprint(SMALL, "a.db"), fingerprint(SMALL, "b.db")
    other = fingerprint(DemoSizes(**{**SMALL.__dict__, "seed": 8}), "c.db")
    assert first == again
    assert first[0][0][0] == "KH0001"
    for mine, theirs in zip(first, other, strict=True):
        assert mine != theirs


def test_one_fee_row_per_order_matching_its_price(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    # Requests in (or refused at) the intake queue have no price confirmed yet: no fee row.
    orders = {r["id"]: r for r in rows(engine, "orders") if r["status"] not in ("pending", "rejected")}
    fees = rows(engine, "order_fees")
    assert sorted(f["order_id"] for f in fees) == sorted(orders)
    for fee in fees:
        order = orders[fee["order_id"]]
        assert (fee["list_price"], fee["discount_amount"], fee["final_price"]) == (
            order["list_price"], order["discount_amount"], order["final_price"])
        if order["status"] in (OrderStatus.DRAFT, OrderStatus.SUBMITTED):
            assert fee["charged"] is None and fee["confirmed_by_id"] is None
        if order["status"] in (OrderStatus.ACCEPTED, OrderStatus.IN_TESTING, OrderStatus.REPORTED):
            assert fee["charged"] is not None and fee["confirmed_at"] is not None
        if not fee["charged"]:
            assert fee["amount_received"] == Decimal("0.00")
        assert Decimal("0.00") <= fee["amount_received"] <= fee["final_price"]


def test_order_price_is_lines_less_discount_plus_surcharge_vat(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    line_sum: dict[int, Decimal] = defaultdict(Decimal)
    for line in rows(engine, "order_lines"):
        assert line["amount"] == fen(line["unit_price"] * line["quantity"])
        line_sum[line["order_id"]] += line["amount"]
    discounted = 0
    for order in rows(engine, "orders"):
        for column in ("list_price", "discount_amount", "surcharge_amount", "tax_amount", "final_price"):
            value = order[column]
            assert isinstance(value, Decimal) and value.as_tuple().exponent == -2, (column, value)
        net = order["list_price"] - order["discount_amount"]
        assert order["list_price"] == line_sum[order["id"]]
        assert order["surcharge_amount"] == fen(net * order["surcharge_pct"] / 100)
        assert order["tax_amount"] == fen((net + order["surcharge_amount"]) * Decimal("0.06"))
        assert order["final_price"] == net + order["surcharge_amount"] + order["tax_amount"]
        assert order["vat_rate"] == Decimal("0.0600")
        discounted += order["discount_amount"] > 0
    assert discounted > 0  # the negotiated price lists are used


def test_next_calibration_is_last_plus_interval(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    today = dt.date.today()
    instruments = rows(engine, "instruments")
    for inst in instruments:
        assert inst["calibration_interval_months"] in (6, 12, 24)
        expected = plus_months(inst["last_calibration_date"], inst["calibration_interval_months"])
        assert inst["next_due_date"] == expected
    due = [inst["next_due_date"] for inst in instruments]
    assert any(d < today for d in due), "some instruments are overdue"
    assert any(today <= d <= today + dt.timedelta(days=30) for d in due), "some are due within 30 days"
    latest: dict[int, dt.date] = {}
    for record in rows(engine, "calibration_records"):
        latest[record["instrument_id"]] = max(record["calibrated_on"], latest.get(record["instrument_id"],
                                                                                   dt.date.min))
        assert record["next_due_date"] > record["calibrated_on"]
    by_id = {inst["id"]: inst for inst in instruments}
    assert latest and all(by_id[i]["last_calibration_date"] == day for i, day in latest.items())


def test_sample_holder_follows_its_custody(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    technicians = {r["person_id"] for r in rows(engine, "person_roles", "person_id")
                   if r["role_id"] == list(JobRoleKey).index(JobRoleKey.TECHNICIAN) + 1}
    last_event: dict[int, dict[str, Any]] = {}
    for event in rows(engine, "custody_events", "at"):
        last_event[event["sample_id"]] = event
    for sample in rows(engine, "samples"):
        if sample["sample_no"] is None:  # a request's sample, announced but not received yet
            assert sample["id"] not in last_event and sample["holder_id"] is None
            continue
        event = last_event[sample["id"]]
        assert sample["holder_id"] == event["to_person_id"]
        if sample["status"] == SampleStatus.IN_TESTING:
            assert sample["holder_id"] in technicians and event["action"] == "take"
        elif sample["status"] != SampleStatus.RECEIVED:
            assert sample["holder_id"] is None
        if sample["status"] in (SampleStatus.RETURNED, SampleStatus.DISPOSED):
            assert sample["location"] is None
        assert sample["received_at"].tzinfo == dt.UTC and sample["sample_no"].startswith("YP")


def test_reports_carry_what_their_status_needs(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    reports = {r["id"]: r for r in rows(engine, "reports")}
    sealed = {r["report_id"] for r in rows(engine, "report_seals")}
    dispatched = {r["report_id"] for r in rows(engine, "report_dispatches")}
    for report in reports.values():
        issued = report["status"] in (ReportStatus.ISSUED, ReportStatus.DISPATCHED, ReportStatus.VOIDED)
        assert (report["id"] in sealed) == issued == (report["issued_at"] is not None)
        if report["status"] == ReportStatus.DISPATCHED:
            assert report["id"] in dispatched
        if report["amends_report_id"]:
            assert reports[report["amends_report_id"]]["status"] == ReportStatus.VOIDED
    assert any(r["amends_report_id"] for r in reports.values())


def test_coding_counters_continue_after_the_highest_number(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    columns = {DocType.CUSTOMER: ("customers", "code"), DocType.INSTRUMENT: ("instruments", "code"),
               DocType.CONTRACT: ("contracts", "contract_no"), DocType.ORDER: ("orders", "order_no"),
               DocType.SAMPLE: ("samples", "sample_no"), DocType.PROJECT: ("projects", "project_no"),
               DocType.TASK: ("tasks", "task_no"), DocType.REPORT: ("reports", "report_no"),
               DocType.INVOICE: ("invoice_requests", "invoice_request_no")}
    rules = {r["id"]: r for r in rows(engine, "coding_rules")}
    assert {r["doc_type"] for r in rules.values()} == {d.value for d in DocType}
    highest: dict[tuple[str, str], int] = defaultdict(int)
    for doc, (table, column) in columns.items():
        rule = next(r for r in rules.values() if r["doc_type"] == doc.value)
        for row in rows(engine, table):
            code = row[column]
            if code is None:  # a request in the intake queue is numbered on acceptance
                continue
            assert code.startswith(rule["prefix"])
            rest = code[len(rule["prefix"]):]
            # "KH0001", "YQ-000001" (never reset) or "WT2026-000123" (a sequence per year)
            period, seq = (rest[:4], rest.rsplit("-", 1)[1]) if rule["reset"] == "yearly" else ("", rest)
            key = (doc.value, period)
            highest[key] = max(highest[key], int(seq))
    counters = {(rules[c["rule_id"]]["doc_type"], c["period"]): c["last_value"]
                for c in rows(engine, "coding_counters")}
    assert counters == dict(highest)
    assert counters[(DocType.CUSTOMER.value, "")] == 60


def test_timestamps_are_utc_and_logins_are_recorded(demo: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = demo
    logins = {r["login"] for r in rows(engine, "people")} | {PORTAL.login}  # the intake requests' sender
    now = dt.datetime.now(dt.UTC)
    for table in ("customers", "orders", "reports", "instruments"):
        for row in rows(engine, table):
            assert row["created_at"].tzinfo == dt.UTC and row["created_at"] <= now
            assert row["created_by"] in logins and row["updated_at"] >= row["created_at"]
    assert all(e["actor"] in logins for e in rows(engine, "workflow_events"))


def test_a_database_with_data_is_refused_and_left_alone(tmp_path: Path) -> None:
    engine = new_engine(tmp_path / "used.db")
    with Session(engine) as session, session.begin():
        session.add(Customer(code="C1", name="已有客户"))
    before = table_counts(engine)
    with pytest.raises(DatabaseNotEmpty, match=r"already has data \(1 rows in customers\)"):
        fill_demo(engine, SMALL)
    assert table_counts(engine) == before
    engine.dispose()


def test_cancel_leaves_the_database_empty(tmp_path: Path) -> None:
    engine = new_engine(tmp_path / "cancel.db")
    stages: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        assert 0 < done <= total
        stages.append(stage)

    with pytest.raises(DemoCancelled):
        fill_demo(engine, SMALL, progress=progress, cancelled=lambda: len(stages) >= 20)
    assert len(stages) == 20 and "customers" in stages
    # Nothing but the reference rows every migrated database starts with (migrations 0005, 0008).
    seeded = {"job_roles": 7, "coding_rules": 9, "sample_types": 10}
    assert {name: n for name, n in table_counts(engine).items() if n} == seeded
    assert fill_demo(engine, SMALL)["orders"] == 30 + 4  # and it can be filled afterwards (+ 4 requests)
    engine.dispose()
