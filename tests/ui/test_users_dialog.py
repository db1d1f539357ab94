"""The users screen on the embedded file: list, add, enable/disable, roles; no passwords there."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from labdesk.services import user_admin
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.ui.users_dialog import UserForm, UsersDialog
from tests.ui.test_main_window import open_window

WAIT_MS = 10000


def open_dialog(qtbot: QtBot, database: Database) -> UsersDialog:
    dialog = UsersDialog(database)
    qtbot.addWidget(dialog)
    if dialog.may_manage:
        with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
            pass
    return dialog


def ok(form: UserForm) -> QPushButton:
    button = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def cell(dialog: UsersDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def accept(qtbot: QtBot, dialog: UsersDialog, form: UserForm, *, done: bool = True) -> None:
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS) as changed:
        ok(form).click()
    assert changed.args == [done]
    if done:
        with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
            pass


def user(database: Database, login: str) -> user_admin.UserInfo:
    return next(u for u in user_admin.list_users(database) if u.login == login)


def test_lists_the_people_and_says_there_are_no_passwords(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    people = user_admin.list_users(database)
    assert dialog.table.rowCount() == len(people) > 0
    assert [cell(dialog, r, 0) for r in range(dialog.table.rowCount())] == [p.login for p in people]
    assert "密码" in dialog.note.text()
    assert dialog.select_login(people[0].login)
    assert dialog.toggle_button.isEnabled() and dialog.roles_button.isEnabled()
    assert not dialog.password_button.isEnabled()  # the embedded file has no passwords
    assert dialog.open_password() is None


def test_add_a_user_with_roles(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    form = dialog.open_add()
    assert not ok(form).isEnabled()
    assert form.problem.text() != ""
    form.login.setText("zhang.wei")
    assert not ok(form).isEnabled()  # no role yet
    form.full_name.setText("张伟 'O\"Brien' 😀")
    form.role_boxes["technician"].setChecked(True)
    form.role_boxes["signatory"].setChecked(True)
    assert ok(form).isEnabled()
    accept(qtbot, dialog, form)
    added = user(database, "zhang.wei")
    assert added.full_name == "张伟 'O\"Brien' 😀"  # kept verbatim
    assert added.roles == ("signatory", "technician") and added.active
    assert dialog.select_login("zhang.wei")
    row = dialog.table.currentRow()
    assert cell(dialog, row, 2) == "授权签字人, 检测员"
    assert "zhang.wei" in dialog.status.text()


def test_a_bad_login_is_refused_with_a_sentence(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    form = dialog.open_add()
    form.login.setText("Robert'); DROP TABLE people;--")
    form.role_boxes["finance"].setChecked(True)
    accept(qtbot, dialog, form, done=False)
    assert "pg_" in dialog.status.text()  # the login rule, in Chinese
    assert not any(u.login.startswith("Robert") for u in user_admin.list_users(database))


def test_disable_and_enable(qtbot: QtBot, database: Database) -> None:
    user_admin.add_user(database, "li.na", "李娜", ["front_desk"])
    dialog = open_dialog(qtbot, database)
    assert dialog.select_login("li.na")
    assert dialog.toggle_button.text() == "停用"
    with qtbot.waitSignals([dialog.changed, dialog.loaded], timeout=WAIT_MS):
        dialog.toggle_active()
    assert not user(database, "li.na").active
    assert dialog.toggle_button.text() == "启用"
    with qtbot.waitSignals([dialog.changed, dialog.loaded], timeout=WAIT_MS):
        dialog.toggle_active()
    assert user(database, "li.na").active


def test_change_roles(qtbot: QtBot, database: Database) -> None:
    user_admin.add_user(database, "wang.fang", "王芳", ["front_desk", "sales"])
    dialog = open_dialog(qtbot, database)
    assert dialog.select_login("wang.fang")
    form = dialog.open_roles()
    assert form is not None
    assert form.roles() == ["front_desk", "sales"]
    form.role_boxes["sales"].setChecked(False)
    form.role_boxes["finance"].setChecked(True)
    accept(qtbot, dialog, form)
    assert user(database, "wang.fang").roles == ("finance", "front_desk")


def test_password_form_needs_the_same_password_twice(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    form = UserForm(dialog, login="x", with_identity=False, with_roles=False)
    assert not ok(form).isEnabled()
    form.password.setText("s3cret!")
    form.repeat.setText("s3cret?")
    assert not ok(form).isEnabled()
    form.repeat.setText("s3cret!")
    assert ok(form).isEnabled()
    assert form.take_password() == "s3cret!"
    assert form.password.text() == form.repeat.text() == ""  # not kept in the form
    form.close()


def test_only_an_administrator_may_manage_users(qtbot: QtBot, database: Database) -> None:
    clerk = dataclasses.replace(database, actor=Actor("clerk", frozenset({"front_desk"})))
    dialog = open_dialog(qtbot, clerk)
    assert dialog.table.rowCount() == 0
    assert not any(b.isEnabled() for b in (dialog.add_button, dialog.toggle_button, dialog.roles_button))
    assert "管理员" in dialog.status.text()


def test_the_settings_menu_opens_the_screen(qtbot: QtBot, demo_target: DatabaseTarget) -> None:
    window = open_window(qtbot, demo_target)
    dialog = window.show_users()
    assert isinstance(dialog, UsersDialog)  # parented to the window: not qtbot.addWidget'ed
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        pass
    assert dialog.windowTitle() == "用户"
    dialog.close()
