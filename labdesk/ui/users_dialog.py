"""Users (用户管理): the people who use LabDesk, their job roles and, on a server, their logins.

For administrators (the step ``users.manage``); anyone else sees a sentence and nothing to press.
Add, enable/disable, change roles and set a password each run in a worker and reload the list. A
password is typed twice, goes straight to the service and is cleared from the form: it is never
shown, logged or kept. The embedded file has no logins, so it has no passwords either: the screen
says so and hides the password fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import user_admin
from labdesk.services.database import Database
from labdesk.services.user_admin import ROLES, UserInfo
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import Worker, start_worker

ERROR_STYLE = "color: #c0392b;"


def role_text(role: str) -> str:
    """A job role as the users read it."""
    names = {
        "front_desk": QCoreApplication.translate("Users", "Front desk"),
        "technician": QCoreApplication.translate("Users", "Technician"),
        "equipment_manager": QCoreApplication.translate("Users", "Equipment manager"),
        "finance": QCoreApplication.translate("Users", "Finance"),
        "signatory": QCoreApplication.translate("Users", "Signatory"),
        "sales": QCoreApplication.translate("Users", "Sales"),
        "admin": QCoreApplication.translate("Users", "Administrator"),
    }
    return names.get(role, role)


class UserForm(QDialog):
    """Add a user (login, name, roles, password twice), change roles, or set a password."""

    def __init__(self, parent: QWidget, *, login: str = "", roles: tuple[str, ...] = (),
                 with_identity: bool = True, with_roles: bool = True, with_password: bool = True) -> None:
        super().__init__(parent)
        self.login = QLineEdit(login, self)
        self.login.setReadOnly(not with_identity)
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes: dict[str, QCheckBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        if with_identity:
            form.addRow(self.tr("Full name:"), self.full_name)
        if with_roles:
            boxes = QWidget(self)
            column = QVBoxLayout(boxes)
            column.setContentsMargins(0, 0, 0, 0)
            for role in ROLES:
                box = QCheckBox(role_text(role), boxes)
                box.setChecked(role in roles)
                box.toggled.connect(self._check)
                self.role_boxes[role] = box
                column.addWidget(box)
            form.addRow(self.tr("Job roles:"), boxes)
        if with_password:
            form.addRow(self.tr("Password:"), self.password)
            form.addRow(self.tr("Repeat it:"), self.repeat)
        self.problem = QLabel(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.with_identity, self.with_roles, self.with_password = with_identity, with_roles, with_password
        for line in (self.login, self.password, self.repeat):
            line.textChanged.connect(self._check)
        self._check()

    def roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    @Slot()
    def _check(self) -> None:
        problem = ""
        if self.with_identity and not self.login.text().strip():
            problem = self.tr("Type a login.")
        elif self.with_roles and not self.roles():
            problem = self.tr("Choose at least one job role.")
        elif self.with_password and self.password.text() != self.repeat.text():
            problem = self.tr("The two passwords differ.")
        elif self.with_password and not self.with_identity and not self.password.text():
            problem = self.tr("Type the new password twice.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def take_password(self) -> str | None:
        """The typed password (None when empty), cleared from the form as it is taken."""
        password = self.password.text() or None
        self.password.clear()
        self.repeat.clear()
        return password


class UsersDialog(QDialog):
    """See the module docstring."""

    loaded = Signal()
    """The list was (re)loaded, or loading failed (see ``status``)."""
    changed = Signal(bool)
    """An action ended: True if it was done, False if it was refused."""

    COLUMNS = 4

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users"))
        self.database = database
        self.may_manage = user_admin.may_manage(database.actor.roles)
        self.passwords = user_admin.has_passwords(database)
        self.users: list[UserInfo] = []
        self.form: UserForm | None = None

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Full name"), self.tr("Job roles"), self.tr("Active")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the roles: the longest text
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.toggle_button = QPushButton(self.tr("Disable"), self)
        self.roles_button = QPushButton(self.tr("Job roles…"), self)
        self.password_button = QPushButton(self.tr("Set password…"), self)
        self.add_button.clicked.connect(self.open_add)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.roles_button.clicked.connect(self.open_roles)
        self.password_button.clicked.connect(self.open_password)
        row = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.roles_button, self.password_button):
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if not self.passwords:
            self.note.setText(self.tr("This is the embedded database: one seat, used by whoever is signed in "
                                      "to this computer, so users have job roles but no passwords."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 460)
        if self.may_manage:
            self.refresh()
        else:
            self._show(self.tr("Only an administrator may manage users."), error=True)
        self._selection_changed()

    # -- the list --------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> Worker:
        database = self.database
        return start_worker(lambda _w: user_admin.list_users(database), on_result=self._loaded,
                            on_error=self._load_failed, name="users")

    @Slot(object)
    def _loaded(self, users: list[UserInfo]) -> None:
        selected = self.selected()
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            active = self.tr("yes") if user.active else self.tr("no")
            cells = (user.login, user.full_name, ", ".join(role_text(r) for r in user.roles), active)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and user.login == selected.login:
                self.table.selectRow(row)
        self._selection_changed()
        self.loaded.emit()

    @Slot(object)
    def _load_failed(self, error: Any) -> None:
        self._show(problem_text(error), error=True)
        self.loaded.emit()

    def selected(self) -> UserInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.users[min(rows)] if rows and min(rows) < len(self.users) else None

    def select_login(self, login: str) -> bool:
        for row, user in enumerate(self.users):
            if user.login == login:
                self.table.selectRow(row)
                return True
        return False

    @Slot()
    def _selection_changed(self) -> None:
        user = self.selected()
        self.add_button.setEnabled(self.may_manage)
        for button in (self.toggle_button, self.roles_button):
            button.setEnabled(self.may_manage and user is not None)
        self.password_button.setEnabled(self.may_manage and user is not None and self.passwords)
        self.toggle_button.setText(self.tr("Enable") if user is not None and not user.active
                                   else self.tr("Disable"))

    # -- actions ---------------------------------------------------------------------------------
    def _run(self, work: Callable[[], None], done: str) -> Worker:
        def finished(_result: object) -> None:
            self._show(done)
            self.changed.emit(True)
            self.refresh()

        return start_worker(lambda _w: work(), on_result=finished, on_error=self._failed, name="users action")

    @Slot(object)
    def _failed(self, error: Any) -> None:
        self._show(problem_text(error), error=True)
        self.changed.emit(False)

    def _open_form(self, form: UserForm, title: str, on_accept: Callable[[UserForm], object]) -> UserForm:
        form.setWindowTitle(title)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: on_accept(form))
        self.form = form
        form.open()
        return form

    @Slot()
    def open_add(self) -> UserForm:
        form = UserForm(self, with_password=self.passwords)
        return self._open_form(form, self.tr("Add user"), self._add)

    def _add(self, form: UserForm) -> Worker:
        database, login, name = self.database, form.login.text().strip(), form.full_name.text()
        roles = form.roles()
        password = form.take_password() if self.passwords else None
        return self._run(lambda: user_admin.add_user(database, login, name, roles, password),
                         self.tr("Added %1.").replace("%1", login))

    @Slot()
    def toggle_active(self) -> Worker | None:
        user = self.selected()
        if user is None:
            return None
        database, login, active = self.database, user.login, not user.active
        done = self.tr("Enabled %1.") if active else self.tr("Disabled %1.")
        return self._run(lambda: user_admin.set_active(database, login, active), done.replace("%1", login))

    @Slot()
    def open_roles(self) -> UserForm | None:
        user = self.selected()
        if user is None:
            return None
        form = UserForm(self, login=user.login, roles=user.roles, with_identity=False, with_password=False)
        held = user.roles
        return self._open_form(form, self.tr("Job roles"), lambda f: self._set_roles(f, held))

    def _set_roles(self, form: UserForm, held: tuple[str, ...]) -> Worker:
        database, login, roles = self.database, form.login.text(), form.roles()
        return self._run(lambda: user_admin.set_roles(database, login, roles, held),
                         self.tr("Changed the job roles of %1.").replace("%1", login))

    @Slot()
    def open_password(self) -> UserForm | None:
        user = self.selected()
        if user is None or not self.passwords:
            return None
        form = UserForm(self, login=user.login, with_identity=False, with_roles=False)
        return self._open_form(form, self.tr("Set password"), self._set_password)

    def _set_password(self, form: UserForm) -> Worker:
        database, login, password = self.database, form.login.text(), form.take_password() or ""
        return self._run(lambda: user_admin.set_password(database, login, password),
                         self.tr("Set the password of %1.").replace("%1", login))

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)


def open_users(database: Database, parent: QWidget | None = None) -> UsersDialog:
    """Show the screen (non-modal, deleted on close); the main window's Settings menu calls this."""
    dialog = UsersDialog(database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
