"""Qt list model of OBS scenes in OBS's own order, marking the program and preview scenes."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont


def plain_tooltip(text: str) -> str:
    """Tooltips render rich text when it looks like HTML; escape names so they always show literally."""
    return "<p>" + html.escape(text) + "</p>"


ProgramRole = Qt.ItemDataRole.UserRole + 1
PreviewRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

PROGRAM_COLOR = QColor("#c62828")
PREVIEW_COLOR = QColor("#2e7d32")


class SceneListModel(QAbstractListModel):
    """Rows are scene names (top first, as in OBS); bold red is program, green is preview."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._scenes: tuple[str, ...] = ()
        self._program = ""
        self._preview: str | None = None

    def set_state(self, scenes: tuple[str, ...], program: str, preview: str | None) -> None:
        if scenes != self._scenes:
            self.beginResetModel()
            self._scenes, self._program, self._preview = scenes, program, preview
            self.endResetModel()
            return
        changed = {self._program, program, self._preview, preview} - {None}
        self._program, self._preview = program, preview
        for name in changed:
            if name in self._scenes:
                row = self.index(self._scenes.index(name))
                self.dataChanged.emit(row, row)

    def scene_at(self, row: int) -> str | None:
        return self._scenes[row] if 0 <= row < len(self._scenes) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scenes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._scenes):
            return None
        name = self._scenes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            number = index.row() + 1
            return f"{number}  {name}" if number <= 9 else name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(name)
        if role == ProgramRole:
            return name == self._program
        if role == PreviewRole:
            return name == self._preview
        if role == Qt.ItemDataRole.FontRole and name in (self._program, self._preview):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if name == self._program:
                return QBrush(PROGRAM_COLOR)
            if name == self._preview:
                return QBrush(PREVIEW_COLOR)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return name
        return None
