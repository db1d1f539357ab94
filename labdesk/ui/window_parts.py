"""Pieces of the main window: the demo banner, the problem page, the status bar's labels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStatusBar, QVBoxLayout, QWidget


class DemoBanner(QFrame):
    """Yellow: "This is the demo database — [Create an empty local database] [Connect to a server…]"."""

    createLocal = Signal()  # noqa: N815 - Qt naming
    """The user wants their own, empty local database."""
    connectServer = Signal()  # noqa: N815
    """The user wants to connect to a server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: #fff3b0; border: 1px solid #e0c050; }"
                           "#demoBanner QLabel { color: #5a4500; }")
        message = self.tr("This is the demo database — its customers, orders and instruments are made up.")
        text = QLabel(message, self)
        text.setObjectName("demoText")
        local = QPushButton(self.tr("Create an empty local database"), self)
        local.clicked.connect(self.createLocal)
        server = QPushButton(self.tr("Connect to a server…"), self)
        server.clicked.connect(self.connectServer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(text, 1)
        layout.addWidget(local)
        layout.addWidget(server)


class InfoBar(QLabel):
    """A thin grey note above the tabs (e.g. the embedded database is single-user)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("infoBar")
        self.setWordWrap(True)
        self.setStyleSheet("#infoBar { color: #505050; background: #eef1f4; padding: 4px 10px; }")


class ProblemPage(QWidget):
    """Shown instead of the ledgers while connecting, or when the database cannot be used."""

    retry = Signal()
    """Try the same database again."""
    connectServer = Signal()  # noqa: N815
    """Pick another server."""
    useLocal = Signal()  # noqa: N815
    """Use the local database file instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemPage")
        self.message = QLabel(self)
        self.message.setObjectName("problemMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        for text, signal in ((self.tr("Retry"), self.retry),
                             (self.tr("Connect to another server…"), self.connectServer),
                             (self.tr("Use the local database"), self.useLocal)):
            button = QPushButton(text, self.buttons)
            button.clicked.connect(signal)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)

    def show_busy(self, text: str) -> None:
        self.message.setStyleSheet("font-size: 14px;")
        self.message.setText(text)
        self.buttons.hide()

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("font-size: 14px; color: #c0392b;")
        self.message.setText(text)
        self.buttons.show()


class DatabaseStatus:
    """The status bar's permanent labels: database, user, connection state, server version."""

    def __init__(self, bar: QStatusBar) -> None:
        self.database = QLabel(bar)
        self.user = QLabel(bar)
        self.state = QLabel(bar)
        self.version = QLabel(bar)
        for name, label in (("statusDatabase", self.database), ("statusUser", self.user),
                            ("statusState", self.state), ("statusVersion", self.version)):
            label.setObjectName(name)
            bar.addPermanentWidget(label)

    def show(self, database: str, user: str, version: str) -> None:
        self.database.setText(database)
        self.user.setText(user)
        self.version.setText(version)

    def set_alive(self, alive: bool | None, connected: str, lost: str, waiting: str) -> None:
        if alive is None:
            self.state.setText(waiting)
            self.state.setStyleSheet("color: #7f8c8d;")
        else:
            self.state.setText("● " + (connected if alive else lost))
            self.state.setStyleSheet("color: #229954;" if alive else "color: #c0392b;")
