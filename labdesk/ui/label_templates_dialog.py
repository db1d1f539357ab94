"""The label template screen: built-in and custom templates, a form and field table, a live preview.

Built-in templates are read-only (New makes an editable copy); custom ones are saved in the database
through ``workspace`` (version-checked). The preview is the demo record of the template's kind drawn by
``render_png`` in a worker, ~200 ms after the last change; a template that cannot be printed shows its
problems in red instead, and cannot be saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.printing.records import DEMO_RECORDS
from labdesk.printing.templates import VALID_DPI, FieldBox, LabelTemplate
from labdesk.services import workspace
from labdesk.services.permissions import may_write
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.workspace import LabelTemplateInfo

PREVIEW_DELAY_MS = 200
# (attribute, kind of value) of each field-table column
COLUMNS: tuple[tuple[str, type], ...] = (
    ("source", str),
    ("x_mm", float),
    ("y_mm", float),
    ("w_mm", float),
    ("h_mm", float),
    ("font_mm", float),
    ("min_font_mm", float),
    ("max_lines", int),
    ("caption", str),
)


class LabelTemplatesDialog(QDialog):
    """Browse, copy, edit, preview, save and delete label templates."""

    templatesLoaded = Signal()  # noqa: N815 - Qt naming
    """The list of templates was (re)loaded from the database."""
    previewUpdated = Signal()  # noqa: N815
    """The preview shows the current template, or its problems."""
    saved = Signal(str)
    """A template was saved (its name)."""
    deleted = Signal(str)
    """A template was deleted (its name)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        # Who may change templates (the matrix in labdesk.services.permissions); others only browse.
        self._may_edit = may_write(database.actor.roles, "label_templates", "update")
        self.entries: list[LabelTemplateInfo] = []
        self._current: LabelTemplateInfo | None = None
        self._loading = False  # while the form is being filled, changes do not count as edits
        self._generation = 0  # previews of an older state are dropped
        self._valid = False
        self._wanted: str | None = None
        self.setWindowTitle(self.tr("Label templates"))

        self.list = QListWidget(self)
        self.list.setMinimumWidth(300)
        self.list.currentRowChanged.connect(self._selected)

        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Instrument"), "instrument")
        self.kind.addItem(self.tr("Sample"), "sample")
        self.width_mm = self._mm_box(5, 300)
        self.height_mm = self._mm_box(5, 300)
        self.dpi = QComboBox(self)
        for dpi in VALID_DPI:
            self.dpi.addItem(f"{dpi} dpi", dpi)
        self.margin = self._mm_box(0, 50)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Width (mm):"), self.width_mm)
        form.addRow(self.tr("Height (mm):"), self.height_mm)
        form.addRow(self.tr("Resolution:"), self.dpi)
        form.addRow(self.tr("Margin (mm):"), self.margin)

        self.fields = QTableWidget(0, len(COLUMNS), self)
        self.fields.setHorizontalHeaderLabels(
            [
                self.tr("Source"),
                self.tr("X"),
                self.tr("Y"),
                self.tr("W"),
                self.tr("H"),
                self.tr("Font mm"),
                self.tr("Min font"),
                self.tr("Lines"),
                self.tr("Caption"),
            ]
        )
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.itemChanged.connect(self._changed)

        self.preview = QLabel(self)
        self.preview.setMinimumSize(360, 220)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.new_button = buttons.addButton(self.tr("New (copy)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.new_button.clicked.connect(self.new_copy)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.reject)
        self.new_button.setEnabled(self._may_edit)
        if not self._may_edit:
            self.new_button.setToolTip(self.tr("Your job roles do not include editing label templates."))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for spin in (self.width_mm, self.height_mm, self.margin):
            spin.valueChanged.connect(self._changed)
        self.name.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.dpi.currentIndexChanged.connect(self._changed)

        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(QLabel(self.tr("Fields (mm from the top-left corner):"), self))
        editor.addWidget(self.fields, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview (demo record):"), self))
        right.addWidget(scroll, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(editor, 2)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(1280, 560)
        self._set_editable(False)
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.reload()

    def _mm_box(self, low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        return box

    # -- the list --------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> Worker:
        """Load the templates in a worker; then select ``select`` (or keep the current one)."""
        database = self.database
        self._wanted = select or (self._current.template.name if self._current else None)
        return start_worker(
            lambda _w: workspace.label_templates(database),
            on_result=self._loaded,  # a bound method: nothing arrives after the dialog is gone
            on_error=self._failed,
            name="label templates",
        )

    @Slot(object)
    def _loaded(self, entries: list[LabelTemplateInfo]) -> None:
        wanted = self._wanted
        self.entries = list(entries)
        self._fill_list()
        names = [e.template.name for e in self.entries]
        self.list.setCurrentRow(names.index(wanted) if wanted in names else 0)
        self.templatesLoaded.emit()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries:
            t = entry.template
            text = f"{t.name}  ({t.width_mm:g}×{t.height_mm:g} mm)"
            if entry.builtin:
                text += "  " + self.tr("[built-in]")
            elif entry.version is None:
                text += "  " + self.tr("[not saved]")
            item = QListWidgetItem(text, self.list)
            if entry.builtin:
                item.setToolTip(self.tr("Built-in templates are read-only; New makes a copy you can edit."))
        self.list.blockSignals(False)

    @Slot(int)
    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        self._current = self.entries[row]
        self._show_template(self._current.template)
        self._set_editable(not self._current.builtin)
        self.delete_button.setEnabled(self._may_edit and not self._current.builtin)
        self.status.setText(
            self.tr("A built-in template cannot be changed; New makes a copy you can edit.")
            if self._current.builtin
            else ""
        )
        self.status.setStyleSheet("")
        self._changed()

    def _show_template(self, t: LabelTemplate) -> None:
        self._loading = True
        try:
            self.name.setText(t.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(t.kind)))
            self.width_mm.setValue(t.width_mm)
            self.height_mm.setValue(t.height_mm)
            self.dpi.setCurrentIndex(max(0, self.dpi.findData(t.dpi)))
            self.margin.setValue(t.margin_mm)
            self.fields.setRowCount(len(t.fields))
            for row, box in enumerate(t.fields):
                for column, (attribute, _type) in enumerate(COLUMNS):
                    value = getattr(box, attribute)
                    text = f"{value:g}" if isinstance(value, float) else str(value)
                    self.fields.setItem(row, column, QTableWidgetItem(text))
            self.fields.resizeColumnsToContents()  # every column of the boxes in view at once
        finally:
            self._loading = False

    def _set_editable(self, editable: bool) -> None:
        self.name.setReadOnly(not editable)
        for widget in (self.kind, self.width_mm, self.height_mm, self.dpi, self.margin):
            widget.setEnabled(editable)
        self.fields.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    # -- editing and the preview -----------------------------------------------------------------
    def current_template(self) -> LabelTemplate:
        """The template the form describes; ValueError (its problems) when it cannot be printed."""
        boxes = []
        for row in range(self.fields.rowCount()):
            values: dict[str, object] = {}
            for column, (attribute, kind) in enumerate(COLUMNS):
                item = self.fields.item(row, column)
                text = item.text().strip() if item is not None else ""
                try:
                    values[attribute] = kind(text) if kind is not str else text
                except ValueError:
                    raise ValueError(
                        self.tr("row %1: %2 is not a number").replace("%1", str(row + 1)).replace("%2", text)
                    ) from None
            boxes.append(FieldBox(**values))  # type: ignore[arg-type]
        return LabelTemplate(
            name=self.name.text().strip(),
            kind=str(self.kind.currentData()),
            width_mm=self.width_mm.value(),
            height_mm=self.height_mm.value(),
            dpi=int(self.dpi.currentData()),
            margin_mm=self.margin.value(),
            fields=tuple(boxes),
        )

    @Slot()
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._generation += 1
        self.save_button.setEnabled(False)  # until the preview says the template is valid
        self._timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Check the template; draw it in a worker, or show its problems in red."""
        generation = self._generation
        try:
            template = self.current_template()
        except ValueError as error:
            self._valid = False
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("This template cannot be printed:") + "\n" + str(error))
            self.preview.setStyleSheet("color: #c0392b;")
            self.save_button.setEnabled(False)
            self.previewUpdated.emit()
            return
        self._valid = True
        editable = self._current is not None and not self._current.builtin
        self.save_button.setEnabled(self._may_edit and editable)
        record = DEMO_RECORDS[template.kind]

        def render(_w: Worker) -> tuple[int, bytes]:
            from labdesk.printing.png import render_png

            return generation, render_png(template, record)

        start_worker(render, on_result=self._preview_arrived, on_error=self._failed, name="template preview")

    def _preview_arrived(self, result: tuple[int, bytes]) -> None:
        generation, png = result
        if generation != self._generation:
            return  # the template changed meanwhile; a newer preview is coming
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setStyleSheet("")
        self.preview.setText("")
        self.preview.setPixmap(pixmap)
        self.previewUpdated.emit()

    # -- actions ---------------------------------------------------------------------------------
    @Slot()
    def new_copy(self) -> None:
        """An editable, unsaved copy of the selected template under a new name."""
        from labdesk.services.workspace import LabelTemplateInfo

        if self._current is None:
            return
        names = {e.template.name for e in self.entries}
        base = self._current.template.name[:56] + "-copy"
        name, n = base, 2
        while name in names:
            name, n = f"{base}{n}", n + 1
        source = self._current.template
        copy = LabelTemplate(
            name, source.kind, source.width_mm, source.height_mm, source.dpi, source.margin_mm, source.fields
        )
        self.entries.append(LabelTemplateInfo(copy, builtin=False, version=None))
        self._fill_list()
        self.list.setCurrentRow(len(self.entries) - 1)

    @Slot()
    def save(self) -> Worker | None:
        if self._current is None or self._current.builtin:
            return None
        try:
            template = self.current_template()
        except ValueError as error:
            self._show(str(error), error=True)
            return None
        current = self._current
        db, version = self.database, current.version if current.template.name == template.name else None

        def work(_w: Worker) -> str:
            workspace.save_label_template(db, template, version)
            return template.name

        self.save_button.setEnabled(False)
        return start_worker(work, on_result=self._saved, on_error=self._failed, name="save label template")

    def _saved(self, name: str) -> None:
        self._show(self.tr("Template %1 saved.").replace("%1", name))
        self.reload(select=name)
        self.saved.emit(name)

    @Slot()
    def delete(self) -> Worker | None:
        if self._current is None or self._current.builtin:
            return None
        name = self._current.template.name
        if self._current.version is None:  # never saved: just drop it from the list
            self.entries.remove(self._current)
            self._current = None
            self._fill_list()
            self.list.setCurrentRow(0)
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template %1? Labels already printed are not affected.").replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        database = self.database

        def work(_w: Worker) -> str:
            workspace.delete_label_template(database, name)
            return name

        return start_worker(
            work, on_result=self._deleted, on_error=self._failed, name="delete label template"
        )

    def _deleted(self, name: str) -> None:
        self._current = None
        self._show(self.tr("Template %1 deleted.").replace("%1", name))
        self.reload()
        self.deleted.emit(name)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._show(problem_text(error), error=True)
        if self._valid and self._current is not None and not self._current.builtin:
            self.save_button.setEnabled(True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c0392b;" if error else "")
        self.status.setText(text)


def open_label_templates(database: Database, parent: QWidget | None = None) -> LabelTemplatesDialog:
    """Show the template screen (non-modal) and return it; for the main window's menu."""
    dialog = LabelTemplatesDialog(database, parent)
    dialog.show()
    return dialog
