"""Quick search on PostgreSQL with the bigram index finds exactly what plain ILIKE finds, in order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from labdesk.services.connection import make_engine
from labdesk.services.ledgers import paging, search
from labdesk.services.ledgers.paging import LedgerQuery, count_rows, fetch_after, fetch_before
from labdesk.services.ledgers.registry import get_ledger
from tests.ledger_data import HOSTILE_NAMES, insert_instruments

INSTRUMENTS = get_ledger("instruments")
TERMS = [
    "仪器",
    "仪器0",
    "器1",
    "济南",
    "yq-00012",
    "YQ-00012",
    "试验机",
    "压力 100%_型",
    "O'Brien",
    "a\\b",
    "🙂",
    "x",
    "'; DROP",
    "不存在的词",
]


@pytest.fixture(scope="module")
def engine(pg_module_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_module_url)
    insert_instruments(engine, 6000)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE instruments"))
    yield engine
    engine.dispose()


def reference(engine: Engine, term: str) -> list[int]:
    """Rows where every word is in code, name, model or serial number: plain ILIKE, no index."""
    clauses, params = [], {}
    for n, word in enumerate(term.split()):
        params[f"w{n}"] = f"%{search.escape_like(word)}%"
        clauses.append(
            "("
            + " OR ".join(f"{c} ILIKE :w{n} ESCAPE '\\'" for c in ("code", "name", "model", "serial_number"))
            + ")"
        )
    sql = f"SELECT id FROM instruments WHERE {' AND '.join(clauses)} ORDER BY name, id"
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(sql), params)]


@pytest.mark.parametrize("walk", [False, True], ids=["sort-matches", "walk-index"])
@pytest.mark.parametrize("term", TERMS)
def test_search_equals_plain_ilike(
    engine: Engine, term: str, walk: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "SORT_MATCHES_LIMIT", -1 if walk else 10**9)
    monkeypatch.setattr(paging, "_sort_decisions", {})
    expected = reference(engine, term)
    query = LedgerQuery(search=term, sort_key="name")
    with Session(engine) as session:
        assert count_rows(session, INSTRUMENTS, query) == len(expected)
        walked: list[int] = []
        after = None
        while True:
            page = fetch_after(session, INSTRUMENTS, query, after, 97)
            walked.extend(r[0] for r in page.rows)
            if len(page.rows) < 97:
                break
            after = page.last
        assert walked == expected
        tail = fetch_before(session, INSTRUMENTS, query, None, 10)
        assert [r[0] for r in tail.rows] == expected[-10:]


def test_hostile_names_are_found(engine: Engine) -> None:
    with Session(engine) as session:
        for name in HOSTILE_NAMES:
            rows = fetch_after(session, INSTRUMENTS, LedgerQuery(search=name.split()[0]), None, 500).rows
            assert any(name in r[2] for r in rows), name


def test_two_character_search_uses_the_index(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # a small table: make the planner show it can
        plan = (
            conn.execute(
                text(
                    "EXPLAIN SELECT id FROM instruments WHERE "
                    "labdesk_bigrams(code, name, model, serial_number) @> labdesk_bigrams('济南')"
                )
            )
            .scalars()
            .all()
        )
    assert any("ixsearch_instruments" in line for line in plan), plan
