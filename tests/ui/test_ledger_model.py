"""The table model: a bounded page cache, correct rows across keyset and OFFSET pages, generations."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from labdesk.services import workspace
from labdesk.services.database import Database
from labdesk.services.ledgers.paging import LedgerQuery, PageRequest
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui import ledger_model
from labdesk.ui.ledger_model import LedgerTableModel
from tests.ui.helpers import cell, wait_counted


def test_cache_stays_bounded_while_scrolling(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_model, "PAGE_SIZE", 7)
    monkeypatch.setattr(ledger_model, "MAX_PAGES", 3)
    spec = get_ledger("samples")
    model = LedgerTableModel(spec, database)
    total = wait_counted(qtbot, model)
    assert total == 100
    every = workspace.page(database, spec, LedgerQuery(), PageRequest(0, total)).rows
    for row in [*range(total), *range(total - 1, -1, -1), 50, 3, 99, 42]:  # down, up, jumps
        assert cell(qtbot, model, row) == every[row][1]
        assert model.cached_pages() <= 3
    assert model.record_id(42) == every[42][0]


def test_descending_pages_match_sql(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_model, "PAGE_SIZE", 9)
    spec = get_ledger("instruments")
    model = LedgerTableModel(spec, database)
    wait_counted(qtbot, model)
    query = LedgerQuery(sort_key="next_due_date", descending=True)
    model.set_query(query)
    total = wait_counted(qtbot, model)
    every = workspace.page(database, spec, query, PageRequest(0, total)).rows
    for row in (total - 1, 0, 40, 41, 17):  # the end first (from_end), then OFFSET and keyset
        assert cell(qtbot, model, row) == every[row][1]


def test_an_older_query_result_is_dropped(qtbot: QtBot, database: Database) -> None:
    spec = get_ledger("customers")
    model = LedgerTableModel(spec, database)
    wait_counted(qtbot, model)
    model.set_query(LedgerQuery(search="no such customer anywhere"))
    model.set_query(LedgerQuery())  # overtakes the first: only its count may land
    assert wait_counted(qtbot, model) == 20
    qtbot.wait(50)
    assert model.total == 20


def test_status_cells_have_label_and_colour(qtbot: QtBot, database: Database) -> None:
    from PySide6.QtCore import Qt

    spec = get_ledger("instruments")
    model = LedgerTableModel(spec, database)
    wait_counted(qtbot, model)
    status = spec.column_index("status")
    label = cell(qtbot, model, 0, status)
    assert label in {"在用", "维修中", "送检中", "停用", "借出", "报废"}
    index = model.index(0, status)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    price = model.index(0, spec.column_index("purchase_price"))
    assert model.data(price, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(0, Qt.Orientation.Horizontal) == "设备编号"
