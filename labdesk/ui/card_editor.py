"""The editable form of a record card, generated from the ledger's field declarations.

One widget per :class:`~labdesk.services.card_fields.EditField`: line edits for text, a date edit
that can be empty, a spin box for whole numbers, a checked text field for money, a person chooser,
a choice list. Fields the acting person may not change are read-only, with a tooltip saying why.

Text fields deliberately have no ``maxLength``: Qt would cut a pasted text silently. Every field is
checked as it changes (the same :func:`~labdesk.services.card_fields.clean_value` the save runs)
and an over-long or malformed value is marked with its sentence; the save refuses it too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from labdesk.services.card_editing import EditRecord
from labdesk.services.card_fields import EditableLedger, EditField, EditKind, clean_value
from labdesk.services.problems import Problem, ProblemError
from labdesk.ui.i18n import problem_text, translate

_EMPTY_DATE = QDate(1900, 1, 1)  # the date edit's "no date" value, shown as an empty field
ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


class DateField(QWidget):
    """A date edit with a calendar that can also be empty (a clear button beside it)."""

    changed = Signal()
    """The date was changed or cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_EMPTY_DATE)
        self.edit.setSpecialValueText(" ")  # shown at the minimum date: an empty field
        self.edit.setDate(_EMPTY_DATE)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.clear_button)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> dt.date | None:
        date = self.edit.date()
        return None if date == _EMPTY_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.edit.setDate(_EMPTY_DATE)
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only)


class CardEditor(QWidget):
    """The form: ``set_record`` fills it, ``changes`` says what the user changed since."""

    edited = Signal()
    """A field was changed by the user (or by ``set_values``)."""

    def __init__(self, card: EditableLedger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.record: EditRecord | None = None
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, str] = {}
        self._filling = False
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        short = [f for f in card.fields if f.kind is not EditKind.LONG_TEXT]
        half = (len(short) + 1) // 2
        for position, field in enumerate(short):
            self._add(grid, field, position % half, 2 * (position // half))
        for offset, field in enumerate(f for f in card.fields if f.kind is EditKind.LONG_TEXT):
            self._add(grid, field, half + offset, 0, span=3)

    def _add(self, grid: QGridLayout, field: EditField, row: int, column: int, span: int = 1) -> None:
        label = QLabel(translate("Ledger", field.label) + (" *" if field.required else "") + ":", self)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        widget = self._make(field)
        widget.setObjectName(f"edit_{field.key}")
        label.setBuddy(widget)
        grid.addWidget(label, row, column)
        grid.addWidget(widget, row, column + 1, 1, span)
        self.widgets[field.key] = widget

    def _make(self, field: EditField) -> QWidget:
        kind = field.kind
        widget: QWidget
        if kind is EditKind.LONG_TEXT:
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4)
            text.textChanged.connect(lambda: self._changed(field.key))
            return text
        if kind is EditKind.DATE:
            date = DateField(self)
            date.changed.connect(lambda: self._changed(field.key))
            return date
        if kind is EditKind.INT:
            spin = QSpinBox(self)
            spin.setRange(-1, field.int_max)
            spin.setSpecialValueText(" ")  # -1: no value
            spin.valueChanged.connect(lambda _v: self._changed(field.key))
            return spin
        if kind in (EditKind.PERSON, EditKind.CHOICE):
            combo = QComboBox(self)
            combo.addItem("", None)
            for value, label in field.choices:
                combo.addItem(translate("Ledger", label), value)
            combo.currentIndexChanged.connect(lambda _i: self._changed(field.key))
            return combo
        line = QLineEdit(self)
        if kind is EditKind.MONEY:
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.setPlaceholderText("0.00")
        line.textChanged.connect(lambda _t: self._changed(field.key))
        widget = line
        return widget

    # -- filling ----------------------------------------------------------------------------------

    def set_record(self, record: EditRecord) -> None:
        """Show ``record`` as loaded: its values, and what this person may change."""
        self.record = record
        for key, widget in self.widgets.items():
            field = self.card.field(key)
            if field.kind is EditKind.PERSON and isinstance(widget, QComboBox):
                self._fill_people(widget, record)
            writable = key in record.writable
            _set_read_only(widget, not writable)
            if not field.editable:
                widget.setToolTip(problem_text(Problem(field.read_only_reason or "")))
            elif not writable:
                widget.setToolTip(self.tr("Your job roles do not allow changing this field."))
            else:
                widget.setToolTip("")
        if record.is_new and self.card.number_field in self.widgets:
            number = self.widgets[self.card.number_field]
            if isinstance(number, QLineEdit):
                from labdesk.services.card_fields import FROM_CODING_RULE

                number.setPlaceholderText(problem_text(Problem(FROM_CODING_RULE)))
        self.set_values(record.values)

    def _fill_people(self, combo: QComboBox, record: EditRecord) -> None:
        self._filling = True
        try:
            combo.clear()
            combo.addItem("", None)
            for person_id, name in record.people:
                combo.addItem(name, person_id)
        finally:
            self._filling = False

    def set_values(self, values: dict[str, Any]) -> None:
        """Put ``values`` (field key -> value) into the form; keys not given keep their widgets."""
        self._filling = True
        try:
            for key, value in values.items():
                if key in self.widgets:
                    _set_widget(self.card.field(key), self.widgets[key], value, self.card.name)
        finally:
            self._filling = False
        for key in values:
            if key in self.widgets:
                self._check(key)
        self.edited.emit()

    # -- reading ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field's current value as typed (money as its text, so the save can judge it)."""
        return {key: _widget_value(self.card.field(key), widget) for key, widget in self.widgets.items()}

    def changes(self) -> dict[str, Any]:
        """The editable fields whose value differs from the loaded record."""
        original = self.record.values if self.record is not None else {}
        return {
            key: value
            for key, value in self.values().items()
            if self.card.field(key).editable and not _same(self.card.field(key), value, original.get(key))
        }

    def is_dirty(self) -> bool:
        return bool(self.changes())

    # -- problems ---------------------------------------------------------------------------------

    def _changed(self, key: str) -> None:
        if self._filling:
            return
        self._check(key)
        self.edited.emit()

    def _check(self, key: str) -> None:
        field = self.card.field(key)
        problem: str | None = None
        if field.editable:
            try:
                clean_value(field, _widget_value(field, self.widgets[key]))
            except ValueError as error:
                problem = field_problem_text(error.args[0])
        self.show_problem(key, problem)

    def show_problem(self, key: str, message: str | None) -> None:
        """Mark a field as refused (``message``) or clear the mark (None)."""
        widget = self.widgets[key]
        if message is None:
            self.errors.pop(key, None)
            widget.setStyleSheet("")
            if self.record is not None and key in self.record.writable:
                widget.setToolTip("")
            return
        self.errors[key] = message
        widget.setStyleSheet(ERROR_STYLE)
        widget.setToolTip(message)


def field_problem_text(problem: object) -> str:
    """:func:`problem_text`, with the field's English label (the ``{field}`` value) translated too."""
    inner = problem.problem if isinstance(problem, ProblemError) else problem
    if isinstance(inner, Problem) and "field" in inner.values:
        inner = Problem(inner.template, {**inner.values, "field": translate("Ledger", inner.values["field"])})
    return problem_text(inner)


def _same(field: EditField, mine: Any, theirs: Any) -> bool:
    try:
        return bool(clean_value(field, mine) == clean_value(field, theirs))
    except ValueError:
        return False


def _set_read_only(widget: QWidget, read_only: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setReadOnly(read_only)
    elif isinstance(widget, DateField):
        widget.set_read_only(read_only)
    else:
        widget.setEnabled(not read_only)


def display_value(
    field: EditField, value: Any, people: dict[int, str] | None = None, ledger: str = "instruments"
) -> str:
    """A value as the conflict dialog shows it (``ledger`` names whose status labels to use)."""
    if value is None or value == "":
        return ""
    if field.kind is EditKind.PERSON and people is not None and isinstance(value, int):
        return people.get(value, str(value))
    if field.kind is EditKind.CHOICE:
        labels = dict(field.choices)
        return translate("Ledger", labels[str(value)]) if str(value) in labels else str(value)
    if field.kind is EditKind.STATUS:
        from labdesk.services.ledgers.registry import get_ledger

        style = get_ledger(ledger).statuses.get(str(value))
        return QCoreApplication.translate("Status", style.label) if style else str(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _set_widget(field: EditField, widget: QWidget, value: Any, ledger: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, DateField):
        widget.set_value(value if isinstance(value, dt.date) else None)
    elif isinstance(widget, QSpinBox):
        widget.setValue(-1 if value is None or value == "" else int(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0 and value is not None:  # a person no longer listed, or an unknown choice
            widget.addItem(str(value), value)
            index = widget.count() - 1
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QLineEdit):
        if field.kind is EditKind.STATUS:
            widget.setText(display_value(field, value, ledger=ledger))
        elif isinstance(value, Decimal):
            widget.setText(f"{value:.2f}")
        else:
            widget.setText("" if value is None else str(value))


def _widget_value(field: EditField, widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText() or None
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, QSpinBox):
        return None if widget.value() < 0 else widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        if field.kind is EditKind.STATUS and field.editable is False:
            return None
        return widget.text() or None
    return None
