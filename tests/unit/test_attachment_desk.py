"""The card's attachments service on both databases: listing (own files and calibration certificates),
adding within the size limit, opening and saving verbatim, damaged and missing files, permissions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from labdesk.models.customers import Customer
from labdesk.models.instruments import Attachment, CalibrationRecord, Instrument
from labdesk.services import attachment_desk as desk
from labdesk.services import attachments
from labdesk.services.actor import Actor
from labdesk.services.attachment_desk import CALIBRATION, OWN
from labdesk.services.attachments import AttachmentProblem, AttachmentTooLarge
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.permissions import PermissionDenied

HOSTILE_NAME = "证书 'x'; DROP TABLE attachments; -- \"q\" 100% 😀 \x1b[31m <a|b>?*.pdf"


@pytest.fixture(params=["sqlite", "pg"])
def db(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    monkeypatch.setenv("LABDESK_USER", "heyong")
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    # On a server the login has no person record, hence no job roles: act as the equipment manager.
    database = dataclasses.replace(database, actor=Actor("heyong", frozenset({"equipment_manager"})))
    yield database
    database.dispose()


@pytest.fixture
def instrument(db: Database) -> int:
    with db.session() as session:
        made = Instrument(code="YQ-T01", name="Balance")
        session.add(made)
        session.flush()
        return made.id


def _calibration(db: Database, instrument_id: int, certificate_no: str, data: bytes) -> int:
    """A calibration record with its certificate, filed as instrument_workflow.record_calibration files it."""
    with db.session() as session:
        record = CalibrationRecord(instrument_id=instrument_id, calibrated_on=dt.date(2026, 3, 4),
                                   provider="NIM", certificate_no=certificate_no, created_by="zhoumin")
        session.add(record)
        session.flush()
        attachments.add_attachment(session, "calibration_records", record.id, f"{certificate_no}.pdf", data)
        return record.id


def test_every_place_files_under_its_own_table() -> None:
    for ledger, place in desk.PLACES.items():
        assert place.model.__tablename__ == place.owner_table, ledger
    assert {"instruments", "customers", "contracts", "reports"} <= set(desk.PLACES)
    assert desk.has_attachments("instruments") and not desk.has_attachments("audit")


def test_instrument_card_lists_its_files_then_its_calibration_certificates(
    db: Database, instrument: int
) -> None:
    manual = desk.add_data(db, "instruments", instrument, "manual.pdf", b"%PDF manual")
    _calibration(db, instrument, "JZ2026-00042", b"%PDF certificate")
    with db.session() as session:  # another instrument's certificate is not listed
        other = Instrument(code="YQ-T02", name="Pipette")
        session.add(other)
    _calibration(db, other.id, "JZ2026-00099", b"%PDF other")
    rows = desk.list_for_card(db, "instruments", instrument)
    assert [(r.file_name, r.kind, r.reference) for r in rows] == [
        ("manual.pdf", OWN, ""), ("JZ2026-00042.pdf", CALIBRATION, "JZ2026-00042 (2026-03-04)")]
    assert rows[1].added_by == "heyong"  # every row is stamped with the acting login when it is flushed
    assert rows[0].id == manual and rows[0].size_bytes == len(b"%PDF manual")
    assert rows[0].content_type == "application/pdf" and rows[0].added_by == "heyong"
    assert rows[0].added_at.tzinfo is not None
    assert desk.read_data(db, rows[1].id) == ("JZ2026-00042.pdf", b"%PDF certificate")


def test_hostile_names_and_bytes_come_back_verbatim(
    db: Database, instrument: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk, "open_folder", lambda: tmp_path / "opened")
    source = tmp_path / "in.bin"
    data = bytes(range(256)) * 7
    source.write_bytes(data)
    added = desk.add_data(db, "instruments", instrument, HOSTILE_NAME, source.read_bytes())
    [row] = desk.list_for_card(db, "instruments", instrument)
    assert row.id == added and row.file_name == HOSTILE_NAME
    copy = desk.open_copy(db, added)
    assert copy.read_bytes() == data and copy.parent == tmp_path / "opened" / str(added)
    assert not set('<>:"|?*\x1b') & set(copy.name) and copy.name.endswith(".pdf")
    assert desk.open_copy(db, added) == copy  # opened twice: the same copy
    target = tmp_path / "saved" / "copy.pdf"
    target.parent.mkdir()
    assert desk.save_copy(db, added, target) == len(data) and target.read_bytes() == data
    by_path = desk.add_file(db, "instruments", instrument, source)
    assert desk.read_data(db, by_path) == ("in.bin", data)


def test_local_file_names_are_safe_and_keep_their_extension() -> None:
    assert desk.local_file_name("a/b\\c:d.pdf") == "a_b_c_d.pdf"
    assert desk.local_file_name("CON.txt") == "_CON.txt"
    assert desk.local_file_name("...") == "attachment"
    long = desk.local_file_name("设" * 400 + ".pdf")
    assert long.endswith(".pdf") and len(long.encode()) <= 200 and long.startswith("设设")


def test_a_file_over_the_limit_is_refused_with_the_sentence(
    db: Database, instrument: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_SIZE", 2 * 1024 * 1024)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    with pytest.raises(AttachmentTooLarge) as refused:
        desk.add_file(db, "instruments", instrument, big)
    assert str(refused.value) == ("The file scan.pdf has 3.0 MiB; attachments take at most 2 MiB. "
                                  "Attach a smaller scan or a compressed copy.")
    with pytest.raises(AttachmentTooLarge):  # handed over as bytes: the storage refuses it too
        desk.add_data(db, "instruments", instrument, "scan.pdf", big.read_bytes())
    with pytest.raises(AttachmentProblem, match="cannot be read"):
        desk.add_file(db, "instruments", instrument, tmp_path / "gone.pdf")
    assert desk.list_for_card(db, "instruments", instrument) == []


def test_damaged_and_missing_files_are_reported_not_returned(
    db: Database, instrument: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk, "open_folder", lambda: tmp_path / "opened")
    monkeypatch.setattr(attachments, "INLINE_MAX", 10)  # so the second file goes to the store
    inline = desk.add_data(db, "instruments", instrument, "small.txt", b"tiny")
    stored = desk.add_data(db, "instruments", instrument, "large.txt", b"large " * 10)
    with db.engine.begin() as connection:  # a damaged row: past the services, as a disk fault would
        connection.execute(update(Attachment).where(Attachment.id == inline).values(data=b"tinY"))
        path = connection.scalar(select(Attachment.store_path).where(Attachment.id == stored))
    with pytest.raises(AttachmentProblem, match=r"small\.txt is damaged"):
        desk.open_copy(db, inline)
    assert path is not None
    (attachments.attachment_store() / path).unlink()
    with pytest.raises(AttachmentProblem, match=r"large\.txt is missing"):
        desk.read_data(db, stored)


def test_who_may_add_and_delete(db: Database, instrument: int) -> None:
    added = desk.add_data(db, "instruments", instrument, "a.pdf", b"a")
    finance = dataclasses.replace(db, actor=Actor("luojuan", frozenset({"finance"})))
    assert desk.may_add(finance.actor.roles) and not desk.may_delete(finance.actor.roles)
    desk.add_data(finance, "instruments", instrument, "b.pdf", b"b")
    with pytest.raises(PermissionDenied, match="luojuan may not delete attachments"):
        desk.delete(finance, added)
    nobody = dataclasses.replace(db, actor=Actor("guest", frozenset()))
    with pytest.raises(PermissionDenied, match="guest may not add attachments"):
        desk.add_data(nobody, "instruments", instrument, "c.pdf", b"c")
    desk.delete(db, added)
    assert [r.file_name for r in desk.list_for_card(db, "instruments", instrument)] == ["b.pdf"]
    with pytest.raises(AttachmentProblem, match="deleted at another workstation"):
        desk.delete(db, added)


def test_a_deleted_record_gets_no_attachment(db: Database) -> None:
    sales = dataclasses.replace(db, actor=Actor("sales", frozenset({"sales"})))
    with sales.session() as session:
        customer = Customer(code="KH9001", name="华龙检测")
        session.add(customer)
    desk.add_data(db, "customers", customer.id, "contract.pdf", b"c")
    assert [r.file_name for r in desk.list_for_card(db, "customers", customer.id)] == ["contract.pdf"]
    assert desk.list_for_card(db, "contracts", customer.id) == []  # another ledger's files are apart
    with pytest.raises(AttachmentProblem, match="record was deleted"):
        desk.add_data(db, "customers", customer.id + 1000, "x.pdf", b"x")
