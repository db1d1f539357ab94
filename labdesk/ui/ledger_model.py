"""A ledger as a Qt table model: a thin adapter over the services' pages with a bounded row cache.

Modelled on Anki's browser table model. ``rowCount`` is the SQL count (fetched in a worker);
``data()`` for a row whose page is not cached returns a placeholder and schedules that page in a
worker (``plan_page`` picks keyset-from-a-neighbour, from-the-end or OFFSET). Results carry the
query's *generation*, so pages of an older query are dropped. At most ``MAX_PAGES`` pages are kept,
the ones farthest from where the user looks are dropped, so memory stays flat for a million rows.
Sorting and filtering are new ``LedgerQuery`` objects run in SQL, never a proxy model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from labdesk.services import workspace
from labdesk.services.ledgers.formatting import display_text
from labdesk.services.ledgers.paging import LedgerQuery, Page, plan_page
from labdesk.services.ledgers.spec import ColumnKind, LedgerColumn, LedgerSpec
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database

PAGE_SIZE = 100
MAX_PAGES = 40
PLACEHOLDER = "…"
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = (ColumnKind.MONEY, ColumnKind.DECIMAL, ColumnKind.INTEGER)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_FLAG_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole)
AnyIndex = QModelIndex | QPersistentModelIndex

_dots: dict[str, QIcon] = {}


def status_dot(color: str) -> QIcon:
    """A small filled circle in the status colour (cached per colour)."""
    icon = _dots.get(color)
    if icon is None:
        pixmap = QPixmap(10, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 8, 8)
        painter.end()
        icon = _dots[color] = QIcon(pixmap)
    return icon


class LedgerTableModel(QAbstractTableModel):
    """Rows of one ledger under one query; every column of the spec is a model column."""

    countChanged = Signal(int)  # noqa: N815 - Qt naming
    """The number of rows of the current query (after each count)."""
    loadFailed = Signal(str)  # noqa: N815
    """A count or page could not be read; the one-sentence reason."""
    pageLoaded = Signal(int)  # noqa: N815
    """A page (by index) arrived and its rows were refreshed."""

    def __init__(self, spec: LedgerSpec, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.database = database
        self.query = LedgerQuery()
        self._generation = 0
        self._total = 0
        self._counted = False
        self._pages: dict[int, Page] = {}
        self._pending: set[int] = set()
        self._failed: set[int] = set()
        self._focus = 0  # the page the view asked for last: eviction keeps pages near it
        self.refresh()  # count the whole ledger right away (in a worker)

    # -- queries ---------------------------------------------------------------------------------
    def set_query(self, query: LedgerQuery) -> None:
        """Show another query (search, filters, sort): drop everything and count again."""
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-read the current query from the database."""
        self._generation += 1
        self.beginResetModel()
        self._total = 0
        self._counted = False
        self._pages.clear()
        self._pending.clear()
        self._failed.clear()
        self.endResetModel()
        # The first page comes first and the count after it: counting a million rows that match a
        # search takes far longer than reading the first hundred of them by index, and run side by
        # side on a two-core workstation the count would delay the page. A short first page is
        # the whole answer, and then there is nothing left to count.
        self._request(0)

    def _start_count(self) -> None:
        generation, query = self._generation, self.query
        spec, database = self.spec, self.database
        start_worker(
            lambda _w: _guarded(generation, -1, lambda: workspace.count(database, spec, query)),
            on_result=self._count_arrived,
            name=f"count {spec.name}",
        )

    @property
    def total(self) -> int:
        return self._total

    @property
    def counted(self) -> bool:
        """True once the count of the current query has arrived."""
        return self._counted

    def cached_pages(self) -> int:
        return len(self._pages)

    def is_loaded(self, row: int) -> bool:
        return row // PAGE_SIZE in self._pages

    def record_id(self, row: int) -> int | None:
        found = self._row(row)
        return None if found is None else int(found[0])

    def record_code(self, row: int) -> str | None:
        """The record's number or code (the first column) of a loaded row."""
        found = self._row(row)
        return None if found is None or found[1] is None else str(found[1])

    def sort_column(self) -> int:
        key = self.query.sort_key or self.spec.columns[0].key
        return self.spec.column_index(key)

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.spec.columns):
            return None
        column = self.spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Ledger", column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind in _NUMERIC else _LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._total:
            return None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind in _NUMERIC else _LEFT
        row = self._row(index.row())
        if row is None:
            self._request(index.row() // PAGE_SIZE)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return PLACEHOLDER
            return None
        if self.spec.row_flag is not None and role in _FLAG_ROLES:
            flagged = self._flag_role(row, index.column(), role)
            if flagged is not None:
                return flagged
        value = row[1 + index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(self.spec, column, value, translate)
        if role == RECORD_ID_ROLE:
            return int(row[0])
        if column.kind is ColumnKind.STATUS and value is not None:
            return self._status_role(str(value), role)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind is ColumnKind.TEXT and value is not None:
            text = str(value)
            return text if len(text) > 30 else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        key = self.spec.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.spec.columns[self.sort_column()].key and descending == self.query.descending:
            return
        self.set_query(dataclasses.replace(self.query, sort_key=key, descending=descending))

    # -- internals -------------------------------------------------------------------------------
    def _flag_role(self, row: tuple[Any, ...], column: int, role: int) -> Any:
        """A flagged row (spec.row_flag, e.g. an overdue instrument): tinted, a dot before its code,
        the reasons as the tooltip of every cell."""
        rule = self.spec.row_flag
        assert rule is not None
        flag = rule.flag(*(row[1 + self.spec.column_index(key)] for key in rule.columns))
        if flag is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = QColor(flag.color)
            tint.setAlpha(48)
            return QBrush(tint)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "; ".join(translate("CalibrationPlan", reason) for reason in flag.reasons)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return status_dot(flag.color)
        return None

    def _status_role(self, key: str, role: int) -> Any:
        style = self.spec.statuses.get(key)
        if style is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_dot(style.color)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.color))
        return None

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            return None
        offset = row % PAGE_SIZE
        return page.rows[offset] if offset < len(page.rows) else None

    def _request(self, index: int) -> None:
        self._focus = index
        if index in self._pending or index in self._failed or index in self._pages:
            return
        self._pending.add(index)
        request = plan_page(index, PAGE_SIZE, self._total, self._pages)
        generation, query, spec, database = self._generation, self.query, self.spec, self.database
        start_worker(
            lambda _w: _guarded(generation, index, lambda: workspace.page(database, spec, query, request)),
            on_result=self._page_arrived,
            name=f"page {spec.name} {index}",
        )

    @Slot(object)
    def _count_arrived(self, payload: tuple[int, int, int | BaseException]) -> None:
        generation, _index, total = payload
        if generation != self._generation:
            return
        if isinstance(total, BaseException):
            self.loadFailed.emit(describe_error(total))
            return
        self._resize(total)
        self._counted = True
        self.countChanged.emit(total)

    @Slot(object)
    def _page_arrived(self, payload: tuple[int, int, Page | BaseException]) -> None:
        generation, index, page = payload
        if generation != self._generation:
            return
        self._pending.discard(index)
        if isinstance(page, BaseException):
            self._failed.add(index)  # not retried until refresh, so a dead server is not hammered
            self.loadFailed.emit(describe_error(page))
            return
        self._pages[index] = page
        if not self._counted and index == 0:
            self._resize(len(page.rows))  # the rows to show until the count arrives
            if len(page.rows) < PAGE_SIZE:
                self._counted = True
                self.countChanged.emit(self._total)
            else:
                self._start_count()
        self._evict()
        first = index * PAGE_SIZE
        last = min(self._total, first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.pageLoaded.emit(index)

    def _resize(self, total: int) -> None:
        """Grow or shrink the row count in place (no reset: the view keeps its scroll and selection)."""
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    def _evict(self) -> None:
        while len(self._pages) > MAX_PAGES:
            farthest = max(self._pages, key=lambda i: abs(i - self._focus))
            del self._pages[farthest]


def _guarded(generation: int, index: int, read: Callable[[], Any]) -> tuple[int, int, Any]:
    """Run a read in a worker; a failure travels back as the value, tagged like a result."""
    try:
        return generation, index, read()
    except Exception as error:  # noqa: BLE001 - shown to the user as one sentence
        return generation, index, error


def describe_error(error: BaseException) -> str:
    """One sentence for a failed read: the service's own sentence, else the exception."""
    if isinstance(error, workspace.DatabaseUnavailable):
        return problem_text(error)
    return f"{type(error).__name__}: {error}"


def column_is_numeric(column: LedgerColumn) -> bool:
    return column.kind in _NUMERIC
