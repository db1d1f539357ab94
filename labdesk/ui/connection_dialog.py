"""Connect to a PostgreSQL server: host, port, database, user, password, and "Test connection".

OK saves the server URL (never the password) in the settings and the password in the OS keyring;
without a usable keyring the password is kept for this session only, and the user is told so.
"""

from __future__ import annotations

import getpass
from enum import StrEnum
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import workspace
from labdesk.services.connection import store_password
from labdesk.settings import load_settings, save_settings
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

DEFAULT_PORT = 5432


class ConnectionChoice(StrEnum):
    SERVER = "server"
    LOCAL = "local"  # the user's own local database file
    DEMO = "demo"


def server_url(host: str, port: int, database: str, user: str) -> str:
    """A password-free ``postgresql://user@host:port/database`` URL, with parts quoted."""
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"postgresql://{quote(user, safe='')}@{shown_host}:{port}/{quote(database, safe='')}"


class ConnectionDialog(QDialog):
    """Pick a server (or go back to the local file); see the module docstring."""

    tested = Signal(str)
    """A connection test finished: "" when it succeeded, else the one-sentence reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a database server"))
        self.setObjectName("connectionDialog")
        self.choice = ConnectionChoice.SERVER
        self.keyring_missing = False
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("labdesk", self)
        self.user = QLineEdit(getpass.getuser(), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for name, field in (("host", self.host), ("database", self.database), ("user", self.user),
                            ("password", self.password)):
            field.setObjectName(name)
            field.setMaxLength(255)
            field.textChanged.connect(self._clear_result)
        self.port.setObjectName("port")
        self.port.valueChanged.connect(self._clear_result)
        form = QFormLayout()
        form.addRow(self.tr("Server (host):"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self.test)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)

        note = QLabel(self.tr("The password is kept in the system's credential store, never in a file."),
                      self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #606060;")
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        local = buttons.addButton(self.tr("Use the local database"), QDialogButtonBox.ButtonRole.ActionRole)
        local.setObjectName("useLocal")
        local.clicked.connect(lambda: self._finish_with(ConnectionChoice.LOCAL))
        demo = buttons.addButton(self.tr("Use the demo database"), QDialogButtonBox.ButtonRole.ActionRole)
        demo.clicked.connect(lambda: self._finish_with(ConnectionChoice.DEMO))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._load_saved()

    def url(self) -> str:
        return server_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                          self.user.text().strip())

    def password_text(self) -> str | None:
        return self.password.text() or None

    def set_url(self, host: str, port: int, database: str, user: str) -> None:
        self.host.setText(host)
        self.port.setValue(port)
        self.database.setText(database)
        self.user.setText(user)

    @Slot()
    def test(self) -> None:
        """Try the connection in a worker; the result shows under the button."""
        url, password = self.url(), self.password_text()
        self.test_button.setEnabled(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Connecting…"))
        start_worker(lambda _w: workspace.test_connection(url, password) or "", on_result=self._tested,
                     on_error=self._test_crashed, name="test connection")

    @Slot(object)
    def _tested(self, reason: object) -> None:
        self.test_button.setEnabled(True)
        text = problem_text(reason) if reason else ""  # translated here, on the UI thread
        if text:
            self.result_label.setStyleSheet("color: #c0392b;")
            self.result_label.setText(text)
        else:
            self.result_label.setStyleSheet("color: #229954;")
            self.result_label.setText(self.tr("Connection OK."))
        self.tested.emit(text)

    @Slot(object)
    def _test_crashed(self, error: object) -> None:
        self._tested(f"{type(error).__name__}: {error}")

    @Slot()
    def _clear_result(self) -> None:
        self.result_label.clear()

    def _finish_with(self, choice: ConnectionChoice) -> None:
        self.choice = choice
        super().accept()

    def accept(self) -> None:
        """Save the server URL in the settings and the password in the keyring, then close."""
        self.choice = ConnectionChoice.SERVER
        url = self.url()
        settings = load_settings()
        settings.database_url = url
        settings.recent_urls = [url, *[u for u in settings.recent_urls if u != url]][:8]
        save_settings(settings)
        password = self.password_text()
        self.keyring_missing = password is not None and not store_password(url, password)
        super().accept()

    def _load_saved(self) -> None:
        saved = load_settings().database_url or ""
        if not saved.startswith(("postgresql", "postgres")):
            return
        parts = urlsplit(saved)
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            port = DEFAULT_PORT
        self.set_url(parts.hostname or "localhost", port, unquote(parts.path.lstrip("/")) or "labdesk",
                     unquote(parts.username or getpass.getuser()))
