"""Saving an order's printable form from the UI: file dialog, worker, opening, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from labdesk.services.database import Database
from labdesk.ui.order_pdf import default_file_name, export_order_form
from tests.custody_cases import demo_database
from tests.order_document_cases import busiest_order


@pytest.fixture
def database(sqlite_url: str) -> Iterator[Database]:
    """A small demo database opened as the front desk."""
    opened = demo_database(sqlite_url, "zhangwei")
    yield opened
    opened.dispose()


def choose(monkeypatch: pytest.MonkeyPatch, answer: str, asked: list[str] | None = None) -> None:
    def fake(parent: QWidget, caption: str, suggested: str, filters: str) -> tuple[str, str]:
        if asked is not None:
            asked.append(suggested)
        return answer, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def order_no_of(database: Database, order_id: int) -> str:
    from sqlalchemy import select

    from labdesk.models import Order

    with database.read_session() as session:
        number = session.scalars(select(Order.order_no).where(Order.id == order_id)).one()
    assert number is not None
    return number


def test_the_form_is_written_and_opened(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    order_id = busiest_order(database)
    order_no = order_no_of(database, order_id)
    asked: list[str] = []
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    choose(monkeypatch, str(tmp_path / "form"), asked)  # no suffix: .pdf is added
    worker = export_order_form(parent, database, order_id, order_no=order_no)
    assert worker is not None
    assert asked and Path(asked[0]).name == f"委托单-{order_no}.pdf"
    out = tmp_path / "form.pdf"
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [QUrl.fromLocalFile(str(out))]
    pdf = pdfium.PdfDocument(out.read_bytes())
    try:
        assert order_no in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def test_cancelling_the_dialog_does_nothing(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    choose(monkeypatch, "")
    assert export_order_form(parent, database, busiest_order(database), open_after=False) is None


def test_a_missing_order_shows_one_sentence(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    choose(monkeypatch, str(tmp_path / "gone.pdf"))
    assert export_order_form(parent, database, 987_654_321, open_after=False) is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["委托单 987654321 已不存在；请刷新列表后重新选择委托单。"]
    assert not (tmp_path / "gone.pdf").exists()


def test_an_unwritable_folder_is_reported(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    target = tmp_path / "no-such-folder" / "form.pdf"
    choose(monkeypatch, str(target))
    assert export_order_form(parent, database, busiest_order(database), open_after=False) is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert str(target) in shown[0]


def test_file_names_are_safe() -> None:
    assert default_file_name("WT2025-000123", 7) == "委托单-WT2025-000123.pdf"
    assert default_file_name('A/B\\C:"\x1b', 7) == "委托单-A_B_C___.pdf"
    assert default_file_name(None, 7) == "委托单-7.pdf"
