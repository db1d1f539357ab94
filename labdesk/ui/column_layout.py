"""Remembered column layouts (order, widths, hidden columns) and the header's column chooser.

Layouts are ``QHeaderView.saveState`` blobs in ``ui.ini`` (IniFormat) in LabDesk's config
directory, keyed by ledger name, so ``LABDESK_CONFIG_DIR`` isolates tests from the user's files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu

from labdesk.paths import config_dir

if TYPE_CHECKING:
    from labdesk.services.ledgers.spec import LedgerSpec


def ui_settings() -> QSettings:
    """The UI's own settings file (column layouts, window geometry)."""
    return QSettings(str(config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def _key(spec: LedgerSpec) -> str:
    return f"ledgers/{spec.name}/header_v1"  # bump when the saved meaning changes


def apply_default_layout(header: QHeaderView, spec: LedgerSpec) -> None:
    """Hide the spec's hidden columns and size every column to its width or its title, if wider."""
    for index, column in enumerate(spec.columns):
        header.setSectionHidden(index, not column.visible)
        header.resizeSection(index, max(column.width, header.sectionSizeHint(index) + 8))


def restore_layout(header: QHeaderView, spec: LedgerSpec) -> bool:
    """Restore the saved layout of this ledger; False (and the defaults) when there is none."""
    state = ui_settings().value(_key(spec))
    if (isinstance(state, QByteArray) and not state.isEmpty()
            and header.restoreState(state) and header.count() == len(spec.columns)):
        if header.hiddenSectionCount() >= header.count():  # never leave a ledger with no columns
            header.setSectionHidden(0, False)
        return True
    apply_default_layout(header, spec)
    return False


def save_layout(header: QHeaderView, spec: LedgerSpec) -> None:
    settings = ui_settings()
    settings.setValue(_key(spec), header.saveState())
    settings.sync()


def forget_layout(spec: LedgerSpec) -> None:
    settings = ui_settings()
    settings.remove(_key(spec))
    settings.sync()


def column_menu(header: QHeaderView, spec: LedgerSpec) -> QMenu:
    """A checkable list of the ledger's columns; unchecking hides a column (the last one stays)."""
    menu = QMenu(header)
    visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        title = header.model().headerData(logical, Qt.Orientation.Horizontal) if header.model() else ""
        action = menu.addAction(str(title or spec.columns[logical].key))
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(logical))
        action.setEnabled(header.isSectionHidden(logical) or len(visible) > 1)
        action.setData(logical)
        action.toggled.connect(
            lambda checked, section=logical: header.setSectionHidden(section, not checked))
    menu.addSeparator()
    reset = menu.addAction(QCoreApplication.translate("ColumnChooser", "Reset columns"))
    reset.triggered.connect(lambda: apply_default_layout(header, spec))
    return menu


def show_column_menu(header: QHeaderView, spec: LedgerSpec, position: QPoint) -> QMenu:
    menu = column_menu(header, spec)
    menu.popup(header.mapToGlobal(position))
    return menu
