"""The sessions list: every recorded broadcast, newest first; rename in place, delete with confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from controllers.sessions.catalog import SessionCatalog
from controllers.sessions.queries import SessionSummary

from .models.session_list_model import COLUMNS, SessionListModel, format_duration


class SessionsPanel(QWidget):
    """``sessionTable``, ``deleteSessionButton``, ``refreshSessionsButton``."""

    def __init__(self, catalog: SessionCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsPanel")
        self.catalog = catalog
        self.model = SessionListModel(self)
        self.model.edit_requested.connect(self._on_edit)
        self.table = QTableView(self)
        self.table.setObjectName("sessionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("deleteSessionButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshSessionsButton")
        self.refresh_button.clicked.connect(catalog.refresh)
        self.message = QLabel(self)
        self.message.setObjectName("sessionsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.confirm_box: QMessageBox | None = None
        catalog.sessions_loaded.connect(self.show_sessions)
        catalog.failed.connect(self.show_error)

    def show_sessions(self, sessions: list[SessionSummary]) -> None:
        selected = self.selected_session()
        self.model.set_sessions(sessions)
        if selected is not None:
            for row in range(self.model.rowCount()):
                found = self.model.session_at(row)
                if found is not None and found.id == selected.id:
                    self.table.selectRow(row)
        self.delete_button.setEnabled(bool(sessions))

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #c62828;")

    def selected_session(self) -> SessionSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.session_at(rows[0].row()) if rows else None

    def delete_selected(self) -> None:
        session = self.selected_session()
        if session is None:
            self.show_error(self.tr("Select a session to delete."))
            return
        title = session.title or self.tr("Untitled")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete session?"),
                          self.tr("Delete session {id} “{title}” ({duration}) with all its samples, events "
                                  "and chat? This cannot be undone.").format(
                              id=session.id, title=title, duration=format_duration(session.duration_s)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmDeleteSession")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        try:
            if box.exec() == QMessageBox.StandardButton.Yes:
                self.catalog.delete(session.id)
        finally:
            self.confirm_box = None
            box.deleteLater()

    def _on_edit(self, session_id: int, field: str, value: str) -> None:
        if field == "title":
            self.catalog.rename(session_id, value)
        else:
            self.catalog.set_platform(session_id, value)
