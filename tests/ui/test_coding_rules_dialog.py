"""The coding rules screen: parts build the pattern, the preview follows every edit, Save guards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from labdesk.services import coding_rules
from labdesk.services.actor import Actor
from labdesk.services.coding_rules import CounterReset, DocType, RuleFormat
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.services.numbering import validate_rule
from labdesk.services.permissions import PermissionDenied
from labdesk.ui.coding_rules_dialog import SEPARATORS, YEARS, CodingRulesDialog, build_pattern, parts_of
from labdesk.ui.i18n import problem_text
from tests.ui.test_main_window import open_window


def open_dialog(qtbot: QtBot, database: Database) -> CodingRulesDialog:
    dialog = CodingRulesDialog(database)
    qtbot.addWidget(dialog)
    # The rules arrive by a queued signal, so connecting after the constructor cannot miss them.
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    return dialog


def view_of(database: Database, doc_type: DocType) -> coding_rules.RuleView:
    return next(v for v in coding_rules.list_rules(database) if v.doc_type is doc_type)


def test_parts_and_patterns_round_trip() -> None:
    for parts in itertools.product(YEARS, (False, True), (False, True), SEPARATORS, (False, True)):
        pattern = build_pattern(*parts)
        rebuilt = parts_of(pattern)
        assert rebuilt is not None and build_pattern(*rebuilt) == pattern
    assert build_pattern("{yyyy}", True, False, "-", True) == "{prefix}{yyyy}{mm}-{type}-{seq}"
    assert parts_of("{yy}/{prefix}/{seq}") is None


def test_lists_every_document_type_and_previews_the_next_numbers(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    assert dialog.list.count() == len(DocType)
    assert dialog.list.item(0).text() == "委托单"
    orders = view_of(database, DocType.ORDER)
    assert dialog.prefix.text() == orders.rule.prefix
    assert dialog.pattern.text() == orders.rule.pattern
    assert dialog.preview.text() == "   ".join(orders.preview(orders.rule))
    assert dialog.preview.text().startswith(f"WT{dt.date.today().year}-")
    assert not dialog.save_button.isEnabled()  # nothing changed yet


def test_preview_follows_typing_and_parts(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.list.setCurrentRow(list(DocType).index(DocType.REPORT))
    next_seq = view_of(database, DocType.REPORT).next_seq(dialog.current_rule())
    year = dt.date.today().year
    QTest.keyClicks(dialog.prefix, "X")
    assert dialog.preview.text().split()[0] == f"BGX{year}-{next_seq:06d}"
    dialog.month.setChecked(True)
    assert dialog.pattern.text() == "{prefix}{yyyy}{mm}-{seq}"
    month = dt.date.today().month
    assert dialog.preview.text().split()[0] == f"BGX{year}{month:02d}-{next_seq:06d}"
    dialog.seq_width.setValue(3)
    assert dialog.preview.text().split()[1] == f"BGX{year}{month:02d}-{next_seq + 1:03d}"
    assert dialog.list.item(dialog.list.currentRow()).text() == "报告 *"
    assert dialog.save_button.isEnabled()


def test_a_hand_typed_pattern_previews_too(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.pattern.clear()
    QTest.keyClicks(dialog.pattern, "{yy}/{prefix}/{seq}")
    assert dialog.problems.text() == ""
    assert dialog.preview.text().split()[0].startswith(f"{dt.date.today().year % 100:02d}/WT/")


def test_problems_show_inline_and_disable_save(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.reset.setCurrentIndex(dialog.reset.findData(CounterReset.MONTHLY.value))
    rule = dialog.current_rule()
    assert dialog.problems.text() == problem_text(validate_rule(rule)[0])
    assert "{mm}" in dialog.problems.text()
    assert dialog.preview.text() == "—"
    assert not dialog.save_button.isEnabled()
    dialog.month.setChecked(True)
    assert dialog.problems.text() == ""
    assert dialog.save_button.isEnabled()
    QTest.keyClicks(dialog.prefix, "{\x1b")
    assert dialog.problems.text() != ""
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is None


def test_per_type_uses_the_example_code(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.list.setCurrentRow(list(DocType).index(DocType.SAMPLE))
    assert not dialog.type_example.isEnabled()
    dialog.per_type.setChecked(True)
    assert dialog.pattern.text() == "{prefix}{yyyy}-{type}-{seq}"
    assert dialog.type_example.isEnabled()
    dialog.type_example.clear()
    QTest.keyClicks(dialog.type_example, "SW")
    assert dialog.preview.text().split()[0] == f"YP{dt.date.today().year}-SW-000001"


def test_save_stores_the_rule(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    dialog.list.setCurrentRow(list(DocType).index(DocType.INVOICE))
    dialog.prefix.clear()
    QTest.keyClicks(dialog.prefix, "FP")
    dialog.year.setCurrentIndex(YEARS.index("{yy}"))
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save()
    assert saved.args == ["invoice"]
    stored = view_of(database, DocType.INVOICE)
    assert stored.rule == RuleFormat("FP", "{prefix}{yy}-{seq}", 4, CounterReset.YEARLY)
    assert stored.version == 2
    assert dialog.list.currentItem().text() == "发票"
    assert "发票" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_a_rule_saved_meanwhile_elsewhere_is_not_overwritten(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    elsewhere = RuleFormat("OTHER", "{prefix}{yyyy}-{seq}", 5, CounterReset.YEARLY)
    coding_rules.save_rule(database, DocType.ORDER, elsewhere, view_of(database, DocType.ORDER).version)
    QTest.keyClicks(dialog.prefix, "Z")
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save()
    assert saved.args == [""]
    assert "编号规则" in dialog.status.text() and dialog.status.text() != ""
    assert view_of(database, DocType.ORDER).rule == elsewhere


def test_without_the_admin_role_the_rules_are_read_only(qtbot: QtBot, database: Database) -> None:
    viewer = dataclasses.replace(database, actor=Actor("tech", frozenset({"technician"})))
    dialog = open_dialog(qtbot, viewer)
    assert not dialog.editor.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert dialog.status.text() != ""
    assert dialog.preview.text() != ""
    with pytest.raises(PermissionDenied):
        coding_rules.save_rule(viewer, DocType.ORDER, view_of(viewer, DocType.ORDER).rule, 1)


def test_the_settings_menu_opens_the_screen(qtbot: QtBot, demo_target: DatabaseTarget) -> None:
    window = open_window(qtbot, demo_target)
    assert window.coding_rules_action.text() == "编号规则…"
    dialog = window.show_coding_rules()
    assert isinstance(dialog, CodingRulesDialog)  # parented to the window: not qtbot.addWidget'ed
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert dialog.isVisible() and dialog.windowTitle() == "编号规则"
    dialog.close()
