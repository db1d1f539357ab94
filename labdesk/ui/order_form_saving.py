"""Saving the order form in a worker, and what the form does when the save does not go through.

* refused (``OrderRefused``): every problem is listed; the input stays;
* someone else saved first (``OrderConflict``): a message with Reload; the input stays until the user
  chooses Reload (their input is dropped for the stored order) or Keep editing;
* the server is gone (``DatabaseUnavailable``): its sentence and a Retry button; the input stays;
* anything else with a sentence (``PermissionDenied`` …): the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from labdesk.services.order_drafts import OrderDraft
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.ui.order_form import OrderFormDialog


def run_save(form: OrderFormDialog, draft: OrderDraft) -> None:
    """Save ``draft`` and read it back (numbers, ids, version) in one worker."""
    database = form.database

    def save(_worker: Any) -> tuple[Any, OrderDraft]:
        from labdesk.services import orders

        saved = orders.save_draft(database, draft)
        return saved, orders.load_draft(database, saved.order_id)

    start_worker(
        save,
        on_result=lambda answer: form.save_succeeded(*answer),
        on_error=lambda error: save_failed(form, error),
        name="save order",
    )


def save_failed(form: OrderFormDialog, error: object) -> None:
    from labdesk.services.orders import OrderConflict, OrderRefused
    from labdesk.services.units import DatabaseUnavailable

    if isinstance(error, OrderRefused):
        heading = QCoreApplication.translate("OrderForm", "The order was not saved:")
        form.save_failed([heading] + [problem_text(p) for p in error.problems])
    elif isinstance(error, OrderConflict):
        form.save_failed([problem_text(error)])
        show_conflict(form, problem_text(error))
    elif isinstance(error, DatabaseUnavailable):
        kept = QCoreApplication.translate(
            "OrderForm", "Your input is kept: press Retry once the server is back.")
        form.save_failed([problem_text(error), kept], retry=True)
    else:
        form.save_failed([problem_text(error)])


def show_conflict(form: OrderFormDialog, sentence: str) -> QMessageBox:
    """Non-modal: the user may look at their input before choosing Reload."""
    title = QCoreApplication.translate("OrderForm", "Order changed elsewhere")
    box = QMessageBox(QMessageBox.Icon.Warning, title, sentence,
                      QMessageBox.StandardButton.NoButton, form)
    box.setObjectName("orderConflict")
    reload_text = QCoreApplication.translate("OrderForm", "Reload")
    reload_button = box.addButton(reload_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("OrderForm", "Keep editing"), QMessageBox.ButtonRole.RejectRole)

    def chosen() -> None:
        if box.clickedButton() is reload_button and form.base is not None and form.base.order_id is not None:
            form.reload()

    box.finished.connect(lambda _result: chosen())
    box.open()
    form.conflict_box = box
    form.conflictShown.emit(box)
    return box
