"""What the Orders tab adds to the generic ledger: the order form, the workflow, the intake queue and
the printed order form.

Buttons on the tab's bar: "New order…" (Ctrl+N), "Open form", "Actions…" (Ctrl+Shift+A), "Intake
queue (N)…" with the number of pending external orders (read again whenever the tab refreshes) and
"Print order form…" (Ctrl+Shift+P). Opening a row (Enter, double-click) opens the order form instead
of the generic card; the card stays one right-click away ("Card…"). The order form and the PDF are
imported on first use: they load only when someone needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from labdesk.services import order_workflow as flow
from labdesk.services.permissions import may_step, may_write
from labdesk.ui.i18n import problem_text
from labdesk.ui.intake_queue import IntakeQueueDialog
from labdesk.ui.order_actions import OrderActionsDialog
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QBoxLayout

    from labdesk.services.order_workflow import IntakeRow
    from labdesk.ui.ledger_view import LedgerTab


class OrderLedgerTools(QObject):
    """See the module docstring. ``tab.row_opener`` is pointed at :meth:`open_row`."""

    def __init__(self, tab: LedgerTab, bar: QBoxLayout) -> None:
        super().__init__(tab)
        self.tab = tab
        roles = tab.database.actor.roles
        self.may_create = may_write(roles, "orders", "insert")
        self.may_intake = may_step(roles, "order.accept") or may_step(roles, "order.reject")
        self.dialogs: list[QWidget] = []
        self.menu: QMenu | None = None
        self.pending: int | None = None
        self.new_button = self._button("newOrder", self.tr("New order…"), self.new_order,
                                       self.tr("Register a new order (Ctrl+N)") if self.may_create
                                       else self.tr("Only the front desk registers orders."))
        self.open_button = self._button("openOrderForm", self.tr("Open form"), self.open_current_form,
                                        self.tr("The selected order's form (Enter)"))
        self.actions_button = self._button("orderActions", self.tr("Actions…"), self.open_actions,
                                           self.tr("Submit, confirm the fee, accept, cancel … the selected "
                                                   "order (Ctrl+Shift+A)"))
        self.intake_button = self._button("intakeQueue", self.tr("Intake queue…"), self.open_intake,
                                          self.tr("Orders customers sent from outside, waiting to be "
                                                  "accepted") if self.may_intake
                                          else self.tr("Only the front desk handles the intake queue."))
        self.print_button = self._button("printOrderForm", self.tr("Print order form…"), self.print_form,
                                         self.tr("The selected order's form as a PDF (Ctrl+Shift+P)"))
        for button in (self.new_button, self.open_button, self.actions_button, self.intake_button,
                       self.print_button):
            bar.insertWidget(bar.indexOf(tab.labels_button), button)
        for keys, slot in (("Ctrl+N", self.new_order), ("Ctrl+Shift+A", self.open_actions),
                           ("Ctrl+Shift+P", self.print_form)):
            shortcut = QShortcut(QKeySequence(keys), tab)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        tab.row_opener = self.open_row
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab.table.customContextMenuRequested.connect(self._menu)
        tab.table.selectionModel().selectionChanged.connect(self._update_buttons)
        tab.model.modelReset.connect(self._update_buttons)
        # Every refresh resets the model; a short delay folds a burst of resets into one count.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(100)
        self._count_timer.timeout.connect(self.refresh_count)
        tab.model.modelReset.connect(self._count_timer.start)
        self._update_buttons()
        self.refresh_count()

    def _button(self, name: str, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self.tab)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- state -----------------------------------------------------------------------------------
    def current_order(self) -> int | None:
        """The id of the current row's order (None if no row or its page is not loaded)."""
        if not self.tab.table.selectionModel().hasSelection():
            return None
        row = self.tab.table.currentIndex().row()
        return self.tab.model.record_id(row) if row >= 0 else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.tab.table.selectionModel().hasSelection()
        self.new_button.setEnabled(self.may_create)
        for button in (self.open_button, self.actions_button, self.print_button):
            button.setEnabled(chosen)
        self.intake_button.setEnabled(self.may_intake)

    @Slot()
    def refresh_count(self) -> None:
        """Count the pending external orders, in a worker."""
        database = self.tab.database
        start_worker(lambda _w: flow.intake_queue(database), on_result=self._count_arrived,
                     on_error=self._count_failed, name="intake count")

    @Slot(object)
    def _count_arrived(self, rows: list[IntakeRow]) -> None:
        self.pending = len(rows)
        self.intake_button.setText(self.tr("Intake queue (%1)…").replace("%1", str(len(rows))) if rows
                                   else self.tr("Intake queue…"))

    @Slot(object)
    def _count_failed(self, error: object) -> None:
        self.pending = None
        self.intake_button.setText(self.tr("Intake queue…"))
        self.intake_button.setToolTip(problem_text(error))

    def _missing_selection(self) -> None:
        self.tab.error_label.setText(self.tr("Select an order first."))
        self.tab.error_label.show()

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()

    # -- the order form ----------------------------------------------------------------------------
    @Slot()
    def new_order(self) -> QWidget | None:
        """An empty order form (Ctrl+N); the ledger refreshes once the order is saved."""
        return self.open_form(None) if self.may_create else None

    def open_form(self, order_id: int | None) -> QWidget:
        from labdesk.ui.order_form import OrderFormDialog  # the form loads on first use

        dialog = OrderFormDialog(self.tab.database, order_id, self.tab)
        dialog.saved.connect(lambda _saved: self.tab.refresh())
        self._keep(dialog)
        return dialog

    def open_row(self, row: int) -> QWidget | None:
        """Opening a row (Enter, double-click) shows the order's form."""
        order_id = self.tab.model.record_id(row)
        return None if order_id is None else self.open_form(order_id)

    @Slot()
    def open_current_form(self) -> QWidget | None:
        order_id = self.current_order()
        if order_id is None:
            self._missing_selection()
            return None
        return self.open_form(order_id)

    # -- workflow, intake, printing ----------------------------------------------------------------
    @Slot()
    def open_actions(self) -> OrderActionsDialog | None:
        """The workflow dialog of the current row's order."""
        order_id = self.current_order()
        if order_id is None:
            self._missing_selection()
            return None
        dialog = OrderActionsDialog(self.tab.database, order_id, self.tab)
        dialog.changed.connect(lambda _summary: self.tab.refresh())  # the row shows the new status
        self._keep(dialog)
        return dialog

    @Slot()
    def open_intake(self) -> IntakeQueueDialog | None:
        if not self.may_intake:
            return None
        dialog = IntakeQueueDialog(self.tab.database, self.tab)
        dialog.changed.connect(self.tab.refresh)  # an accepted order joins the ledger
        self._keep(dialog)
        return dialog

    @Slot()
    def print_form(self) -> None:
        """The selected order's form as a PDF (the exporter asks where to save it)."""
        order_id = self.current_order()
        if order_id is None:
            self._missing_selection()
            return
        from labdesk.ui.order_pdf import export_order_form  # reportlab loads on first use

        export_order_form(self.tab, self.tab.database, order_id)

    @Slot(QPoint)
    def _menu(self, position: QPoint) -> None:
        row = self.tab.table.indexAt(position).row()
        menu = QMenu(self.tab.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        entries: list[tuple[str, str, Callable[[], object]]] = [
            (self.tr("Open form"), "Return", self.open_current_form),
            (self.tr("Card…"), "", lambda: self.tab.open_card(row)),
            (self.tr("Actions…"), "Ctrl+Shift+A", self.open_actions),
            (self.tr("Print order form…"), "Ctrl+Shift+P", self.print_form),
            (self.tab.labels_button.text(), "Ctrl+P", self.tab.print_labels),
        ]
        for text, keys, slot in entries:
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.setEnabled(row >= 0)
            action.triggered.connect(slot)
        self.menu = menu
        menu.popup(self.tab.table.viewport().mapToGlobal(position))
