"""A small list model for QML: rows are dicts, roles are their keys. Updates reset only when rows change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)

# Qt::DisplayRole and Qt::UserRole as plain ints: the first touch of PySide's `Qt` namespace builds all of
# its ~100 Python enums (about 20 ms), which the attract screen's first frame does not wait for.
DISPLAY_ROLE, USER_ROLE = 0, 0x0100


class RowModel(QAbstractListModel):
    countChanged = Signal()

    def __init__(self, roles: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles = roles
        self._rows: list[dict[str, Any]] = []

    def roleNames(self) -> dict[int, QByteArray]:
        return {USER_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self._roles)}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = role - USER_ROLE
        if not 0 <= i < len(self._roles):
            return None
        return self._rows[index.row()].get(self._roles[i])

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        if rows == self._rows:
            return
        if len(rows) == len(self._rows) and [r.get("key") for r in rows] == [r.get("key") for r in self._rows]:
            # Same items, new values (a language switch, a quantity): update in place so focus and delegates stay.
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.countChanged.emit()

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)
