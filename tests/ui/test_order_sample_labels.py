"""Sample labels from the Orders ledger: the selected orders' samples, order by order; the Labels menu."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.ui.label_jobs_dialog import LabelJobsDialog
from labdesk.ui.ledger_view import LedgerTab
from labdesk.ui.printer_profiles_dialog import PrinterProfilesDialog
from labdesk.ui.workers import wait_for_workers
from tests.ui.helpers import WAIT_MS, cell
from tests.ui.test_ledger_tab import make_tab
from tests.ui.test_main_window import open_window


def samples_of(database: Database, order_no: str) -> list[str]:
    """An order's sample numbers by plain SQL, independent of the service the tab uses."""
    with database.read_session() as session:
        return list(session.execute(
            text("select s.sample_no from samples s join orders o on o.id = s.order_id "
                 "where o.order_no = :no order by s.sample_no"), {"no": order_no}).scalars())


def orders_with_samples(qtbot: QtBot, database: Database, tab: LedgerTab, wanted: int) -> list[int]:
    """Rows (in table order) of the first orders that have samples."""
    rows: list[int] = []
    row = 0
    while len(rows) < wanted:
        if samples_of(database, cell(qtbot, tab.model, row)):
            rows.append(row)
        row += 1
    return rows


def test_print_sample_labels_of_two_orders(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "orders")
    assert tab.labels_button.isVisible() and tab.label_kind == "sample"
    rows = orders_with_samples(qtbot, database, tab, 2)
    selection = tab.table.selectionModel()
    for row in rows:
        selection.select(tab.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    orders = [tab.model.record_code(row) for row in rows]
    assert tab.selected_codes() == orders
    expected = [no for order in orders if order is not None for no in samples_of(database, order)]
    assert len(expected) >= 2
    # the samples are read in a worker; the dialog is the tab's child (the tab stays referenced here)
    with qtbot.waitSignal(tab.labelDialogOpened, timeout=WAIT_MS) as opened:
        tab.labels_button.click()
    dialog = opened.args[0]
    assert dialog is tab._label_dialogs[-1] and dialog.parent() is tab
    assert dialog.kind == "sample" and dialog.codes == expected
    with qtbot.waitSignal(dialog.previewReady, timeout=WAIT_MS):
        pass
    dialog.close()


def test_ctrl_p_with_nothing_selected_says_so(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "orders")
    assert tab.print_labels() is None
    assert tab.error_label.isVisibleTo(tab) and tab.error_label.text()


def test_orders_without_samples_say_so(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "orders")
    order_no = cell(qtbot, tab.model, 0)
    with database.session() as session:  # this test's private copy: empty the first order
        ids = "(select s.id from samples s join orders o on o.id = s.order_id where o.order_no = :no)"
        session.execute(text(f"delete from custody_events where sample_id in {ids}"), {"no": order_no})
        session.execute(text(f"delete from samples where id in {ids}"), {"no": order_no})
    assert samples_of(database, order_no) == []
    tab.table.selectRow(0)
    assert tab.print_labels() is None
    qtbot.waitUntil(lambda: tab.error_label.isVisibleTo(tab), timeout=WAIT_MS)
    assert tab.error_label.text() and not tab._label_dialogs


def test_other_ledgers_still_print_their_own_records(qtbot: QtBot, database: Database) -> None:
    customers = make_tab(qtbot, database, "customers")
    assert not customers.labels_button.isVisibleTo(customers) and customers.print_labels() is None
    samples = make_tab(qtbot, database, "samples")
    samples.table.selectRow(0)
    dialog = samples.print_labels()
    assert dialog is not None and dialog.codes == [samples.model.record_code(0)]
    with qtbot.waitSignal(dialog.previewReady, timeout=WAIT_MS):
        pass
    dialog.close()


def test_labels_menu(qtbot: QtBot, demo_target: DatabaseTarget) -> None:
    window = open_window(qtbot, demo_target)
    jobs = window.show_label_jobs()
    assert isinstance(jobs, LabelJobsDialog)
    with qtbot.waitSignal(jobs.jobsLoaded, timeout=WAIT_MS):
        pass
    assert jobs.jobs  # the demo has printed labels before
    jobs.close()
    printers = window.show_printers()
    assert isinstance(printers, PrinterProfilesDialog)
    printers.close()
    templates = window.show_label_templates()  # the templates screen, or a clear "not available"
    if templates is not None:
        assert wait_for_workers(WAIT_MS)  # let the screen finish loading before it closes
        qtbot.wait(50)
        templates.close()
