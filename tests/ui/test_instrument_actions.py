"""The instrument actions dialog on demo data: the steps a job may take, a calibration recorded through the
form, a repair request with a photo, a refused step, and the way in from the Instruments tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from labdesk.models import CalibrationRecord, Instrument
from labdesk.services import workspace
from labdesk.services.attachments import list_attachments
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.services.dates import add_months
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.i18n import translate
from labdesk.ui.instrument_actions import InstrumentActionsDialog
from labdesk.ui.instrument_forms import ActionForm
from labdesk.ui.ledger_view import LedgerTab
from tests.ui.helpers import WAIT_MS, cell, wait_counted

TODAY = dt.date.today()


def open_as(monkeypatch: pytest.MonkeyPatch, target: DatabaseTarget, login: str) -> Database:
    monkeypatch.setenv("LABDESK_USER", login)  # a demo login: their job roles apply
    return workspace.connect(target)


@pytest.fixture
def manager(demo_target: DatabaseTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    database = open_as(monkeypatch, demo_target, "heyong")  # 何勇, equipment manager
    yield database
    database.dispose()


@pytest.fixture
def technician(demo_target: DatabaseTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    database = open_as(monkeypatch, demo_target, "chenjie")  # 陈杰, technician
    yield database
    database.dispose()


def usable_instrument(database: Database) -> Instrument:
    with database.read_session() as session:
        return session.scalars(
            select(Instrument)
            .where(
                Instrument.status == "in_service",
                Instrument.next_due_date >= TODAY,
                Instrument.calibration_interval_months.is_not(None),
            )
            .order_by(Instrument.id)
            .limit(1)
        ).one()


def open_dialog(qtbot: QtBot, database: Database, code: str) -> InstrumentActionsDialog:
    dialog = InstrumentActionsDialog(database, code)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def visible_steps(dialog: InstrumentActionsDialog) -> set[str]:
    return {step for step, button in dialog.action_buttons.items() if not button.isHidden()}


def submit(qtbot: QtBot, form: ActionForm) -> None:
    with qtbot.waitSignal(form.succeeded, timeout=WAIT_MS):
        form.buttons.button(form.buttons.StandardButton.Ok).click()


def test_record_a_calibration_through_the_form(qtbot: QtBot, manager: Database, tmp_path: Path) -> None:
    instrument = usable_instrument(manager)
    dialog = open_dialog(qtbot, manager, instrument.code)
    assert visible_steps(dialog) == {
        "request_repair",
        "send_for_calibration",
        "record_calibration",
        "take_out_of_service",
        "lend",
        "retire",
    }
    assert dialog.fields["status"].text().count(translate("Status", "In service")) == 1

    form = dialog.open_form("send_for_calibration")
    assert form is not None
    form.provider.setText("江苏省计量科学研究院")
    submit(qtbot, form)
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.status == "out_for_calibration")
    assert visible_steps(dialog) == {"record_calibration", "retire"}

    certificate = tmp_path / "校准证书 JL2026-00001.pdf"
    certificate.write_bytes(b"%PDF-1.4\n% scanned certificate\n%%EOF\n")
    form = dialog.open_form("record_calibration")
    assert form is not None
    assert form.provider.text() == "江苏省计量科学研究院"  # the provider it was sent to
    form.calibrated_on.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    form.certificate_no.setText("JL2026-00001")
    form.set_certificate(certificate)
    form.adjustments.setPlainText("零点调整")
    form.comment.setPlainText("年度校准")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        submit(qtbot, form)

    summary = dialog.summary
    assert summary is not None and summary.status == "in_service"
    assert summary.next_due_date == add_months(TODAY, instrument.calibration_interval_months or 0)
    assert translate("Status", "In service") in dialog.fields["status"].text()
    assert summary.next_due_date.isoformat() in dialog.fields["calibration"].text()
    history = dialog.history
    rows = [[(history.item(r, c) or QTableWidgetItem()).text() for c in range(5)] for r in range(2)]
    assert rows[0][1:] == [
        translate("InstrumentActions", "Calibrated: pass"),
        f"{translate('Status', 'Out for calibration')} → {translate('Status', 'In service')}",
        "何勇",
        "JL2026-00001 · 年度校准",
    ]
    assert rows[1][1] == translate("InstrumentActions", "Sent for calibration")
    with manager.read_session() as session:
        record = session.scalars(
            select(CalibrationRecord)
            .where(CalibrationRecord.instrument_id == instrument.id)
            .order_by(CalibrationRecord.id.desc())
            .limit(1)
        ).one()
        assert (record.certificate_no, record.adjustments, record.result) == (
            "JL2026-00001",
            "零点调整",
            "pass",
        )
        assert [a.file_name for a in list_attachments(session, "calibration_records", record.id)] == [
            certificate.name
        ]


def test_technician_requests_a_repair_with_a_photo(
    qtbot: QtBot, technician: Database, tmp_path: Path
) -> None:
    code = usable_instrument(technician).code
    dialog = open_dialog(qtbot, technician, code)
    assert visible_steps(dialog) == {"request_repair"}
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#d68910"))
    photo = tmp_path / "fault.png"
    assert image.save(str(photo))

    form = dialog.open_form("request_repair")
    assert form is not None
    qtbot.waitUntil(lambda: form.reporter.count() > 0, timeout=WAIT_MS)
    assert form.reporter.currentText() == "陈杰"  # the reporter defaults to whoever is signed in
    form.set_photo(photo)
    preview = form.photo_preview.pixmap()
    assert not preview.isNull() and max(preview.width(), preview.height()) <= 220
    form.fault.setPlainText("称量示值漂移 '; DROP TABLE instruments;-- 🙂")
    submit(qtbot, form)
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.status == "under_repair")
    assert translate("Status", "Under repair") in dialog.fields["status"].text()
    assert "称量示值漂移 '; DROP TABLE instruments;-- 🙂" in dialog.fields["state"].text()
    assert visible_steps(dialog) == set()
    assert dialog.no_actions.isVisibleTo(dialog)


def test_a_refused_step_keeps_the_form_open(qtbot: QtBot, manager: Database) -> None:
    dialog = open_dialog(qtbot, manager, usable_instrument(manager).code)
    form = dialog.open_form("lend")
    assert form is not None
    form.borrower.setText("   ")
    with qtbot.waitSignal(form.failed, timeout=WAIT_MS) as failed:
        form.buttons.button(form.buttons.StandardButton.Ok).click()
    assert failed.args == [translate("Problem", "Enter who borrows the instrument.")]
    assert form.isVisible() and form.error.isVisibleTo(form) and form.buttons.isEnabled()
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.status == "in_service")
    form.borrower.setText("第三检测站")
    submit(qtbot, form)
    assert not form.isVisible()
    assert dialog.summary is not None and dialog.summary.status == "loaned"
    assert "第三检测站" in dialog.fields["state"].text()


def test_instruments_tab_opens_the_dialog_for_the_current_row(qtbot: QtBot, manager: Database) -> None:
    tab = LedgerTab(get_ledger("instruments"), manager)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    wait_counted(qtbot, tab.model)
    assert tab.instrument_actions is not None and tab.instrument_actions.button.isVisibleTo(tab)
    assert tab.instrument_actions.open() is None  # nothing selected yet: a sentence, no dialog
    assert tab.error_label.isVisibleTo(tab)
    code = cell(qtbot, tab.model, 3)
    tab.table.selectRow(3)
    dialog = tab.instrument_actions.open()
    assert dialog is not None and dialog.code == code
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    assert dialog.windowTitle().endswith(code)
    dialog.close()
    other = LedgerTab(get_ledger("customers"), manager)
    qtbot.addWidget(other)
    assert other.instrument_actions is None
    assert tab.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
