"""Editable cards on the embedded file: validation, versions, conflicts, batch edits, attachments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from labdesk.models import Person
from labdesk.services import attachments, card_editing
from labdesk.services.actor import Actor
from labdesk.services.card_editing import BatchConflict, EditConflict, ValidationProblems
from labdesk.services.card_fields import INSTRUMENT_CARD, add_months
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.migrations import alembic_config, check, upgrade
from labdesk.services.permissions import PermissionDenied

HOSTILE = "x'; DROP TABLE instruments; -- \"q\" 100% _ \\ 😀 \x1b[31m \t\r\n 设备"


@pytest.fixture
def workstations(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, Database]]:
    """Two Database objects on one file: two workstations (the embedded login gets every role)."""
    monkeypatch.setenv("LABDESK_USER", "alice")
    first = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    monkeypatch.setenv("LABDESK_USER", "bob")
    second = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield first, second
    first.dispose()
    second.dispose()


def _new(database: Database, **values: object) -> card_editing.Saved:
    return card_editing.save(database, "instruments", None, None, {"name": "Balance", **values})


def test_new_instrument_gets_a_code_from_the_coding_rule(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    first, second = _new(alice), _new(alice, code="MY-1")
    assert first.number == "YQ-000001" and first.version == 1
    assert second.number == "MY-1"
    loaded = card_editing.load_for_edit(alice, "instruments", first.record_id)
    assert loaded.values["code"] == "YQ-000001" and loaded.values["name"] == "Balance"
    assert loaded.updated_by == "alice" and "status" not in loaded.writable and "name" in loaded.writable
    with pytest.raises(ValidationProblems) as taken:
        _new(alice, code="MY-1")
    assert set(taken.value.fields) == {"code"}


def test_two_workstations_saving_one_record_produce_exactly_one_conflict(
    workstations: tuple[Database, Database],
) -> None:
    alice, bob = workstations
    with alice.session() as session:  # a staff record: the conflict names the person, not the login
        session.add(Person(login="alice", full_name="王爱丽"))
    saved = _new(alice, location="Room 1")
    a = card_editing.load_for_edit(alice, "instruments", saved.record_id)
    b = card_editing.load_for_edit(bob, "instruments", saved.record_id)
    outcomes: list[str] = []
    for database, loaded, place in ((alice, a, "Room 2"), (bob, b, "Room 3")):
        try:
            card_editing.save(database, "instruments", saved.record_id, loaded.version, {"location": place})
            outcomes.append("saved")
        except EditConflict as conflict:
            outcomes.append("conflict")
            current, message = conflict.current, str(conflict)
    assert outcomes == ["saved", "conflict"]
    assert current.values["location"] == "Room 2" and current.version == 2 and current.updated_by == "alice"
    assert "王爱丽 saved this record" in message
    # Re-apply: Bob saves again on top of the version he was shown.
    again = card_editing.save(bob, "instruments", saved.record_id, current.version, {"location": "Room 3"})
    assert again.version == 3
    final = card_editing.load_for_edit(alice, "instruments", saved.record_id)
    assert final.values["location"] == "Room 3" and final.updated_by == "bob"


def test_text_is_kept_verbatim_or_refused_never_cut(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    saved = _new(alice, model=HOSTILE, manufacturer="m" * 500, notes="n" * 500)
    values = card_editing.load_for_edit(alice, "instruments", saved.record_id).values
    assert values["model"] == HOSTILE and values["manufacturer"] == "m" * 500
    with pytest.raises(ValidationProblems) as long_text:
        card_editing.save(alice, "instruments", saved.record_id, saved.version,
                          {"name": "n" * 10_000, "certificate_no": "c" * 65, "accuracy": "ok\x00"})
    assert set(long_text.value.fields) == {"name", "certificate_no", "accuracy"}
    assert "at most 500 characters; this text has 10000" in str(long_text.value.fields["name"])
    unchanged = card_editing.load_for_edit(alice, "instruments", saved.record_id)
    assert unchanged.version == saved.version and unchanged.values["name"] == "Balance"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("purchase_price", "12.345"),
        ("purchase_price", "-1"),
        ("purchase_price", "abc"),
        ("calibration_interval_months", -3),
        ("calibration_interval_months", "1.5"),
        ("purchase_date", "31/12/2026"),
        ("calibration_method", "sometimes"),
        ("name", "   "),
        ("status", "retired"),
        ("next_due_date", "2030-01-01"),
    ],
)
def test_bad_values_are_refused_per_field(
    workstations: tuple[Database, Database], key: str, value: object
) -> None:
    with pytest.raises(ValidationProblems) as refused:
        _new(workstations[0], **{key: value})
    assert list(refused.value.fields) == [key]


def test_typed_values_and_the_derived_due_date(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    saved = _new(alice, purchase_price="1,234.5", purchase_date="2026-01-31", calibration_method="external",
                 last_calibration_date=dt.date(2026, 1, 31), calibration_interval_months="13")
    values = card_editing.load_for_edit(alice, "instruments", saved.record_id).values
    assert values["purchase_price"] == Decimal("1234.50") and values["purchase_date"] == dt.date(2026, 1, 31)
    assert values["next_due_date"] == dt.date(2027, 2, 28)
    no_interval = {"calibration_interval_months": None}
    card_editing.save(alice, "instruments", saved.record_id, saved.version, no_interval)
    assert card_editing.load_for_edit(alice, "instruments", saved.record_id).values["next_due_date"] is None
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_a_job_without_the_right_cannot_write_fields(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    saved = _new(alice)
    technician = dataclasses.replace(alice, actor=Actor("tom", frozenset({"technician"})))
    loaded = card_editing.load_for_edit(technician, "instruments", saved.record_id)
    assert loaded.writable == frozenset()
    with pytest.raises(PermissionDenied, match="may not change the field"):
        card_editing.save(technician, "instruments", saved.record_id, saved.version, {"location": "x"})
    assert card_editing.new_record(technician, "instruments").writable == frozenset()
    assert "name" in card_editing.new_record(alice, "instruments").writable


def test_batch_update_is_all_or_nothing(workstations: tuple[Database, Database]) -> None:
    alice, bob = workstations
    ids = [_new(alice).record_id for _ in range(3)]
    records = [(rid, 1) for rid in ids]
    card_editing.save(bob, "instruments", ids[1], 1, {"location": "Bob's lab"})
    with pytest.raises(BatchConflict) as conflict:
        card_editing.batch_update(alice, "instruments", records, {"location": "Store"})
    assert conflict.value.conflicted == (ids[1],)
    locations = [card_editing.load_for_edit(alice, "instruments", rid).values["location"] for rid in ids]
    assert locations == [None, "Bob's lab", None]
    versions = card_editing.batch_update(alice, "instruments", [(ids[0], 1), (ids[1], 2), (ids[2], 1)],
                                         {"location": "Store"})
    assert versions == {ids[0]: 2, ids[1]: 3, ids[2]: 2}


def test_customers_are_editable_too(workstations: tuple[Database, Database]) -> None:
    alice, bob = workstations
    saved = card_editing.save(alice, "customers", None, None, {"name": "ACME 检测", "phone": HOSTILE[:64]})
    assert saved.number == "KH0001"
    card_editing.save(alice, "customers", saved.record_id, 1, {"address": "a" * 500})
    with pytest.raises(EditConflict):
        card_editing.save(bob, "customers", saved.record_id, 1, {"address": "b"})


def test_instrument_card_fields_follow_the_import_list() -> None:
    from labdesk.services.instrument_fields import FIELDS

    keys = [f.key for f in INSTRUMENT_CARD.fields]
    assert keys[: len(FIELDS)] == [f.key for f in FIELDS]
    assert INSTRUMENT_CARD.field("custodian").column == "custodian_id"


def test_attachments_inline_in_the_store_and_checked(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    small, large = b"%PDF small \x00\xff", bytes(range(256)) * 8192  # 2 MiB
    with alice.session() as session:
        a = attachments.add_attachment(session, "instruments", 7, "证书 'a'.pdf", small, "application/pdf")
        b = attachments.add_attachment(session, "instruments", 7, "manual.pdf", large)
        ids = (a.id, b.id)
    assert a.data == small and a.store_path is None and b.data is None and b.store_path
    stored = attachments.attachment_store() / b.store_path
    assert stored.read_bytes() == large and stored.name == hashlib.sha256(large).hexdigest()
    with alice.read_session() as session:
        assert [x.file_name for x in attachments.list_attachments(session, "instruments", 7)] == [
            "证书 'a'.pdf", "manual.pdf"]
        assert attachments.read_attachment(session, ids[0]) == small
        assert attachments.read_attachment(session, ids[1]) == large
    stored.write_bytes(large[:-1] + b"!")  # swapped on disk
    with alice.read_session() as session, pytest.raises(attachments.AttachmentProblem, match="damaged"):
        attachments.read_attachment(session, ids[1])
    with alice.session() as session:
        attachments.delete_attachment(session, ids[1])
    assert not stored.exists()
    with alice.session() as session, pytest.raises(attachments.AttachmentTooLarge, match="at most 50 MiB"):
        attachments.add_attachment(session, "instruments", 7, "huge.bin", bytes(attachments.MAX_SIZE + 1))
    with alice.session() as session, pytest.raises(attachments.AttachmentProblem, match="file name"):
        attachments.add_attachment(session, "instruments", 7, "../etc/passwd", b"x")


def test_attachment_store_follows_the_settings(tmp_path: Path) -> None:
    from labdesk.settings import load_settings, save_settings

    settings = load_settings()
    settings.attachment_store = str(tmp_path / "shared store")
    save_settings(settings)
    assert attachments.attachment_store() == tmp_path / "shared store"


def test_migrations_0006_and_0008_keep_child_rows_both_ways(tmp_path: Path) -> None:
    """0006 (wider text) and 0008 (nullable numbers, a new foreign key) edit SQLite's CREATE statements
    in place; a batch rebuild would have cascade-deleted the child rows counted here."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine)
    fill_demo(engine, DemoSizes(customers=3, instruments=20, orders=3, samples=3))
    with engine.begin() as conn:  # 0008's downgrade refuses unnumbered requests (the demo's intake queue)
        conn.execute(text("delete from orders where order_no is null"))
    counts = (
        "select (select count(*) from calibration_records), (select count(*) from repair_records), "
        "(select count(*) from samples), (select count(*) from custody_events), "
        "(select count(*) from customers)"
    )
    with engine.connect() as conn:
        before = tuple(conn.execute(text(counts)).one())
    assert before[0] > 0 and before[2] > 0
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    with engine.connect() as conn:
        sql = conn.execute(text("select sql from sqlite_master where name = 'instruments'")).scalar_one()
        assert tuple(conn.execute(text(counts)).one()) == before
    assert sql.count("VARCHAR(200)") == 7
    upgrade(engine)
    with engine.connect() as conn:
        assert tuple(conn.execute(text(counts)).one()) == before
        sql = conn.execute(text("select sql from sqlite_master where name = 'instruments'")).scalar_one()
    assert sql.count("VARCHAR(500)") >= 9 and "VARCHAR(200)" not in sql
    assert check(engine) == []
    engine.dispose()
