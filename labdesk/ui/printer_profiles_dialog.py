"""The label printers of this workstation: add, edit, test and delete printer profiles.

Profiles live in ``printers.json`` in the config directory (labdesk/printing/profiles.py), not in the
database: the same printer is reached differently from different offices. Save stays disabled while a
profile has a problem, shown in red. Test opens the printer's transport in a worker and, for ZPL, asks
the printer's host status (``~HS``): "Printer ready", or the one sentence that says what is wrong.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labdesk.printing.profiles import LANGUAGES, PrinterProfile, load_profiles, save_profiles
from labdesk.printing.templates import BUILTIN_TEMPLATES, VALID_DPI
from labdesk.ui.workers import Worker, start_worker

ERROR_STYLE = "color: #c0392b;"


class PrinterProfilesDialog(QDialog):
    """See the module docstring; ``profiles`` is the edited list, written by Save."""

    saved = Signal()
    """The profiles were written to printers.json."""
    testFinished = Signal(str, bool)  # noqa: N815 - Qt naming
    """A Test ended: (the sentence shown, whether the printer is ready)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Printers"))
        self.profiles: list[PrinterProfile] = load_profiles()
        self._loading = False
        self._testing = False

        self.list = QListWidget(self)
        self.list.setMinimumWidth(180)
        self.list.currentRowChanged.connect(self._row_changed)
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self.add_profile)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.clicked.connect(self.confirm_delete)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Printers of this workstation:"), self))
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        self.name = QLineEdit(self)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("tcp://HOST:9100")
        self.address.setToolTip(self.tr("tcp://HOST:9100, cups:QUEUE or file:PATH"))
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(code.upper(), code)
        self.dpi = QComboBox(self)
        for dpi in VALID_DPI:
            self.dpi.addItem(f"{dpi} dpi", dpi)
        self.template = QComboBox(self)
        self.template.setEditable(True)
        self.template.addItem("")
        self.template.addItems(list(BUILTIN_TEMPLATES))
        self.template.setToolTip(
            self.tr("The template this printer usually prints (empty: the kind's default)"))
        self.cjk_font = QLineEdit(self)
        self.cjk_font.setPlaceholderText(self.tr("none: Chinese is printed as pictures"))
        self.cjk_font.setToolTip(self.tr(
            "A Chinese font stored on a ZPL printer; empty: Chinese text is sent as bitmaps"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Address:"), self.address)
        self.form.addRow(self.tr("Language:"), self.language)
        self.form.addRow(self.tr("Resolution:"), self.dpi)
        self.form.addRow(self.tr("Default template:"), self.template)
        self.form.addRow(self.tr("Resident Chinese font:"), self.cjk_font)
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setToolTip(self.tr("Connect to the printer and ask whether it is ready"))
        self.test_button.clicked.connect(self.test_current)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.editor = QWidget(self)
        right = QVBoxLayout(self.editor)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self.form)
        right.addLayout(test_row)
        right.addWidget(self.problems)
        right.addStretch(1)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.editor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        for editor in (self.name, self.address, self.cjk_font):
            editor.textEdited.connect(self._edited)
        self.template.editTextChanged.connect(self._edited)
        for combo in (self.language, self.dpi):
            combo.currentIndexChanged.connect(self._edited)
        for profile in self.profiles:
            self.list.addItem(profile.name)
        if self.profiles:
            self.list.setCurrentRow(0)
        self._refresh_state()
        self.resize(720, 400)

    # -- the form --------------------------------------------------------------------------------
    def current_row(self) -> int:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.profiles) else -1

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        self.test_result.clear()
        if 0 <= row < len(self.profiles):
            self._load(self.profiles[row])
        self._refresh_state()

    def _load(self, profile: PrinterProfile) -> None:
        self._loading = True
        try:
            self.name.setText(profile.name)
            self.address.setText(profile.address)
            self.language.setCurrentIndex(max(0, self.language.findData(profile.language)))
            self.dpi.setCurrentIndex(max(0, self.dpi.findData(profile.dpi)))
            self.template.setEditText(profile.default_template or "")
            self.cjk_font.setText(profile.resident_cjk_font or "")
        finally:
            self._loading = False

    def form_profile(self) -> PrinterProfile:
        """The profile as the form shows it (a resident font only counts for ZPL)."""
        language = str(self.language.currentData())
        font = self.cjk_font.text().strip() if language == "zpl" else ""
        return PrinterProfile(
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            language=language,
            dpi=int(self.dpi.currentData()),
            default_template=self.template.currentText().strip() or None,
            resident_cjk_font=font or None,
        )

    @Slot()
    def _edited(self) -> None:
        row = self.current_row()
        if self._loading or row < 0:
            return
        profile = self.form_profile()
        self.profiles[row] = profile
        item = self.list.item(row)
        if item is not None:
            item.setText(profile.name or self.tr("(no name)"))
        self.test_result.clear()
        self._refresh_state()

    def all_problems(self) -> list[str]:
        """What stops Save: the current profile's problems first, then the others', then repeats."""
        found: list[str] = []
        row = self.current_row()
        if row >= 0:
            found += self.profiles[row].problems()
        for index, profile in enumerate(self.profiles):
            if index != row:
                found += [f"{profile.name or '?'}: {problem}" for problem in profile.problems()]
        names = [p.name for p in self.profiles]
        found += [
            self.tr("Two printers are named %1.").replace("%1", name)
            for name in sorted({n for n in names if names.count(n) > 1})
        ]
        return found

    def _refresh_state(self) -> None:
        problems = self.all_problems()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        has_current = self.current_row() >= 0
        self.editor.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)
        self.cjk_font.setEnabled(str(self.language.currentData()) == "zpl")
        self.save_button.setEnabled(not problems)
        usable = has_current and not self.profiles[self.current_row()].problems()
        self.test_button.setEnabled(usable and not self._testing)

    # -- add, delete, save -----------------------------------------------------------------------
    @Slot()
    def add_profile(self) -> PrinterProfile:
        names = {p.name for p in self.profiles}
        number = len(self.profiles) + 1
        while (name := self.tr("Printer %1").replace("%1", str(number))) in names:
            number += 1
        profile = PrinterProfile(name=name, address="")
        self.profiles.append(profile)
        self.list.addItem(profile.name)
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.address.setFocus()
        return profile

    @Slot()
    def confirm_delete(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete printer"),
            self.tr("Delete the printer %1 from this workstation? (It is removed when you save.)")
            .replace("%1", self.profiles[row].name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def delete_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        del self.profiles[row]
        self.list.takeItem(row)
        if not self.profiles:
            self._load(PrinterProfile(name="", address=""))
        # The row number may stay the same (the next printer moved up): show it either way.
        self._row_changed(self.list.currentRow())

    @Slot()
    def save(self) -> bool:
        try:
            save_profiles(self.profiles)
        except (ValueError, OSError) as error:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(str(error))
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%1 printers saved.").replace("%1", str(len(self.profiles))))
        self.saved.emit()
        return True

    # -- test ------------------------------------------------------------------------------------
    @Slot()
    def test_current(self) -> Worker | None:
        row = self.current_row()
        if row < 0 or self.profiles[row].problems():
            return None
        profile = dataclasses.replace(self.profiles[row])
        self._testing = True
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Testing…"))
        self._refresh_state()
        return start_worker(
            lambda _w: profile.check_ready(),
            on_result=self._tested,
            on_error=self._test_failed,
            name="printer test",
        )

    @Slot(object)
    def _test_failed(self, error: object) -> None:
        self._tested(str(error) or type(error).__name__)

    @Slot(object)
    def _tested(self, problem: str | None) -> None:
        self._testing = False
        ready = problem is None
        text = self.tr("Printer ready") if ready else str(problem)
        self.test_result.setStyleSheet("color: #1e8449;" if ready else ERROR_STYLE)
        self.test_result.setText(text)
        self._refresh_state()
        self.testFinished.emit(text, ready)
