"""Editable cards on PostgreSQL: two workstations (two Database objects), real concurrency."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from labdesk.services import card_editing
from labdesk.services.actor import ALL_ROLES, Actor
from labdesk.services.card_editing import BatchConflict, EditConflict, ValidationProblems
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database

HOSTILE = "x'; DROP TABLE instruments; -- \"q\" 100% _ \\ 😀 \x1b[31m \t\r\n 设备"


def _workstation(url: str, login: str) -> Database:
    # The test login has no person record, hence no job roles in LabDesk's eyes; act as a person
    # holding every job (the server still checks what the connection's role may do).
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    return dataclasses.replace(database, actor=Actor(login, ALL_ROLES))


@pytest.fixture
def workstations(pg_url: str) -> Iterator[tuple[Database, Database]]:
    first, second = _workstation(pg_url, "alice"), _workstation(pg_url, "bob")
    yield first, second
    first.dispose()
    second.dispose()


def test_concurrent_saves_of_one_record_produce_exactly_one_conflict(
    workstations: tuple[Database, Database],
) -> None:
    alice, bob = workstations
    saved = card_editing.save(alice, "instruments", None, None, {"name": "Oven"})
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def edit(database: Database, place: str) -> None:
        loaded = card_editing.load_for_edit(database, "instruments", saved.record_id)
        start.wait()
        try:
            outcomes[place] = card_editing.save(database, "instruments", saved.record_id, loaded.version,
                                                {"location": place})
        except EditConflict as conflict:
            outcomes[place] = conflict

    threads = [threading.Thread(target=edit, args=(db, place)) for db, place in ((alice, "A"), (bob, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    conflicts = [o for o in outcomes.values() if isinstance(o, EditConflict)]
    assert len(outcomes) == 2 and len(conflicts) == 1
    winner = next(place for place, o in outcomes.items() if not isinstance(o, EditConflict))
    assert conflicts[0].current.values["location"] == winner and conflicts[0].current.version == 2
    stored = card_editing.load_for_edit(alice, "instruments", saved.record_id)
    assert stored.values["location"] == winner and stored.version == 2


def test_batch_conflict_applies_nothing(workstations: tuple[Database, Database]) -> None:
    alice, bob = workstations
    ids = [card_editing.save(alice, "instruments", None, None, {"name": f"T{i}"}).record_id for i in range(4)]
    card_editing.save(bob, "instruments", ids[2], 1, {"category": "moved"})
    with pytest.raises(BatchConflict) as conflict:
        card_editing.batch_update(alice, "instruments", [(rid, 1) for rid in ids], {"category": "batch"})
    assert conflict.value.conflicted == (ids[2],)
    categories = [card_editing.load_for_edit(alice, "instruments", rid).values["category"] for rid in ids]
    assert categories == [None, None, "moved", None]


def test_hostile_and_long_text_on_the_server(workstations: tuple[Database, Database]) -> None:
    alice, _ = workstations
    saved = card_editing.save(alice, "instruments", None, None,
                              {"name": "n" * 500, "model": HOSTILE, "location": "位" * 500})
    values = card_editing.load_for_edit(alice, "instruments", saved.record_id).values
    assert values["model"] == HOSTILE and values["name"] == "n" * 500 and values["location"] == "位" * 500
    with pytest.raises(ValidationProblems, match="at most 500 characters; this text has 10000"):
        card_editing.save(alice, "instruments", saved.record_id, saved.version, {"model": "m" * 10_000})


def test_a_killed_connection_is_replaced_and_the_save_goes_through(
    workstations: tuple[Database, Database], pg_url: str
) -> None:
    alice, _ = workstations
    saved = card_editing.save(alice, "instruments", None, None, {"name": "Scale"})
    loaded = card_editing.load_for_edit(alice, "instruments", saved.record_id)  # a pooled connection
    admin = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        killed = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = 'LabDesk' AND datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    assert killed is not None and killed[0] >= 1
    # pool_pre_ping notices the dead connection and opens a new one: no error reaches the user.
    again = card_editing.save(alice, "instruments", saved.record_id, loaded.version, {"location": "Lab 2"})
    assert again.version == 2
