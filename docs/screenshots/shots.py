"""What every screenshot script shares: a throwaway environment, waiting for workers, saving a grab.

Call :func:`scratch_environment` before anything imports Qt or LabDesk: the folders and the user it
sets are read when those modules load.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from labdesk.services.database import Database
    from labdesk.services.demo import DemoSizes

HERE = Path(__file__).resolve().parent


def scratch_environment(user: str | None = None) -> str:
    """Offscreen Qt, throwaway config and data folders, no server URL, and ``user`` as the embedded
    file's person (None: the operating-system user); returns the scratch folder to remove at the end."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="labdesk-shots-")
    os.environ["LABDESK_CONFIG_DIR"] = str(Path(scratch) / "config")
    os.environ["LABDESK_DATA_DIR"] = str(Path(scratch) / "data")
    if user is not None:
        os.environ["LABDESK_USER"] = user
    os.environ.pop("LABDESK_DATABASE_URL", None)
    return scratch


def demo_database(scratch: str, sizes: DemoSizes) -> Database:
    """A demo database of ``sizes`` in a file in the scratch folder, migrated, filled and opened as the
    app opens a ``--url`` file; the caller disposes of it."""
    from labdesk.services import workspace
    from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
    from labdesk.services.demo import fill_demo
    from labdesk.services.migrations import upgrade

    url = f"sqlite:///{Path(scratch) / 'demo.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    fill_demo(engine, sizes)
    engine.dispose()
    return workspace.connect(DatabaseTarget(url, UrlSource.CLI))


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, timeout_s: float = 30.0) -> None:
    """Process events until ``until()`` holds and no worker is running."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QThreadPool

    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until() and QThreadPool.globalInstance().activeThreadCount() == 0:
            app.processEvents()
            return
    raise TimeoutError("the dialog did not settle")


def save(widget: QWidget, name: str) -> None:
    path = HERE / name
    widget.grab().save(str(path))
    print(path)
