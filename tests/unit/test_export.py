"""Excel export: the filtered, sorted view, typed cells, translated titles, hostile text kept safe."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from labdesk.i18n import load_catalog
from labdesk.models import Customer, Instrument
from labdesk.services.ledgers.export import ExportCancelled, export_ledger
from labdesk.services.ledgers.formatting import sanitize_excel_text
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.ledgers.registry import get_ledger
from tests.ledger_data import insert_instruments
from tests.xlsx import read_sheet


def _identity(context: str, text: str) -> str:
    return text


def test_export_is_the_filtered_sorted_view(sqlite_engine: Engine, tmp_path: Path) -> None:
    insert_instruments(sqlite_engine, 2345)  # more than one export chunk
    out = tmp_path / "instruments.xlsx"
    query = LedgerQuery(search="仪器0", sort_key="code", descending=True)
    with Session(sqlite_engine) as session:
        written = export_ledger(session, get_ledger("instruments"), query, out, _identity)
    _, rows = read_sheet(out)
    assert rows[0][:3] == ("Instrument code", "Instrument name", "Model")
    assert len(rows) - 1 == written and 0 < written < 2345
    codes = [r[0] for r in rows[1:]]
    assert codes == sorted(codes, reverse=True)
    assert all(str(r[1]).startswith("仪器0") for r in rows[1:])
    due_index = rows[0].index("Calibration due")
    assert any(isinstance(r[due_index], dt.datetime) for r in rows[1:])  # real Excel dates


def test_titles_follow_the_language(sqlite_engine: Engine, tmp_path: Path) -> None:
    insert_instruments(sqlite_engine, 3)
    out = tmp_path / "zh.xlsx"
    catalog = load_catalog("zh_CN")
    with Session(sqlite_engine) as session:
        export_ledger(session, get_ledger("instruments"), LedgerQuery(), out, catalog.translate)
    title, rows = read_sheet(out)
    assert rows[0][0] == catalog.translate("Ledger", "Instrument code") != "Instrument code"
    assert title == catalog.translate("Ledger", "Instruments")


def test_hostile_text_and_money_survive(sqlite_engine: Engine, tmp_path: Path) -> None:
    long_name = "长" * 10_000
    names = [
        '=HYPERLINK("http://evil")',
        "bell\x07and\x1bescape",
        long_name,
        "泵^XZ~JA 🙂",
        "'; DROP TABLE x; --",
    ]
    with sqlite_engine.begin() as conn:
        conn.execute(
            insert(Customer),
            [{"code": f"KH{n:04d}", "name": name, "status": "active"} for n, name in enumerate(names)],
        )
        conn.execute(
            insert(Instrument),
            [{"code": "YQ-1", "name": "天平", "status": "in_service", "purchase_price": Decimal("12345.67")}],
        )
    out = tmp_path / "c.xlsx"
    with Session(sqlite_engine) as session:
        export_ledger(session, get_ledger("customers"), LedgerQuery(), out, _identity)
        export_ledger(
            session,
            get_ledger("instruments"),
            LedgerQuery(),
            tmp_path / "i.xlsx",
            _identity,
            columns=["code", "purchase_price"],
        )
    got = [r[1] for r in read_sheet(out)[1][1:]]
    assert got == [
        '\'=HYPERLINK("http://evil")',
        "belland" + "escape",
        long_name,
        "泵^XZ~JA 🙂",
        "'; DROP TABLE x; --",
    ]
    price_sheet = openpyxl.load_workbook(tmp_path / "i.xlsx").worksheets[0]
    assert (
        price_sheet["B2"].value == pytest.approx(12345.67) and price_sheet["B2"].number_format == "#,##0.00"
    )


def test_cancel_writes_no_file(sqlite_engine: Engine, tmp_path: Path) -> None:
    insert_instruments(sqlite_engine, 10)
    out = tmp_path / "never.xlsx"
    with Session(sqlite_engine) as session, pytest.raises(ExportCancelled):
        export_ledger(
            session, get_ledger("instruments"), LedgerQuery(), out, _identity, cancelled=lambda: True
        )
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_sanitize_keeps_tabs_and_newlines() -> None:
    assert sanitize_excel_text("a\tb\nc\x00d") == "a\tb\ncd"
    assert sanitize_excel_text("-5") == "'-5" and sanitize_excel_text("5-") == "5-"
