"""Waiting on a ledger model the way a view does: ask for a cell, wait for its page."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from labdesk.ui.ledger_model import LedgerTableModel
from labdesk.ui.ledger_view import LedgerTab

RECORD_CODE = re.compile(r"[A-Z]{2}[-0-9]*[0-9]+")  # KH0001, YQ-000001, WT2025-000001 …
WAIT_MS = 10_000


def wait_counted(qtbot: QtBot, model: LedgerTableModel) -> int:
    qtbot.waitUntil(lambda: model.counted, timeout=WAIT_MS)
    return model.total


def cell(qtbot: QtBot, model: LedgerTableModel, row: int, column: int = 0) -> str:
    """The display text of a cell once its page has arrived (asking for it schedules the page)."""
    index = model.index(row, column)
    model.data(index, Qt.ItemDataRole.DisplayRole)
    qtbot.waitUntil(lambda: model.is_loaded(row), timeout=WAIT_MS)
    return str(model.data(index, Qt.ItemDataRole.DisplayRole))


def requery(qtbot: QtBot, tab: LedgerTab) -> int:
    """Apply the tab's search and filters now (skipping the debounce) and wait for the count."""
    tab.apply_query()
    return wait_counted(qtbot, tab.model)
