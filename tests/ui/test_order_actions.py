"""The order workflow dialog, the intake queue and the Orders tab's tools on demo data, each opened as
the demo login whose job it is: front desk 张伟 (zhangwei), finance 罗娟 (luojuan), technician 陈杰
(chenjie)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from importlib.util import find_spec

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from labdesk.models import Order, OrderFee, OrderLine, Sample, WorkflowEvent
from labdesk.services import catalog, order_workflow, orders, workspace
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.services.order_drafts import LineDraft, OrderDraft, SampleDraft
from labdesk.ui.i18n import translate
from labdesk.ui.intake_queue import IntakeQueueDialog
from labdesk.ui.ledger_view import LedgerTab
from labdesk.ui.order_actions import OrderActionsDialog, OrderStepForm
from tests.ui.helpers import WAIT_MS, cell, wait_counted

CONFLICT = (
    "Someone else changed order {order_no} a moment ago; it has been reloaded. Check its state and try again."
)
HOSTILE_NOTE = '已收现金 \'; DROP TABLE order_fees;-- \x1b[31m\x07 <b>粗</b> "引号" 🙂\t' + "长" * 320


def open_as(monkeypatch: pytest.MonkeyPatch, target: DatabaseTarget, login: str) -> Database:
    monkeypatch.setenv("LABDESK_USER", login)  # a demo login: their job roles apply
    return workspace.connect(target)


@pytest.fixture
def logins(demo_target: DatabaseTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Database]]:
    """One open database per demo login on the same file: separate sessions, like separate desks."""
    opened = {login: open_as(monkeypatch, demo_target, login) for login in ("zhangwei", "luojuan", "chenjie")}
    yield opened
    for database in opened.values():
        database.dispose()


def order_in(database: Database, status: str) -> int:
    """An order in ``status`` that has samples and lines (so it can be submitted)."""
    with database.read_session() as session:
        has_samples = select(Sample.id).where(Sample.order_id == Order.id).exists()
        has_lines = select(OrderLine.id).where(OrderLine.order_id == Order.id).exists()
        return session.scalars(
            select(Order.id).where(Order.status == status, has_samples, has_lines).order_by(Order.id).limit(1)
        ).one()


def stored(database: Database, order_id: int) -> tuple[str, int, str | None, int]:
    """The order's status, version, cancel reason and history length as stored."""
    with database.read_session() as session:
        order = session.get_one(Order, order_id)
        events = session.scalar(
            select(func.count())
            .select_from(WorkflowEvent)
            .where(
                WorkflowEvent.doc_type == order_workflow.ORDER_WORKFLOW.doc_type,
                WorkflowEvent.record_id == order_id,
            )
        )
        return order.status, order.version, order.cancel_reason, int(events or 0)


def open_dialog(qtbot: QtBot, database: Database, order_id: int) -> OrderActionsDialog:
    dialog = OrderActionsDialog(database, order_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def visible_steps(dialog: OrderActionsDialog) -> set[str]:
    return {step for step, button in dialog.action_buttons.items() if not button.isHidden()}


def open_form(dialog: OrderActionsDialog, step: str) -> OrderStepForm:
    form = dialog.open_form(step)
    assert isinstance(form, OrderStepForm)
    return form


def press_ok(form: OrderStepForm) -> None:
    form.buttons.button(form.buttons.StandardButton.Ok).click()


def submit(qtbot: QtBot, form: OrderStepForm) -> None:
    with qtbot.waitSignal(form.succeeded, timeout=WAIT_MS):
        press_ok(form)


def history_row(dialog: OrderActionsDialog, row: int) -> list[str]:
    return [(dialog.history.item(row, c) or QTableWidgetItem()).text() for c in range(5)]


def status(key: str) -> str:
    return translate(
        "Status",
        {
            "draft": "Draft",
            "submitted": "Submitted",
            "finance_confirmed": "Fee confirmed",
            "cancelled": "Cancelled",
        }[key],
    )


def test_front_desk_submits_a_draft(qtbot: QtBot, logins: dict[str, Database]) -> None:
    front = logins["zhangwei"]
    order_id = order_in(front, "draft")
    dialog = open_dialog(qtbot, front, order_id)
    assert visible_steps(dialog) == {"submit", "cancel"}  # no finance step for the front desk
    assert status("draft") in dialog.fields["status"].text()
    before = stored(front, order_id)

    form = open_form(dialog, "submit")
    form.comment.setPlainText("样品已核对")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        submit(qtbot, form)

    assert dialog.summary is not None and dialog.summary.status == "submitted"
    assert status("submitted") in dialog.fields["status"].text()
    assert visible_steps(dialog) == {"cancel"}
    assert dialog.fields["fee"].text() == translate("OrderActionsDialog", "not confirmed by finance yet")
    assert history_row(dialog, 0)[1:] == [
        translate("OrderAction", "Submit"),
        f"{status('draft')} → {status('submitted')}",
        "张伟",  # the person's name, not the login
        "样品已核对",
    ]
    assert stored(front, order_id)[0::3] == ("submitted", before[3] + 1)


def test_finance_confirms_the_fee_and_the_note_is_kept_verbatim(
    qtbot: QtBot, logins: dict[str, Database]
) -> None:
    finance = logins["luojuan"]
    order_id = order_in(finance, "submitted")
    dialog = open_dialog(qtbot, finance, order_id)
    assert visible_steps(dialog) == {"confirm_fee"}

    form = open_form(dialog, "confirm_fee")
    assert form.charged.isChecked() and form.amount.isEnabled()
    form.amount.setText("12.345")  # a typed value is validated; a pasted one is checked on OK
    with qtbot.waitSignal(form.failed, timeout=WAIT_MS) as failed:
        press_ok(form)
    assert "12.345" in str(failed.args[0]) and form.isVisible()
    assert stored(finance, order_id)[0] == "submitted"

    form.amount.setText("1200.50")
    form.note.setPlainText(HOSTILE_NOTE)
    submit(qtbot, form)
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.status == "finance_confirmed", timeout=WAIT_MS
    )
    with finance.read_session() as session:
        fee = session.scalars(select(OrderFee).where(OrderFee.order_id == order_id)).one()
        assert (fee.charged, fee.amount_received, fee.note) == (True, Decimal("1200.50"), HOSTILE_NOTE)
    assert dialog.fields["note"].text() == HOSTILE_NOTE  # plain text: no markup rendered, nothing cut
    assert "¥1,200.50" in dialog.fields["fee"].text()
    assert visible_steps(dialog) == set() and dialog.no_actions.isVisibleTo(dialog)


def test_a_free_order_sends_no_amount(qtbot: QtBot, logins: dict[str, Database]) -> None:
    finance = logins["luojuan"]
    dialog = open_dialog(qtbot, finance, order_in(finance, "submitted"))
    form = open_form(dialog, "confirm_fee")
    form.amount.setText("99")
    form.charged.setChecked(False)
    assert not form.amount.isEnabled()
    submit(qtbot, form)
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.fee_charged is False, timeout=WAIT_MS
    )
    assert dialog.summary.amount_received == Decimal("0.00")
    assert dialog.fields["fee"].text() == translate("OrderActionsDialog", "not charged (free)")


def test_a_technician_sees_no_finance_step(qtbot: QtBot, logins: dict[str, Database]) -> None:
    technician = logins["chenjie"]
    dialog = open_dialog(qtbot, technician, order_in(technician, "submitted"))
    assert visible_steps(dialog) == set() and dialog.no_actions.isVisibleTo(dialog)
    assert dialog.action_buttons["confirm_fee"].isHidden()
    accepted = open_dialog(qtbot, technician, order_in(technician, "accepted"))
    assert visible_steps(accepted) == {"start_testing"}


def test_cancel_needs_a_reason_and_a_yes(
    qtbot: QtBot, logins: dict[str, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    front = logins["zhangwei"]
    order_id = order_in(front, "submitted")
    dialog = open_dialog(qtbot, front, order_id)
    form = open_form(dialog, "cancel")
    answers: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    form.comment.setPlainText("   ")  # type: ignore[union-attr]
    with qtbot.waitSignal(form.failed, timeout=WAIT_MS) as failed:
        press_ok(form)
    assert failed.args == [translate("StepForm", "Give the reason first.")]

    form.comment.setPlainText("客户撤回委托")  # type: ignore[union-attr]
    answers.append(QMessageBox.StandardButton.No)
    press_ok(form)
    assert not answers and form.isVisible() and not form.running  # asked, and "No" stops it
    assert stored(front, order_id)[0] == "submitted"

    answers.append(QMessageBox.StandardButton.Yes)
    submit(qtbot, form)
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.summary.status == "cancelled", timeout=WAIT_MS
    )
    assert stored(front, order_id)[0::2] == ("cancelled", "客户撤回委托")
    assert history_row(dialog, 0)[4] == "客户撤回委托"


def test_a_stale_version_is_refused_and_reloaded(
    qtbot: QtBot, logins: dict[str, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    front, finance = logins["zhangwei"], logins["luojuan"]
    order_id = order_in(front, "submitted")
    dialog = open_dialog(qtbot, front, order_id)
    assert dialog.summary is not None
    form = open_form(dialog, "cancel")
    form.comment.setPlainText("重复登记")  # type: ignore[union-attr]
    # Meanwhile, at the finance desk, the fee is confirmed: the version the form holds is stale.
    order_workflow.confirm_fee(
        finance, order_id, dialog.summary.version, charged=True, amount_received=Decimal("10.00"), note=None
    )
    moved = stored(front, order_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    with (
        qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS),
        qtbot.waitSignal(form.failed, timeout=WAIT_MS) as failed,
    ):
        press_ok(form)
    assert failed.args[0] == form.error.text() and form.isVisible()
    assert failed.args[0] == translate("Problem", CONFLICT).format(order_no=dialog.summary.order_no)
    assert dialog.summary.status == "finance_confirmed" and dialog.summary.version == moved[1]
    assert status("finance_confirmed") in dialog.fields["status"].text()
    assert stored(front, order_id) == moved  # nothing of the refused cancellation was stored
    submit(qtbot, form)  # the form now holds the fresh version: the retry goes through
    assert stored(front, order_id)[0] == "cancelled"


# -- the intake queue --------------------------------------------------------------------------------


def pending_order(database: Database, customer_id: int, note: str) -> int:
    item = catalog.offered_items(database, "", 1)[0]
    kind = orders.sample_types(database)[0]
    draft = OrderDraft(
        customer_id=customer_id,
        notes=note,
        samples=(SampleDraft("a", "外墙砖", kind.name), SampleDraft("b", "内墙砖", kind.name)),
        lines=(LineDraft(item_id=item.id, quantity=2),),
    )
    return order_workflow.submit_external_order(database, draft)


def first_customer(database: Database) -> int:
    with database.read_session() as session:
        return session.scalars(select(Order.customer_id).order_by(Order.id).limit(1)).one()


def open_queue(qtbot: QtBot, database: Database) -> IntakeQueueDialog:
    dialog = IntakeQueueDialog(database)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def select_order(dialog: IntakeQueueDialog, order_id: int) -> None:
    dialog.table.selectRow(next(r for r, row in enumerate(dialog.rows) if row.order_id == order_id))


def test_intake_accept_numbers_the_order_and_its_samples(qtbot: QtBot, logins: dict[str, Database]) -> None:
    front = logins["zhangwei"]
    order_id = pending_order(front, first_customer(front), "官网提交：请加急 '; --")
    dialog = open_queue(qtbot, front)
    assert order_id in [row.order_id for row in dialog.rows]
    assert not dialog.accept_button.isEnabled()  # nothing selected yet
    select_order(dialog, order_id)
    assert dialog.accept_button.isEnabled() and dialog.reject_button.isEnabled()
    with qtbot.waitSignal(dialog.orderAccepted, timeout=WAIT_MS) as accepted:
        dialog.accept_button.click()
    saved = accepted.args[0]
    assert saved.order_id == order_id and saved.order_no and len(saved.sample_numbers) == 2
    assert saved.order_no in dialog.message.text()
    assert all(number in dialog.message.text() for number in saved.sample_numbers.values())
    qtbot.waitUntil(lambda: order_id not in [row.order_id for row in dialog.rows], timeout=WAIT_MS)
    with front.read_session() as session:
        assert session.get_one(Order, order_id).status == "submitted"
        numbers = session.scalars(select(Sample.sample_no).where(Sample.order_id == order_id)).all()
    assert sorted(numbers) == sorted(saved.sample_numbers.values())  # type: ignore[type-var]


def test_intake_reject_needs_a_reason_and_empties_the_queue(
    qtbot: QtBot, logins: dict[str, Database]
) -> None:
    front = logins["zhangwei"]
    for row in order_workflow.intake_queue(front):  # start from an empty queue
        order_workflow.reject_intake(front, row.order_id, row.version, reason="清理")
    empty = open_queue(qtbot, front)
    assert empty.summary.text() == translate("IntakeQueueDialog", "No orders are waiting.")
    order_id = pending_order(front, first_customer(front), "")
    with qtbot.waitSignal(empty.loaded, timeout=WAIT_MS):
        QTest.keyClick(empty, Qt.Key.Key_F5)
    assert [row.order_id for row in empty.rows] == [order_id]
    select_order(empty, order_id)
    form = empty.reject_selected()
    assert form is not None
    with qtbot.waitSignal(form.failed, timeout=WAIT_MS):
        form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert form.isVisible()
    form.comment.setPlainText("样品不在本实验室检测范围 🙂")  # type: ignore[union-attr]
    with qtbot.waitSignal(empty.loaded, timeout=WAIT_MS):
        form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert empty.rows == [] and empty.summary.text() == translate(
        "IntakeQueueDialog", "No orders are waiting."
    )
    assert stored(front, order_id)[0::2] == ("rejected", "样品不在本实验室检测范围 🙂")


def test_only_the_front_desk_handles_intake(qtbot: QtBot, logins: dict[str, Database]) -> None:
    front, technician = logins["zhangwei"], logins["chenjie"]
    order_id = pending_order(front, first_customer(front), "")
    dialog = open_queue(qtbot, technician)
    select_order(dialog, order_id)
    assert not dialog.accept_button.isEnabled() and not dialog.reject_button.isEnabled()


# -- the Orders tab ----------------------------------------------------------------------------------


def orders_tab(qtbot: QtBot, database: Database) -> LedgerTab:
    tab = LedgerTab(get_ledger("orders"), database)
    qtbot.addWidget(tab)
    tab.resize(1400, 600)
    tab.show()
    wait_counted(qtbot, tab.model)
    assert tab.order_tools is not None
    return tab


def test_orders_tab_buttons_and_the_intake_count(qtbot: QtBot, logins: dict[str, Database]) -> None:
    front = logins["zhangwei"]
    pending = len(order_workflow.intake_queue(front))
    tab = orders_tab(qtbot, front)
    tools = tab.order_tools
    assert tools is not None
    for button in (
        tools.new_button,
        tools.open_button,
        tools.actions_button,
        tools.intake_button,
        tools.print_button,
    ):
        assert button.isVisibleTo(tab)
    assert tools.new_button.isEnabled() and tools.intake_button.isEnabled()
    assert not tools.actions_button.isEnabled()  # no row selected
    qtbot.waitUntil(lambda: tools.pending == pending, timeout=WAIT_MS)
    pending_order(front, first_customer(front), "")
    tab.refresh()
    qtbot.waitUntil(lambda: tools.pending == pending + 1, timeout=WAIT_MS)
    assert f"({pending + 1})" in tools.intake_button.text()

    cell(qtbot, tab.model, 2)
    tab.table.selectRow(2)
    assert tools.actions_button.isEnabled() and tools.print_button.isEnabled()
    QTest.keyClick(
        tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = tools.dialogs[-1]
    assert isinstance(dialog, OrderActionsDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    assert dialog.summary.order_id == tab.model.record_id(2)
    dialog.close()
    queue = tools.open_intake()
    assert queue is not None
    qtbot.waitUntil(lambda: len(queue.rows) == pending + 1, timeout=WAIT_MS)
    queue.close()

    technician = orders_tab(qtbot, logins["chenjie"])
    assert technician.order_tools is not None
    assert not technician.order_tools.new_button.isEnabled()
    assert not technician.order_tools.intake_button.isEnabled()
    assert technician.order_tools.new_order() is None


@pytest.mark.skipif(
    find_spec("labdesk.ui.order_form") is None,
    reason="labdesk.ui.order_form (OrderFormDialog) is written by another helper and is not "
    "in the repository yet",
)
def test_ctrl_n_and_enter_open_the_order_form(qtbot: QtBot, logins: dict[str, Database]) -> None:
    from labdesk.ui.order_form import OrderFormDialog

    tab = orders_tab(qtbot, logins["zhangwei"])
    tools = tab.order_tools
    assert tools is not None
    QTest.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = tools.dialogs[-1]
    assert isinstance(new, OrderFormDialog) and new.order_id is None
    cell(qtbot, tab.model, 0)
    tab.table.selectRow(0)
    with qtbot.assertNotEmitted(tab.cardOpened):
        tab.open_current()  # Enter: the order's form, not the generic card
        tab.table.doubleClicked.emit(tab.model.index(0, 1))
    opened = tools.dialogs[-2:]
    assert all(isinstance(d, OrderFormDialog) and d is not new for d in opened) and len(opened) == 2
    assert {d.order_id for d in opened} == {tab.model.record_id(0)}  # type: ignore[attr-defined]
    card = tab.open_card(0)  # the generic card is still there (the rows' menu has "Card…")
    assert card is not None
    card.close()
    for dialog in tools.dialogs:
        dialog.close()
