"""The label template screen: copy a built-in, edit it with a live preview, save it, print with it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from labdesk.models.instruments import Instrument
from labdesk.models.labels import LabelPrintJob
from labdesk.printing.batch import BatchState
from labdesk.printing.layout import mm_to_dots
from labdesk.printing.templates import BUILTIN_TEMPLATES
from labdesk.services import workspace
from labdesk.services.database import Database
from labdesk.services.demo_assets import DEMO_TUBE
from labdesk.ui.label_print_dialog import LabelPrintDialog
from labdesk.ui.label_templates_dialog import LabelTemplatesDialog, open_label_templates
from tests.ui.helpers import WAIT_MS


def loaded(qtbot: QtBot, database: Database) -> LabelTemplatesDialog:
    dialog = LabelTemplatesDialog(database)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.templatesLoaded, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=WAIT_MS)
    return dialog


def test_copy_edit_preview_save_and_print_with_it(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    dialog = loaded(qtbot, database)
    names = [e.template.name for e in dialog.entries]
    assert names == ["instrument-50x30", "sample-40x25", "tube-25x15", DEMO_TUBE]  # built-ins first
    assert dialog.name.isReadOnly() and not dialog.save_button.isEnabled()  # a built-in is read-only
    assert "built-in" in dialog.list.item(0).text() or "内置" in dialog.list.item(0).text()
    assert dialog.preview.pixmap().width() == mm_to_dots(50, 203)

    dialog.new_button.click()
    assert dialog.name.text() == "instrument-50x30-copy" and not dialog.name.isReadOnly()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.width_mm.setValue(60)
    assert dialog.preview.pixmap().width() == mm_to_dots(60, 203)
    assert dialog.save_button.isEnabled()
    dialog.name.setText("wide-60")
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    with (
        qtbot.waitSignal(dialog.saved, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.templatesLoaded, timeout=WAIT_MS),
    ):
        dialog.save_button.click()
    assert [e.template.name for e in dialog.entries][3:] == ["wide-60", DEMO_TUBE]  # custom ones by name
    assert dialog.list.currentRow() == 3 and dialog.entries[3].version == 1
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=WAIT_MS)

    # a second save of the same row is version-checked and works (version 1 -> 2)
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.height_mm.setValue(32)
    with qtbot.waitSignal(dialog.templatesLoaded, timeout=WAIT_MS):
        dialog.save_button.click()
    assert dialog.entries[3].version == 2 and dialog.entries[3].template.height_mm == 32

    with database.read_session() as session:
        code = session.scalars(select(Instrument.code).order_by(Instrument.code).limit(1)).one()
    printer = LabelPrintDialog(database, "instrument", [code])
    qtbot.addWidget(printer)
    with qtbot.waitSignal(printer.templatesLoaded, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not printer.preview_labels[0].pixmap().isNull(), timeout=WAIT_MS)
    combo = [printer.template.itemData(i) for i in range(printer.template.count())]
    assert combo == ["instrument-50x30", "wide-60"]  # built-ins first, only this kind
    before = printer.preview_labels[0].pixmap().height()  # shown 320 px wide: 50x30 -> 192 px high
    printer.template.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: printer.preview_labels[0].pixmap().height() == round(320 * 32 / 60), timeout=WAIT_MS
    )
    assert before == 192
    out = tmp_path / "labels.zpl"
    printer.printer.setEditText(f"file:{out}")
    with qtbot.waitSignal(printer.runFinished, timeout=WAIT_MS) as finished:
        printer.print_button.click()
    assert finished.args[0].state is BatchState.COMPLETED
    assert f"^PW{mm_to_dots(60, 203)}".encode() in out.read_bytes()
    with database.read_session() as session:
        assert session.scalars(select(LabelPrintJob.template_name)).all()[-1] == "wide-60"


def test_a_box_outside_the_label_shows_the_problem_and_cannot_be_saved(
    qtbot: QtBot, database: Database
) -> None:
    dialog = loaded(qtbot, database)
    dialog.list.setCurrentRow(1)  # sample-40x25
    qtbot.waitUntil(lambda: dialog.preview.pixmap().width() == mm_to_dots(40, 203), timeout=WAIT_MS)
    dialog.new_button.click()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.fields.setItem(0, 1, QTableWidgetItem("30"))  # the QR code's x: now past the right edge
    assert dialog.preview.pixmap().isNull()
    assert "'qr' is not inside the margins" in dialog.preview.text()
    assert "c0392b" in dialog.preview.styleSheet()
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.previewUpdated, timeout=WAIT_MS):
        dialog.fields.setItem(0, 1, QTableWidgetItem("1.5"))
    assert not dialog.preview.pixmap().isNull() and dialog.save_button.isEnabled()


def test_delete_asks_first(qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace.save_label_template(
        database, dataclasses.replace(BUILTIN_TEMPLATES["tube-25x15"], name="my-tube")
    )
    dialog = open_label_templates(database, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.entries) == 5, timeout=WAIT_MS)
    assert dialog.entries[3].template.name == "my-tube"
    dialog.list.setCurrentRow(3)
    assert dialog.delete_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    assert dialog.delete() is None
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with (
        qtbot.waitSignal(dialog.deleted, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.templatesLoaded, timeout=WAIT_MS),
    ):
        dialog.delete()
    assert [e.template.name for e in dialog.entries] == [
        "instrument-50x30",
        "sample-40x25",
        "tube-25x15",
        DEMO_TUBE,
    ]
    dialog.list.setCurrentRow(0)
    assert not dialog.delete_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=WAIT_MS)


def test_a_job_without_template_rights_only_browses(qtbot: QtBot, database: Database) -> None:
    from labdesk.services.actor import Actor

    finance = dataclasses.replace(database, actor=Actor("luojuan", frozenset({"finance"})))
    dialog = loaded(qtbot, finance)
    dialog.list.setCurrentRow(3)  # a custom template: editable for those who may
    assert not dialog.new_button.isEnabled() and not dialog.save_button.isEnabled()
    assert not dialog.delete_button.isEnabled()
