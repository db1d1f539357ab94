"""Coding rules: number formats, per-type sequences, period resets, validation and rollback."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import delete, select, update

from labdesk.models import Customer
from labdesk.models.numbering import CodingCounter, CodingRule, CounterReset, DocType
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.numbering import (
    DEFAULT_RULES,
    InvalidCodingRule,
    RuleFormat,
    allocate_number,
    allocate_numbers,
    format_number,
    period_key,
    preview_numbers,
    validate_rule,
)

DAY = dt.date(2026, 3, 7)


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "numbering-admin")  # no person record: every role on SQLite
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield database
    database.dispose()


def set_rule(db: Database, doc_type: DocType, rule: RuleFormat) -> None:
    with db.session() as session:
        session.execute(
            update(CodingRule)
            .where(CodingRule.doc_type == doc_type.value)
            .values(prefix=rule.prefix, pattern=rule.pattern, seq_width=rule.seq_width,
                    reset=rule.reset.value, per_type=rule.per_type)
        )


def take(
    db: Database, doc_type: DocType, on: dt.date = DAY, type_code: str = "", count: int = 1
) -> list[str]:
    with db.session() as session:
        return allocate_numbers(session, doc_type, count, type_code=type_code, on=on)


# -- formats -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{prefix}{yyyy}-{seq}", "WT2026-0042"),
        ("{prefix}{yy}{mm}{dd}{seq}", "WT2603070042"),
        ("{prefix}/{yyyy}/{mm}/{seq}", "WT/2026/03/0042"),
        ("{yy}-{type}-{seq}", "26-GB-0042"),
        ("{seq}", "0042"),
        ("编号{prefix}{seq}", "编号WT0042"),
    ],
)
def test_format_number_fills_every_part(pattern: str, expected: str) -> None:
    rule = RuleFormat("WT", pattern, 4, CounterReset.NEVER)
    assert format_number(rule, DAY, 42, "GB") == expected


def test_sequence_wider_than_its_width_is_not_cut() -> None:
    assert format_number(RuleFormat("X", "{prefix}{seq}", 2, CounterReset.NEVER), DAY, 1234) == "X1234"


def test_preview_shows_the_next_numbers_with_an_example_type() -> None:
    rule = RuleFormat("YP", "{prefix}{yyyy}-{type}-{seq}", 3, CounterReset.YEARLY, per_type=True)
    assert preview_numbers(rule, DAY, 7, "SW") == ["YP2026-SW-007", "YP2026-SW-008", "YP2026-SW-009"]
    plain = dataclasses.replace(rule, pattern="{prefix}{yyyy}-{seq}", per_type=False)
    assert preview_numbers(plain, DAY, 1, "SW", n=1) == ["YP2026-001"]


def test_period_keys() -> None:
    assert period_key(CounterReset.NEVER, DAY) == ""
    assert period_key(CounterReset.YEARLY, DAY) == "2026"
    assert period_key(CounterReset.MONTHLY, DAY) == "2026-03"
    assert period_key(CounterReset.DAILY, DAY) == "2026-03-07"


def test_every_default_rule_is_valid() -> None:
    for doc_type, rule in DEFAULT_RULES.items():
        assert validate_rule(rule) == [], doc_type


# -- validation ----------------------------------------------------------------------------------------
def problems_of(prefix: str = "WT", pattern: str = "{prefix}{yyyy}-{seq}", width: int = 4,
                reset: CounterReset = CounterReset.YEARLY, per_type: bool = False) -> list[str]:
    # .text() formats the template: a sentence naming a field like {seq} must still come out whole.
    return [p.text() for p in validate_rule(RuleFormat(prefix, pattern, width, reset, per_type))]


def test_validation_sentences() -> None:
    assert problems_of(pattern="{prefix}{yyyy}") == ["The pattern must contain {seq} exactly once."]
    assert problems_of(pattern="{seq}{seq}{yyyy}") == ["The pattern must contain {seq} exactly once."]
    assert problems_of(pattern="{prefix}{year}{seq}") == [
        "Unknown field {year} in the pattern; use {prefix} {yyyy} {yy} {mm} {dd} {type} {seq}.",
        "A sequence that restarts every year needs {yyyy} in the pattern.",
    ]
    assert problems_of(pattern="{prefix{seq}") == ["The pattern has an unmatched brace."]
    assert problems_of(width=0) == ["The sequence width must be between 1 and 12."]
    assert problems_of(width=13) == ["The sequence width must be between 1 and 12."]
    assert problems_of(per_type=True) == ["Numbering per type needs {type} in the pattern."]
    assert problems_of(pattern="{prefix}{yyyy}{seq}" + "x" * 30) == [
        "Numbers would be up to 40 characters; at most 32 fit."
    ]


@pytest.mark.parametrize(
    ("reset", "pattern", "missing"),
    [
        (CounterReset.YEARLY, "{prefix}{mm}{seq}", "{yyyy}"),
        (CounterReset.MONTHLY, "{prefix}{mm}{seq}", "{yyyy}"),  # "03-0001" would come back next March
        (CounterReset.MONTHLY, "{prefix}{yyyy}{seq}", "{mm}"),
        (CounterReset.DAILY, "{prefix}{yy}{mm}{seq}", "{dd}"),
        (CounterReset.DAILY, "{prefix}{dd}{seq}", "{yyyy} {mm}"),
    ],
)
def test_a_restarting_sequence_needs_its_date_parts(reset: CounterReset, pattern: str, missing: str) -> None:
    period = {CounterReset.YEARLY: "year", CounterReset.MONTHLY: "month", CounterReset.DAILY: "day"}[reset]
    assert problems_of(pattern=pattern, reset=reset) == [
        f"A sequence that restarts every {period} needs {missing} in the pattern."
    ]


def test_restarting_sequences_with_their_date_parts_are_valid() -> None:
    assert problems_of(pattern="{prefix}{yy}{seq}", reset=CounterReset.YEARLY) == []
    assert problems_of(pattern="{prefix}{yy}{mm}{seq}", reset=CounterReset.MONTHLY) == []
    assert problems_of(pattern="{prefix}{yyyy}{mm}{dd}{seq}", reset=CounterReset.DAILY) == []
    assert problems_of(pattern="{prefix}{seq}", reset=CounterReset.NEVER) == []


@pytest.mark.parametrize("prefix", ["WT\x1b", "W{T", "W}T", "\x00", "WT\n", "W\u200bT"])
def test_hostile_prefix_is_refused(prefix: str) -> None:
    assert problems_of(prefix=prefix) == ["The prefix may not contain braces or control characters."]


def test_long_prefix_is_refused() -> None:
    assert "The prefix may be at most 32 characters long." in problems_of(prefix="P" * 33)


@pytest.mark.parametrize(
    "pattern",
    ["{seq:>{prefix}}", "{seq!r}", "{yyyy:x}{seq}", "{prefix.__class__}{seq}", "{seq[0]}", "{prefix}\t{seq}"],
)
def test_hostile_pattern_is_refused_not_evaluated(pattern: str) -> None:
    problems = problems_of(pattern=pattern, reset=CounterReset.NEVER)
    assert problems, pattern


@pytest.mark.parametrize("prefix", ["'; DROP TABLE x; --", "检测😀", '"q"'])
def test_printable_odd_prefix_is_kept_verbatim(db: Database, prefix: str) -> None:
    rule = RuleFormat(prefix, "{prefix}{seq}", 3, CounterReset.NEVER)
    assert validate_rule(rule) == []
    set_rule(db, DocType.CONTRACT, rule)
    assert take(db, DocType.CONTRACT) == [prefix + "001"]


# -- allocation on a database --------------------------------------------------------------------------
def test_numbers_follow_each_other_from_one(db: Database) -> None:
    assert take(db, DocType.ORDER) == ["WT2026-000001"]
    assert take(db, DocType.ORDER, count=3) == ["WT2026-000002", "WT2026-000003", "WT2026-000004"]
    assert take(db, DocType.SAMPLE) == ["YP2026-000001"]  # each document type counts on its own


def test_yearly_reset(db: Database) -> None:
    assert take(db, DocType.ORDER, dt.date(2026, 12, 31), count=2)[-1] == "WT2026-000002"
    assert take(db, DocType.ORDER, dt.date(2027, 1, 1)) == ["WT2027-000001"]
    assert take(db, DocType.ORDER, dt.date(2026, 12, 31)) == ["WT2026-000003"]  # a late entry keeps its year


def test_monthly_and_daily_reset(db: Database) -> None:
    set_rule(db, DocType.REPORT, RuleFormat("BG", "{prefix}{yy}{mm}-{seq}", 3, CounterReset.MONTHLY))
    assert take(db, DocType.REPORT, dt.date(2026, 3, 31), count=2) == ["BG2603-001", "BG2603-002"]
    assert take(db, DocType.REPORT, dt.date(2026, 4, 1)) == ["BG2604-001"]
    set_rule(db, DocType.INVOICE, RuleFormat("KP", "{prefix}{yyyy}{mm}{dd}{seq}", 2, CounterReset.DAILY))
    assert take(db, DocType.INVOICE, dt.date(2026, 3, 7)) == ["KP2026030701"]
    assert take(db, DocType.INVOICE, dt.date(2026, 3, 7)) == ["KP2026030702"]
    assert take(db, DocType.INVOICE, dt.date(2026, 3, 8)) == ["KP2026030801"]


def test_never_reset_counts_on_across_years(db: Database) -> None:
    assert take(db, DocType.INSTRUMENT, dt.date(2026, 12, 31)) == ["YQ-000001"]
    assert take(db, DocType.INSTRUMENT, dt.date(2027, 1, 1)) == ["YQ-000002"]


def test_per_type_sequences(db: Database) -> None:
    set_rule(db, DocType.SAMPLE, RuleFormat("YP", "{prefix}{yy}-{type}-{seq}", 4, CounterReset.YEARLY, True))
    assert take(db, DocType.SAMPLE, type_code="SW") == ["YP26-SW-0001"]
    assert take(db, DocType.SAMPLE, type_code="SW") == ["YP26-SW-0002"]
    assert take(db, DocType.SAMPLE, type_code="HX") == ["YP26-HX-0001"]
    with pytest.raises(InvalidCodingRule, match="kept per type"):
        take(db, DocType.SAMPLE)
    for code in ("S-W", "TOOLONGCODE", "水样", "A'B"):
        with pytest.raises(InvalidCodingRule, match="up to 8 letters or digits"):
            take(db, DocType.SAMPLE, type_code=code)


def test_a_rule_not_per_type_shares_one_sequence_across_codes(db: Database) -> None:
    assert take(db, DocType.ORDER, type_code="SW") == ["WT2026-000001"]
    assert take(db, DocType.ORDER, type_code="HX") == ["WT2026-000002"]


def test_rolled_back_insert_gives_its_number_back(db: Database) -> None:
    with db.session() as session:
        first = allocate_number(session, DocType.CUSTOMER, on=DAY)
        session.add(Customer(code=first, name="kept"))
    session = db.sessions()
    session.info["actor"] = db.actor
    with session:
        second = allocate_number(session, DocType.CUSTOMER, on=DAY)
        session.add(Customer(code=second, name="cancelled"))
        session.flush()
        session.rollback()
    with db.session() as session:
        again = allocate_number(session, DocType.CUSTOMER, on=DAY)
        session.add(Customer(code=again, name="kept too"))
    assert (first, second, again) == ("KH0001", "KH0002", "KH0002")
    with db.read_session() as session:
        assert sorted(session.scalars(select(Customer.code))) == ["KH0001", "KH0002"]


def test_an_invalid_stored_rule_refuses_to_number(db: Database) -> None:
    set_rule(db, DocType.TASK, RuleFormat("RW", "{prefix}", 4, CounterReset.NEVER))
    with pytest.raises(InvalidCodingRule, match=r"must contain \{seq\} exactly once"):
        take(db, DocType.TASK)


def test_a_missing_rule_is_created_from_the_default(db: Database) -> None:
    # Straight on the engine: nobody may delete a rule through LabDesk (the permission guard says so).
    with db.engine.begin() as conn:
        conn.execute(delete(CodingRule).where(CodingRule.doc_type == DocType.PROJECT.value))
    assert take(db, DocType.PROJECT) == ["XM2026-0001"]
    with db.read_session() as session:
        row = session.scalars(select(CodingRule).where(CodingRule.doc_type == "project")).one()
        assert (row.prefix, row.pattern) == ("XM", "{prefix}{yyyy}-{seq}")
        counter = select(CodingCounter.last_value).where(CodingCounter.rule_id == row.id)
        assert session.scalars(counter).one() == 1


def test_zero_numbers_takes_no_counter(db: Database) -> None:
    with db.session() as session:
        assert allocate_numbers(session, DocType.ORDER, 0) == []
    with db.read_session() as session:
        assert session.scalars(select(CodingCounter)).all() == []
