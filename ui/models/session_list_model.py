"""Qt table model of recorded sessions; title and platform are editable in place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from controllers.sessions.queries import SessionSummary

Index = QModelIndex | QPersistentModelIndex
SessionIdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("started", "duration", "title", "platform", "status", "samples", "events", "chat")
EDITABLE = {"title", "platform"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionListModel", text)


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class SessionListModel(QAbstractTableModel):
    """Emits ``edit_requested(session_id, field, value)``; the catalog applies it and reloads."""

    edit_requested = Signal(int, str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {"started": _tr("Started"), "duration": _tr("Duration"), "title": _tr("Title"),
                  "platform": _tr("Platform"), "status": _tr("Status"), "samples": _tr("Samples"),
                  "events": _tr("Events"), "chat": _tr("Chat")}
        return titles[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == SessionIdRole:
            return s.id
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return s.title if column == "title" else s.platform
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.TextAlignmentRole and column in ("duration", "samples", "events", "chat"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        statuses = {"live": _tr("live"), "ended": _tr("ended"), "interrupted": _tr("interrupted")}
        values = {
            "started": dt.datetime.fromtimestamp(s.started_at).strftime("%Y-%m-%d %H:%M"),
            "duration": format_duration(s.duration_s),
            "title": s.title or (_tr("Rehearsal") if s.kind == "rehearsal" else _tr("Untitled")),
            "platform": s.platform or "—",
            "status": statuses.get(s.status, s.status),
            "samples": f"{s.sample_count:,}", "events": f"{s.event_count:,}", "chat": f"{s.chat_count:,}",
        }
        return values[column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = COLUMNS[index.column()]
        session = self.session_at(index.row())
        if column not in EDITABLE or session is None:
            return False
        text = str(value).strip()
        self.edit_requested.emit(session.id, column, text)
        return True
