"""UI test fixtures: offscreen Qt, isolated user dirs, a small demo database, no leaked workers."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from labdesk.services import workspace
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.migrations import upgrade
from labdesk.ui.i18n import install_translators, remove_translators
from labdesk.ui.workers import active_workers

# The offscreen platform plugin warns about a feature it lacks whenever a top-level window is
# shown; it says nothing about LabDesk, so it is the one Qt message UI tests may ignore.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with small demo data, built once per session (tests only read it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        fill_demo(engine, DemoSizes(customers=20, instruments=80, orders=40, samples=100))
    finally:
        engine.dispose()
    return path


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, ui.ini and embedded databases go to tmp dirs, never the user's real files."""
    monkeypatch.setenv("LABDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LABDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LABDESK_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def demo_target(demo_file: Path, tmp_path: Path) -> DatabaseTarget:
    """A private copy of the demo file (so no test can disturb another), as a target."""
    copy = tmp_path / "demo-copy.sqlite3"
    shutil.copyfile(demo_file, copy)
    return DatabaseTarget(f"sqlite:///{copy}", UrlSource.CLI)


@pytest.fixture
def database(demo_target: DatabaseTarget) -> Iterator[Database]:
    opened = workspace.connect(demo_target)
    yield opened
    opened.dispose()


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """Run every UI test in Chinese: it exercises the translation catalog too."""
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


@pytest.fixture(autouse=True)
def no_leaked_workers(qtbot: QtBot) -> Iterator[None]:
    """Fail a test that leaves a worker running; let finished workers' signals arrive."""
    yield
    assert QThreadPool.globalInstance().waitForDone(5000), "a worker thread outlived the test"
    qtbot.waitUntil(lambda: not active_workers(), timeout=5000)
    QCoreApplication.processEvents()
