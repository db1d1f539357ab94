"""The scan dock end to end on SQLite and PostgreSQL: labels in an image, a folder and a video lead to the
sample's custody actions, the instrument's actions dialog, a search, or a foreign-code notice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from labdesk.models import Instrument, Sample, WorkflowEvent
from labdesk.printing.payload import encode_payload
from labdesk.scanning.capture import video_as_camera
from labdesk.scanning.frames import Effects, Placement, compose, label_image, qr_image, write_label_video
from labdesk.services.database import Database
from labdesk.services.sample_desk import custody_action
from labdesk.ui.instrument_actions import InstrumentActionsDialog
from labdesk.ui.main_window import MainWindow
from labdesk.ui.scan_dock import ScanDock
from labdesk.ui.scan_worker import ScanThread
from tests.custody_cases import demo_database, sample_in
from tests.ui.helpers import WAIT_MS

HOSTILE_FOREIGN = "https://example.com/证书?id=1&x=<b>'; DROP TABLE samples;--🙂"


@pytest.fixture(params=["sqlite", "postgresql"])
def technician(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A small demo database on each engine, opened as 陈杰 (a technician with a staff record)."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    database = demo_database(url, "chenjie")
    yield database
    database.dispose()


@pytest.fixture
def dock(qtbot: QtBot, technician: Database) -> Iterator[ScanDock]:
    dock = ScanDock(lambda: technician)
    dock.paced = False
    qtbot.addWidget(dock)
    dock.resize(640, 900)
    dock.show()
    yield dock
    for dialog in dock.dialogs:
        dialog.close()
    dock.shutdown()


def frame_with(code_image: npt.NDArray[np.uint8], width: float = 420) -> npt.NDArray[np.uint8]:
    return compose([Placement(code_image, width, angle=4, tilt_y=8)], Effects(noise=2), seed=3)


def write_png(path: Path, kind: str, code: str) -> Path:
    cv2.imwrite(str(path), frame_with(label_image(kind, code)))  # type: ignore[arg-type]
    return path


def scan(qtbot: QtBot, dock: ScanDock, spec: str) -> None:
    """Scan ``spec`` to its end, and every database job it started."""
    with qtbot.waitSignal(dock.sourceFinished, timeout=WAIT_MS):
        dock.start_source(spec)
    qtbot.waitUntil(lambda: not dock._busy, timeout=WAIT_MS)


def sample_row(database: Database, sample_no: str) -> Sample:
    with database.read_session() as session:
        return session.scalars(select(Sample).where(Sample.sample_no == sample_no)).one()


def test_an_image_of_a_sample_label_then_take_it(qtbot: QtBot, dock: ScanDock, technician: Database,
                                                  tmp_path: Path) -> None:
    sample_no = sample_in(technician, "stored")
    with qtbot.waitSignal(dock.scanHandled, timeout=WAIT_MS) as handled:
        dock.start_source(str(write_png(tmp_path / "label.png", "sample", sample_no)))
    assert handled.args == ["sample", sample_no]
    assert dock.preview.pixmap() is not None and not dock.preview.pixmap().isNull()
    assert sample_no in dock.banner.text() and not dock.banner.isHidden()
    panel = dock.sample_panel
    assert not panel.isHidden() and sample_no in panel.heading.text()
    assert not panel.buttons["take"].isHidden() and panel.buttons["dispose"].isHidden()

    with qtbot.waitSignal(dock.actionFinished, timeout=WAIT_MS) as finished:
        panel.buttons["take"].click()
    assert finished.args[0] is True
    sample = sample_row(technician, sample_no)
    assert (sample.status, sample.holder_id) == ("in_testing", technician.actor.person_id)
    assert panel.fields["holder"].text() == technician.actor.full_name
    with technician.read_session() as session:
        event = session.scalars(select(WorkflowEvent).where(
            WorkflowEvent.doc_type == "sample", WorkflowEvent.record_id == sample.id)
            .order_by(WorkflowEvent.id.desc()).limit(1)).one()
    assert (event.action, event.from_state, event.to_state, event.actor) == (
        "take", "stored", "in_testing", technician.actor.login)
    assert dock.log.rows()[0][0] == sample_no and dock.log.undo_button.isEnabled()

    # Storing needs a location: without one the dock asks for it and nothing is written.
    panel.buttons["store"].click()
    assert not panel.note.isHidden() and sample_row(technician, sample_no).status == "in_testing"
    panel.location.setText("冷库 B-3")
    with qtbot.waitSignal(dock.actionFinished, timeout=WAIT_MS):
        panel.buttons["store"].click()
    stored = sample_row(technician, sample_no)
    assert (stored.status, stored.location, stored.holder_id) == ("stored", "冷库 B-3", None)


def test_continuous_mode_on_a_folder_and_undo_of_the_last(qtbot: QtBot, dock: ScanDock, technician: Database,
                                                          tmp_path: Path) -> None:
    first = sample_in(technician, "stored")
    second = sample_in(technician, "in_testing")  # the small demo has one stored sample: store a second one
    custody_action(technician, second, "store", location="样品间 A-1")
    folder = tmp_path / "bench"
    folder.mkdir()
    write_png(folder / "1.png", "sample", first)
    write_png(folder / "2.png", "sample", second)
    (folder / "3-notes.txt").write_text("not an image", encoding="utf-8")
    dock.continuous.setChecked(True)
    dock.default_action.setCurrentIndex(dock.default_action.findData("take"))
    scan(qtbot, dock, str(folder))

    assert [row[0] for row in dock.log.rows()] == [second, first]  # newest first
    assert "3-notes.txt" in dock.skipped_note.text()  # the skipped file is said, the folder went on
    for number in (first, second):
        row = sample_row(technician, number)
        assert (row.status, row.holder_id) == ("in_testing", technician.actor.person_id)
    assert dock.log.undo_button.isEnabled()
    with qtbot.waitSignal(dock.actionFinished, timeout=WAIT_MS):
        dock.log.undo_button.click()
    assert sample_row(technician, second).status == "stored"
    assert sample_row(technician, first).status == "in_testing"  # only the last one is undone
    assert len(dock.log.rows()) == 3 and not dock.log.undo_button.isEnabled()


def test_a_video_of_an_instrument_label_opens_its_actions_once(
    qtbot: QtBot, dock: ScanDock, technician: Database, tmp_path: Path
) -> None:
    with technician.read_session() as session:
        code = session.scalars(select(Instrument.code).order_by(Instrument.id).limit(1)).one()
    video = write_label_video(tmp_path / "clip.avi", label_image("instrument", code), frames=24)
    opened: list[InstrumentActionsDialog] = []
    dock.instrumentOpened.connect(opened.append)
    scan(qtbot, dock, str(video))
    assert len(opened) == 1  # the label stays in view for many frames: one scan
    dialog = opened[0]
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    assert dialog.summary is not None and dialog.summary.code == code and dialog.isVisible()


def test_foreign_unknown_and_report_codes(qtbot: QtBot, dock: ScanDock, tmp_path: Path) -> None:
    image = tmp_path / "foreign.png"
    cv2.imwrite(str(image), frame_with(qr_image(HOSTILE_FOREIGN), 360))
    with qtbot.waitSignal(dock.scanHandled, timeout=WAIT_MS) as handled:
        dock.start_source(str(image))
    assert handled.args == ["foreign", HOSTILE_FOREIGN]  # the raw text, verbatim, never a guess
    assert "&lt;b&gt;" in dock.banner.text() and dock.sample_panel.isHidden()

    unknown = encode_payload("sample", "YP2099-999999")
    with qtbot.waitSignal(dock.searchRequested, timeout=WAIT_MS) as search:
        dock.handle_text(unknown)
    assert search.args == ["samples", "YP2099-999999"]
    with qtbot.waitSignal(dock.searchRequested, timeout=WAIT_MS) as search:
        dock.handle_text(encode_payload("report", "BG2026-000001"))
    assert search.args == ["reports", "BG2026-000001"]
    qtbot.waitUntil(lambda: not dock._busy, timeout=WAIT_MS)


def test_manual_entry_of_a_bare_number(qtbot: QtBot, dock: ScanDock, technician: Database) -> None:
    sample_no = sample_in(technician, "stored")
    dock.manual.setText(f"  {sample_no} ")
    with qtbot.waitSignal(dock.scanHandled, timeout=WAIT_MS) as handled:
        dock.manual.returnPressed.emit()
    assert handled.args == ["sample", sample_no] and dock.manual.text() == ""
    with qtbot.waitSignal(dock.scanHandled, timeout=WAIT_MS) as handled:
        dock.handle_text("NO-SUCH-NUMBER", manual=True)
    assert handled.args == ["unknown", ""] and not dock.message.isHidden()


@pytest.mark.parametrize("technician", ["sqlite"], indirect=True)
def test_a_missing_camera_is_a_sentence_not_a_hang(qtbot: QtBot, dock: ScanDock) -> None:
    with qtbot.waitSignal(dock.scanHandled, timeout=3000) as handled:
        dock.start_source("camera:9")
    assert handled.args[0] == "failed" and "camera:9" in handled.args[1]
    assert "camera:9" in dock.message.text() and not dock.message.isHidden()
    qtbot.waitUntil(lambda: dock.scan_thread is None, timeout=3000)
    assert not dock.stop_button.isEnabled()


@pytest.mark.parametrize("technician", ["sqlite"], indirect=True)
def test_a_camera_unplugged_mid_scan(qtbot: QtBot, dock: ScanDock, technician: Database,
                                     tmp_path: Path) -> None:
    """The camera code path, fed by a video: its end is the camera going away after a sample was seen."""
    sample_no = sample_in(technician, "stored")
    video = write_label_video(tmp_path / "cam.avi", label_image("sample", sample_no), frames=40)
    outcomes: list[str] = []
    dock.scanHandled.connect(lambda outcome, _text: outcomes.append(outcome))
    with qtbot.waitSignal(dock.sourceFinished, timeout=WAIT_MS):
        dock.start_source("camera:0", opener=lambda: video_as_camera(video))
    qtbot.waitUntil(lambda: "failed" in outcomes and not dock._busy, timeout=WAIT_MS)
    assert outcomes.count("sample") == 1  # debounced on the wall clock, like a real camera
    assert "camera:0" in dock.message.text() and not dock.message.isHidden()
    assert dock.sample_panel.summary is not None and dock.sample_panel.summary.sample_no == sample_no


def test_preview_frames_are_dropped_not_queued(qtbot: QtBot, tmp_path: Path) -> None:
    """A UI that does not take the preview gets one signal, however many frames are read."""
    video = write_label_video(tmp_path / "clip.avi", label_image("sample", "YP2026-000001"), frames=20)
    thread = ScanThread(str(video), paced=False)
    thread.start()
    assert thread.wait(WAIT_MS)  # no event processing meanwhile: nobody takes a frame
    assert thread.frames == 20 and thread.previewed == 1
    assert thread.take_frame() is not None and thread.take_frame() is None


def test_the_main_window_has_the_dock_on_f9_and_the_wedge(qtbot: QtBot) -> None:
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    dock = window.scan_dock
    toggle = dock.toggleViewAction()
    assert toggle.shortcut().toString() == "F9"
    view = window.menuBar().findChild(QMenu, "viewMenu")
    assert view is not None and toggle in view.actions()
    assert dock.isHidden() and dock.wedge is not None
    window.show()
    qtbot.waitExposed(window)
    # A wedge scanner types into whatever has focus, faster than any person (real key times here):
    # the scan shows the dock and is handled there.
    with qtbot.waitSignal(dock.scanHandled, timeout=WAIT_MS) as handled:
        QTest.keyClicks(QApplication.focusWidget() or window, "TUV-0042/x")
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
    assert handled.args == ["foreign", "TUV-0042/x"] and not dock.isHidden()
    window.close()
    assert dock.scan_thread is None
