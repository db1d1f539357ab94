"""Printing labels from the instruments ledger: preview, a run to the printer emulator, pause and resume."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from labdesk.printing.batch import BatchState
from labdesk.services.database import Database
from labdesk.ui.label_print_dialog import LabelPrintDialog
from labdesk.ui.ledger_view import LedgerTab
from tests.printing.emulator import PrinterEmulator
from tests.ui.helpers import WAIT_MS
from tests.ui.test_ledger_tab import make_tab


def select_first_rows(qtbot: QtBot, database: Database, rows: int) -> tuple[LedgerTab, LabelPrintDialog]:
    """The dialog for the first ``rows`` instruments, and its tab (the caller keeps the tab alive)."""
    tab = make_tab(qtbot, database, "instruments")
    tab.table.selectRow(0)
    for row in range(1, rows):
        tab.table.selectionModel().select(
            tab.model.index(row, 0),
            tab.table.selectionModel().SelectionFlag.Select | tab.table.selectionModel().SelectionFlag.Rows,
        )
    dialog = tab.print_labels()
    assert dialog is not None
    # the tab owns the dialog (its parent): registering it too would close it after the tab deleted it
    assert dialog.codes == [tab.model.record_code(r) for r in range(rows)]
    return tab, dialog


def test_preview_then_print_to_the_emulator(qtbot: QtBot, database: Database) -> None:
    with PrinterEmulator() as printer:
        _tab, dialog = select_first_rows(qtbot, database, 12)
        with qtbot.waitSignal(dialog.previewReady, timeout=WAIT_MS):
            pass
        assert all(not label.pixmap().isNull() for label in dialog.preview_labels)
        dialog.printer.setEditText(printer.url)
        with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
            dialog.print_button.click()
        outcome = finished.args[0]
        assert outcome.state is BatchState.COMPLETED and (outcome.confirmed, outcome.total) == (12, 12)
        assert printer.wait_for(lambda p: len(p.labels) == 12)
        assert all(code.encode() in label for code, label in zip(dialog.codes, printer.labels, strict=True))
        assert dialog.message.text() == f"已确认 12 / 12 张标签（任务 {outcome.job_id}）。"


def test_printer_going_away_pauses_and_resume_sends_the_rest(qtbot: QtBot, database: Database) -> None:
    with PrinterEmulator(cut_after=[3000]) as printer:  # the first connection dies mid-batch
        _tab, dialog = select_first_rows(qtbot, database, 15)
        dialog.printer.setEditText(printer.url)
        with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as paused:
            dialog.print_button.click()
        assert paused.args[0].state is BatchState.PAUSED
        assert dialog.resume_button.isEnabled() and not dialog.print_button.isEnabled()
        with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as resumed:
            dialog.resume_button.click()
        outcome = resumed.args[0]
        assert outcome.state is BatchState.COMPLETED and outcome.confirmed == 15
        assert printer.wait_for(lambda p: {c.encode() for c in dialog.codes} <= set().union(
            *({c.encode() for c in dialog.codes if c.encode() in label} for label in p.labels)))


def test_a_bad_address_is_one_sentence(qtbot: QtBot, database: Database) -> None:
    _tab, dialog = select_first_rows(qtbot, database, 2)
    dialog.printer.setEditText("lpt1")
    dialog.print_button.click()
    assert dialog.message.text() and "lpt1" in dialog.message.text()
    assert dialog.print_button.isEnabled()


def test_a4_sheet(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    _tab, dialog = select_first_rows(qtbot, database, 5)
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(dialog.save_pdf(str(out)).signals.finished, timeout=WAIT_MS):
        pass
    assert out.read_bytes().startswith(b"%PDF") and "1" in dialog.message.text()


def test_tspl_to_a_file(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    _tab, dialog = select_first_rows(qtbot, database, 3)
    out = tmp_path / "labels.prn"
    dialog.printer.setEditText(f"file:{out}")
    dialog.language.setCurrentIndex(dialog.language.findData("tspl"))
    dialog.copies.setValue(2)
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
        dialog.print_button.click()
    assert finished.args[0].state is BatchState.COMPLETED
    stream = out.read_bytes()
    assert stream.count(b"\r\nPRINT 1,2") == 3 and b"~HS" not in stream
    assert all(code.encode() in stream for code in dialog.codes)
