"""The order form as the front desk (zhangwei) uses it, on a real SQLite demo database: customer
search as you type, samples with hostile text, live pricing, save with numbers, reopen, conflict,
a retired item on a saved draft."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from labdesk.services import catalog, order_drafts, workspace
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.services.order_drafts import OrderDraft
from labdesk.services.orders import SampleTypeChoice
from labdesk.services.pricing import PriceBreakdown
from labdesk.ui.label_print_dialog import LabelPrintDialog
from labdesk.ui.order_form import OrderFormDialog
from labdesk.ui.order_form_lines import COUNT, Choice
from labdesk.ui.order_form_lines import QUANTITY as LINE_QUANTITY
from labdesk.ui.order_form_price import yuan
from labdesk.ui.order_form_samples import NAME, QUANTITY, SPEC, STORAGE, TYPE, UNIT
from tests.ui.helpers import WAIT_MS

HOSTILE = "\x1b^XA\x10'; DROP TABLE samples;-- \"样品\" 🧪 " + "长" * 150  # 190 characters
TOO_LONG = "名" * 300


@pytest.fixture
def front(demo_target: DatabaseTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "zhangwei")  # the demo's front desk: their job roles apply
    database = workspace.connect(demo_target)
    assert "front_desk" in database.actor.roles
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal questions answered without a modal loop (Discard on close, Yes on remove); the
    questions asked are recorded."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        buttons = QMessageBox.StandardButton
        return buttons.Yes if "删除" in text else buttons.Discard

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def open_form(qtbot: QtBot, database: Database, order_id: int | None = None) -> OrderFormDialog:
    form = OrderFormDialog(database, order_id)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.loaded, timeout=WAIT_MS):
        form.show()
    return form


def customer(database: Database) -> tuple[int, str]:
    """The first active customer's id and code (QTest types ASCII only, and a code is what the
    front desk often types)."""
    with database.read_session() as session:
        row = session.execute(text(
            "select id, code from customers where status != 'merged' order by id limit 1")).one()
    return int(row.id), str(row.code)


def pick_customer(qtbot: QtBot, form: OrderFormDialog, customer_id: int, code: str) -> None:
    form.lines.table.setFocus()  # the list pops up only in a focused field: offscreen Qt warns about popups
    with qtbot.waitSignal(form.picker.resultsShown, timeout=WAIT_MS):
        qtbot.keyClicks(form.picker.edit, code)  # type: ignore[no-untyped-call]
        form.picker.search_now()  # skip the 200 ms debounce; the keystrokes' own timer is superseded
    row = next(i for i, c in enumerate(form.picker.results) if c.id == customer_id)
    form.picker.choose_row(row)
    assert form.picker.customer_id == customer_id
    qtbot.waitUntil(lambda: form.current_draft().customer_id == customer_id, timeout=WAIT_MS)


def items(database: Database, unit: str) -> list[int]:
    return [i.id for i in catalog.offered_items(database) if i.pricing_unit.value == unit]


def expected(form: OrderFormDialog) -> PriceBreakdown:
    assert form.inputs is not None
    return order_drafts.price_draft(form.inputs, form.current_draft())


def wait_pricing(qtbot: QtBot, form: OrderFormDialog) -> None:
    """The pricing snapshot for the current customer / contract / date is loaded."""
    draft = form.current_draft()
    key = (draft.customer_id, draft.contract_id, order_drafts.pricing_day(draft))
    qtbot.waitUntil(lambda: form._pricing_key == key and form.inputs is not None, timeout=WAIT_MS)
    qtbot.wait(50)  # the answer's refresh has run
    form.refresh()


def fill_order(qtbot: QtBot, form: OrderFormDialog, database: Database, first_name: str) -> None:
    customer_id, code = customer(database)
    pick_customer(qtbot, form, customer_id, code)
    wait_pricing(qtbot, form)
    for sample_name, quantity in ((first_name, 2), ("混凝土试块 C30 'B'", 3)):
        row = form.samples.add_sample()
        form.samples.edit_cell(row, NAME, sample_name)
        form.samples.edit_cell(row, QUANTITY, quantity)
        form.samples.edit_cell(row, UNIT, "组")
        form.samples.edit_cell(row, SPEC, "150×150×150 mm")
    form.samples.table.setCurrentIndex(form.samples.model.index(0, 0))
    per_sample, per_parameter = items(database, "per_sample"), items(database, "per_parameter")
    form.lines.add_choices([Choice(per_sample[0], None)])
    form.lines.add_choices([Choice(per_parameter[0], None)])
    form.lines.edit_cell(1, COUNT, 4)
    form.lines.add_choices([Choice(per_sample[1], None)], form.samples.model.rows[1].key)


def test_live_price_follows_the_quantity(qtbot: QtBot, front: Database) -> None:
    form = open_form(qtbot, front)
    assert form.base is not None and form.base.order_id is None and not form.print_button.isEnabled()
    fill_order(qtbot, form, front, "钢筋原材")
    lines = form.lines.model.rows
    assert [line.quantity for line in lines] == [2, 2, 3] and lines[1].count == 4
    before = expected(form)
    assert before.ok and before.final_price > 0
    assert form.price.total.text() == yuan(before.final_price)
    assert form.price.list_price.text() == yuan(before.list_price)
    form.lines.edit_cell(0, LINE_QUANTITY, 5)
    after = expected(form)
    assert after.final_price > before.final_price
    assert form.price.total.text() == yuan(after.final_price)
    assert form.price.subtotal.text() == yuan(after.subtotal)
    assert form.price.tax.text() == yuan(after.tax_amount)
    assert form.lines.model.data(form.lines.model.index(0, 6)) == yuan(after.lines[0].amount)
    # urgency sets its surcharge and the breakdown follows
    form.terms.urgency.setCurrentIndex(form.terms.urgency.findData("urgent"))
    assert form.terms.surcharge.text() == "50"
    urgent = expected(form)
    assert urgent.surcharge_amount == (urgent.subtotal / 2).quantize(Decimal("0.01"))
    assert form.price.surcharge.text() == yuan(urgent.surcharge_amount)
    assert "50%" in form.price.surcharge_title.text()
    # a zero or negative quantity is a problem on the line and the save is refused
    for bad in (0, -3):
        form.lines.edit_cell(2, LINE_QUANTITY, bad)
        assert not expected(form).ok
        assert form.price.total.text() == yuan(expected(form).final_price)
        assert form.lines.model.problems.get(2)
        assert any(str(bad) in s for s in form.messages.sentences)
    form.save()
    qtbot.waitUntil(lambda: not form.saving, timeout=WAIT_MS)
    assert form.base.order_id is None
    assert form.messages.sentences[0] == "委托单未保存："
    assert any("-3" in s for s in form.messages.sentences)
    form.base = form.current_draft()  # nothing to ask about when the test window closes


def test_too_long_name_is_refused(qtbot: QtBot, front: Database) -> None:
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, TOO_LONG)
    from labdesk.ui.i18n import problem_text

    expected_refusal = [problem_text(p) for p in order_drafts.draft_problems(form.current_draft())]
    assert len(expected_refusal) == 1 and "300" in expected_refusal[0] and "200" in expected_refusal[0]
    assert expected_refusal[0] in form.messages.sentences  # shown live, before any save
    form.save()
    qtbot.waitUntil(lambda: not form.saving, timeout=WAIT_MS)
    assert form.base is not None and form.base.order_id is None
    assert form.messages.sentences == ["委托单未保存：", *expected_refusal]
    form.base = form.current_draft()


def saved_order(qtbot: QtBot, form: OrderFormDialog) -> int:
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as signal:
        form.save()
    assert not form.is_dirty()
    return int(signal.args[0].order_id)


def test_save_numbers_and_keeps_hostile_text(qtbot: QtBot, front: Database) -> None:
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, HOSTILE)
    form.terms.notes.setPlainText(HOSTILE)
    if not any(form.samples.model.storage_by_type.values()):  # a demo database without the seeded types
        form.samples.set_types([SampleTypeChoice("混凝土", "HNT", "标准养护室 20±2℃ RH≥95%")])
    types = [t for t in form.samples.model.storage_by_type.items() if t[1]]
    form.samples.edit_cell(0, TYPE, types[0][0])
    assert form.samples.model.rows[0].storage_condition == types[0][1]  # the type's condition filled in
    form.samples.edit_cell(1, STORAGE, "冷藏 2~8℃")
    form.samples.edit_cell(1, TYPE, types[0][0])
    assert form.samples.model.rows[1].storage_condition == "冷藏 2~8℃"  # never overwritten
    order_id = saved_order(qtbot, form)
    assert form.base is not None and form.base.order_no and form.base.order_id == order_id
    numbers = [s.sample_no for s in form.base.samples]
    assert all(numbers) and len(set(numbers)) == 2
    news = form.messages.sentences[-1]
    assert form.base.order_no in news and all(n in news for n in numbers if n)
    assert form.samples.model.data(form.samples.model.index(0, 0)) == numbers[0]
    assert form.print_button.isEnabled() and form.labels_button.isEnabled()
    with front.read_session() as session:
        names = session.execute(text("select name from samples where order_id = :id order by id"),
                                {"id": order_id}).scalars().all()
        notes = session.execute(text("select notes from orders where id = :id"), {"id": order_id}).scalar()
        lines = session.execute(text("select count(*) from order_lines where order_id = :id"),
                                {"id": order_id}).scalar()
    assert names == [HOSTILE, "混凝土试块 C30 'B'"] and notes == HOSTILE and lines == 3
    # the sample labels of the saved order open in the label dialog
    dialog = form.print_sample_labels()
    assert isinstance(dialog, LabelPrintDialog)
    assert dialog is not None and dialog.codes == numbers
    with qtbot.waitSignal(dialog.previewReady, timeout=WAIT_MS):
        pass
    dialog.close()
    # reopen it in a second form: the same order, samples and price
    again = open_form(qtbot, front, order_id)
    assert again.base is not None and again.base.order_no == form.base.order_no
    assert [s.name for s in again.samples.model.rows] == [HOSTILE, "混凝土试块 C30 'B'"]
    assert again.price.total.text() == form.price.total.text()
    assert not again.is_dirty()


def test_conflict_keeps_the_input(qtbot: QtBot, front: Database) -> None:
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, "水泥")
    order_id = saved_order(qtbot, form)
    form.samples.edit_cell(0, NAME, "水泥 P.O 42.5（改）")
    with front.session() as session:  # another workstation saves the order meanwhile
        session.execute(text("update orders set version = version + 1 where id = :id"), {"id": order_id})
    with qtbot.waitSignal(form.conflictShown, timeout=WAIT_MS) as shown:
        form.save()
    box = shown.args[0]
    assert form.base is not None and form.base.order_no and form.base.order_no in box.text()
    assert form.samples.model.rows[0].name == "水泥 P.O 42.5（改）"  # the input stays until the user chooses
    assert form.is_dirty()
    reload_button = next(b for b in box.buttons() if b.text() == "重新载入")
    with qtbot.waitSignal(form.loaded, timeout=WAIT_MS):
        reload_button.click()
    assert form.samples.model.rows[0].name == "水泥" and not form.is_dirty()


def test_retired_item_keeps_its_price_with_a_warning(qtbot: QtBot, front: Database) -> None:
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, "砂")
    order_id = saved_order(qtbot, form)
    item_id = form.base.lines[0].item_id if form.base else None
    with front.session() as session:
        session.execute(text("update test_items set retired = :yes where id = :id"),
                        {"yes": True, "id": item_id})
    again = open_form(qtbot, front, order_id)
    breakdown = expected(again)
    assert breakdown.ok and breakdown.lines[0].amount > 0
    assert again.lines.model.problems[0] and not again.lines.model.problems[0][0][0]  # a warning
    assert any("停用" in s for s in again.messages.sentences)
    # a new line with the retired item is refused
    again.lines.add_choices([Choice(item_id, None)], None)
    assert not expected(again).ok
    again.base = again.current_draft()


def test_a_submitted_order_is_read_only(qtbot: QtBot, front: Database) -> None:
    with front.read_session() as session:
        order_id = session.execute(text(
            "select id from orders where status = 'completed' order by id limit 1")).scalar_one()
    form = open_form(qtbot, front, order_id)
    assert form.base is not None and not form.base.editable
    assert not form.save_button.isEnabled() and form.print_button.isEnabled()
    assert form.samples.model.read_only and not form.samples.add_button.isEnabled()
    assert "已完成" in form.heading.text()
    assert not form.samples.model.setData(form.samples.model.index(0, NAME), "x")
    assert isinstance(form.current_draft(), OrderDraft) and not form.is_dirty()


def test_remove_sample_takes_its_lines_and_close_asks(
    qtbot: QtBot, front: Database, answers: list[str]
) -> None:
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, "碎石")
    first = form.samples.model.rows[0].key
    assert len(form.lines.model.rows_of_sample(first)) == 2
    form.samples.table.setCurrentIndex(form.samples.model.index(0, NAME))
    assert form.samples.remove_sample()
    assert answers and "2" in answers[-1]  # asked, naming the lines that go with it
    assert [s.name for s in form.samples.model.rows] == ["混凝土试块 C30 'B'"]
    assert all(line.sample_key != first for line in form.lines.model.rows) and len(form.lines.model.rows) == 1
    copy = form.samples.duplicate_sample()
    assert copy is None or form.samples.model.rows[copy].sample_no is None
    assert form.is_dirty()
    form.close()  # Discard (answered by the fixture): the window closes and its layout is kept
    assert answers[-1] == "关闭前保存对此委托单的修改吗？" and not form.isVisible()
    from labdesk.ui.column_layout import ui_settings

    assert ui_settings().value("order_form/geometry") is not None


def test_lost_server_keeps_the_input_and_retries(
    qtbot: QtBot, front: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labdesk.services import orders
    from labdesk.services.problems import Problem
    from labdesk.services.units import DatabaseUnavailable

    real = orders.save_draft
    calls: list[OrderDraft] = []

    def server_gone_once(database: Database, draft: OrderDraft) -> orders.SavedOrder:
        calls.append(draft)
        if len(calls) == 1:  # the server drops out during the first save only
            raise DatabaseUnavailable(Problem("The server {host} does not answer.", {"host": "db"}))
        return real(database, draft)

    monkeypatch.setattr(orders, "save_draft", server_gone_once)
    form = open_form(qtbot, front)
    fill_order(qtbot, form, front, "外加剂")
    form.save()
    qtbot.waitUntil(lambda: not form.saving, timeout=WAIT_MS)
    assert form.retry_button.isVisibleTo(form) and form.base is not None and form.base.order_id is None
    assert any("db" in s for s in form.messages.sentences)
    assert [s.name for s in form.samples.model.rows] == ["外加剂", "混凝土试块 C30 'B'"]  # input kept
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.retry_button.click()
    assert calls[0] == calls[1] and form.base.order_no and not form.retry_button.isVisibleTo(form)
