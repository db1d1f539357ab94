"""Coding rules (编号规则): how each document type is numbered, with a live preview of the next numbers.

The pattern is built from parts (year, month, day, separator, per-type code), or typed directly for a
layout the parts cannot express. Every keystroke re-validates the rule and redraws the next three
numbers, counted on from the database's counters for today. Save stays disabled while the rule has a
problem (shown in red) and for anyone who may not take the step ``coding_rules.edit``. Reading and
saving run in workers; a rule saved meanwhile by another workstation is refused with a sentence.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import coding_rules
from labdesk.services.coding_rules import CounterReset, DocType, RuleFormat, RuleView
from labdesk.services.database import Database
from labdesk.services.numbering import MAX_SEQ_WIDTH, validate_rule
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import Worker, start_worker

ERROR_STYLE = "color: #c0392b;"
YEARS = ("", "{yyyy}", "{yy}")
SEPARATORS = ("", "-", "/", "_", ".")


def build_pattern(year: str, month: bool, day: bool, separator: str, per_type: bool) -> str:
    """The pattern the parts describe, e.g. ``{prefix}{yyyy}{mm}-{type}-{seq}``."""
    date = year + ("{mm}" if month else "") + ("{dd}" if day else "")
    middle = (date + separator if date else "") + ("{type}" + separator if per_type else "")
    return "{prefix}" + middle + "{seq}"


def parts_of(pattern: str) -> tuple[str, bool, bool, str, bool] | None:
    """The parts that build ``pattern``, or None for a pattern typed by hand."""
    for parts in itertools.product(YEARS, (False, True), (False, True), SEPARATORS, (False, True)):
        if build_pattern(*parts) == pattern:
            return parts
    return None


class CodingRulesDialog(QDialog):
    """See the module docstring. ``views`` holds what the database said; ``drafts`` the edits."""

    loaded = Signal()
    """The rules were read (or reading failed: see ``status``)."""
    saved = Signal(str)
    """A Save ended: (the doc type saved, or '' when it was refused)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coding rules"))
        self.database = database
        self.may_edit = coding_rules.may_edit(database.actor.roles)
        self.views: dict[DocType, RuleView] = {}
        self.drafts: dict[DocType, RuleFormat] = {}
        self._filling = False
        self._saving = False
        self.doc_types = list(DocType)

        self.list = QListWidget(self)
        self.list.setFixedWidth(170)
        for doc_type in self.doc_types:
            self.list.addItem(self.doc_type_text(doc_type))
        self.list.currentRowChanged.connect(self._row_changed)

        self.prefix = QLineEdit(self)
        self.prefix.setToolTip(self.tr("Letters put before every number, e.g. WT"))
        self.year = QComboBox(self)
        for text in (self.tr("no year"), self.tr("year (2026)"), self.tr("year (26)")):
            self.year.addItem(text)
        self.month = QCheckBox(self.tr("month (03)"), self)
        self.day = QCheckBox(self.tr("day (07)"), self)
        self.separator = QComboBox(self)
        for text in (self.tr("none"), "-", "/", "_", "."):
            self.separator.addItem(text)
        self.per_type = QCheckBox(self.tr("a separate sequence per type"), self)
        self.per_type.setToolTip(self.tr("E.g. per sample type: the type code goes into the number"))
        date_parts = QWidget(self)
        date_row = QHBoxLayout(date_parts)
        date_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.year, self.month, self.day):
            date_row.addWidget(widget)
        date_row.addStretch(1)
        self.pattern = QLineEdit(self)
        self.pattern.setToolTip(self.tr("Fields: {prefix} {yyyy} {yy} {mm} {dd} {type} {seq}"))
        self.seq_width = QSpinBox(self)
        self.seq_width.setRange(1, MAX_SEQ_WIDTH)
        self.reset = QComboBox(self)
        for reset in CounterReset:
            self.reset.addItem(self.reset_text(reset), reset.value)
        self.type_example = QLineEdit("X", self)
        self.type_example.setMaxLength(8)
        self.type_example.setToolTip(self.tr("A type code to show in the preview"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Prefix:"), self.prefix)
        self.form.addRow(self.tr("Date:"), date_parts)
        self.form.addRow(self.tr("Separator:"), self.separator)
        self.form.addRow(self.tr("Per type:"), self.per_type)
        self.form.addRow(self.tr("Pattern:"), self.pattern)
        self.form.addRow(self.tr("Sequence digits:"), self.seq_width)
        self.form.addRow(self.tr("Start again at 1:"), self.reset)
        self.form.addRow(self.tr("Example type code:"), self.type_example)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.editor = QWidget(self)
        right = QVBoxLayout(self.editor)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self.form)
        right.addWidget(QLabel(self.tr("Next numbers:"), self))
        right.addWidget(self.preview)
        right.addWidget(self.problems)
        right.addStretch(1)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        if not self.may_edit:
            self.status.setText(
                self.tr("Only an administrator may change coding rules; you can look at them."))

        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.editor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        for line in (self.prefix, self.type_example):
            line.textEdited.connect(self._edited)
        self.pattern.textEdited.connect(self._pattern_typed)
        for box in (self.month, self.day, self.per_type):
            box.toggled.connect(self._parts_changed)
        for combo in (self.year, self.separator):
            combo.currentIndexChanged.connect(self._parts_changed)
        self.seq_width.valueChanged.connect(self._edited)
        self.reset.currentIndexChanged.connect(self._edited)
        self.editor.setEnabled(False)
        self.save_button.setEnabled(False)
        self.resize(760, 460)
        self.refresh()

    # -- words -----------------------------------------------------------------------------------
    def doc_type_text(self, doc_type: DocType) -> str:
        return {
            DocType.ORDER: self.tr("Orders"),
            DocType.SAMPLE: self.tr("Samples"),
            DocType.INSTRUMENT: self.tr("Instruments"),
            DocType.CONTRACT: self.tr("Contracts"),
            DocType.REPORT: self.tr("Reports"),
            DocType.INVOICE: self.tr("Invoices"),
            DocType.CUSTOMER: self.tr("Customers"),
            DocType.PROJECT: self.tr("Projects"),
            DocType.TASK: self.tr("Tasks"),
        }[doc_type]

    def reset_text(self, reset: CounterReset) -> str:
        return {
            CounterReset.NEVER: self.tr("never"),
            CounterReset.YEARLY: self.tr("every year"),
            CounterReset.MONTHLY: self.tr("every month"),
            CounterReset.DAILY: self.tr("every day"),
        }[reset]

    # -- loading ---------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> Worker:
        database = self.database
        return start_worker(lambda _w: coding_rules.list_rules(database), on_result=self._loaded,
                            on_error=self._load_failed, name="coding rules")

    @Slot(object)
    def _loaded(self, views: list[RuleView]) -> None:
        self.views = {view.doc_type: view for view in views}
        self.editor.setEnabled(self.may_edit)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        else:
            self._show(self.current_doc_type())
        self.loaded.emit()

    @Slot(object)
    def _load_failed(self, error: Any) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(problem_text(error))
        self.loaded.emit()

    # -- the form --------------------------------------------------------------------------------
    def current_doc_type(self) -> DocType:
        return self.doc_types[max(self.list.currentRow(), 0)]

    def current_rule(self) -> RuleFormat:
        """The rule as the form shows it now."""
        return RuleFormat(
            self.prefix.text(),
            self.pattern.text(),
            self.seq_width.value(),
            CounterReset(self.reset.currentData()),
            self.per_type.isChecked(),
        )

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.doc_types) and self.views:
            self._show(self.doc_types[row])

    def _show(self, doc_type: DocType) -> None:
        rule = self.drafts.get(doc_type) or self.views[doc_type].rule
        self._filling = True
        try:
            self.prefix.setText(rule.prefix)
            self.pattern.setText(rule.pattern)
            self._set_parts(rule.pattern)
            self.per_type.setChecked(rule.per_type)
            self.seq_width.setValue(rule.seq_width)
            self.reset.setCurrentIndex(self.reset.findData(rule.reset.value))
        finally:
            self._filling = False
        self._refresh_state()

    def _set_parts(self, pattern: str) -> None:
        parts = parts_of(pattern)
        if parts is None:
            return  # typed by hand: the parts keep their last state until the user picks one
        year, month, day, separator, per_type = parts
        self.year.setCurrentIndex(YEARS.index(year))
        self.month.setChecked(month)
        self.day.setChecked(day)
        self.separator.setCurrentIndex(SEPARATORS.index(separator))
        self.per_type.setChecked(per_type)

    @Slot()
    def _parts_changed(self) -> None:
        if self._filling:
            return
        self.pattern.setText(build_pattern(
            YEARS[self.year.currentIndex()], self.month.isChecked(), self.day.isChecked(),
            SEPARATORS[self.separator.currentIndex()], self.per_type.isChecked(),
        ))
        self._edited()

    @Slot()
    def _pattern_typed(self) -> None:
        self._filling = True
        try:
            self._set_parts(self.pattern.text())
        finally:
            self._filling = False
        self._edited()

    @Slot()
    def _edited(self) -> None:
        if self._filling or not self.views:
            return
        doc_type = self.current_doc_type()
        rule = self.current_rule()
        if rule == self.views[doc_type].rule:
            self.drafts.pop(doc_type, None)
        else:
            self.drafts[doc_type] = rule
        self.list.item(self.doc_types.index(doc_type)).setText(
            self.doc_type_text(doc_type) + (" *" if doc_type in self.drafts else ""))
        self._refresh_state()

    def _refresh_state(self) -> None:
        if not self.views:
            return
        view = self.views[self.current_doc_type()]
        rule = self.current_rule()
        problems = validate_rule(rule)
        self.problems.setText("\n".join(problem_text(p) for p in problems))
        self.type_example.setEnabled(self.may_edit and rule.per_type)
        code = self.type_example.text() or "X"
        self.preview.setText("   ".join(view.preview(rule, code)) if not problems else "—")
        self.save_button.setEnabled(
            self.may_edit and not problems and not self._saving and self.current_doc_type() in self.drafts
        )

    # -- saving ----------------------------------------------------------------------------------
    @Slot()
    def save(self) -> Worker | None:
        doc_type = self.current_doc_type()
        rule = self.current_rule()
        if validate_rule(rule) or self._saving:
            return None
        database, version = self.database, self.views[doc_type].version
        self._saving = True
        self._refresh_state()
        return start_worker(
            lambda _w: coding_rules.save_rule(database, doc_type, rule, version),
            on_result=self._saved,
            on_error=self._save_failed,
            name="save coding rule",
        )

    @Slot(object)
    def _saved(self, view: RuleView) -> None:
        self._saving = False
        self.views[view.doc_type] = view
        self.drafts.pop(view.doc_type, None)
        self.list.item(self.doc_types.index(view.doc_type)).setText(self.doc_type_text(view.doc_type))
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved the coding rule for %1.").replace(
            "%1", self.doc_type_text(view.doc_type)))
        if view.doc_type is self.current_doc_type():
            self._show(view.doc_type)
        self.saved.emit(view.doc_type.value)

    @Slot(object)
    def _save_failed(self, error: Any) -> None:
        self._saving = False
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(problem_text(error))
        self._refresh_state()
        self.saved.emit("")


def open_coding_rules(database: Database, parent: QWidget | None = None) -> CodingRulesDialog:
    """Show the screen (non-modal, deleted on close); the main window's Settings menu calls this."""
    dialog = CodingRulesDialog(database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
