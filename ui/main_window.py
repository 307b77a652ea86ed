"""OnAir's main window: the live panel, the connection indicator, menus and keyboard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from controllers.chat.hub import ChatHub
from controllers.checklists import Catalog, DueItem, MeterTap
from controllers.obs.client import ObsClient
from controllers.obs.model import ConnectionStatus, LinkState
from controllers.sessions.catalog import SessionCatalog
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.store import SessionStore
from controllers.settings import Settings

from .chat_panel import ChatPanel
from .checklist_panel import ChecklistPanel
from .connection_dialog import ConnectionDialog
from .live.live_panel import LivePanel
from .sessions_panel import SessionsPanel

if TYPE_CHECKING:
    from .review.review_panel import ReviewPanel

TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def text_field_has_focus() -> bool:
    return isinstance(QApplication.focusWidget(), TEXT_INPUTS)


class MainWindow(QMainWindow):
    """Owns no controller: ``main.py``/``ui.app`` build the client and settings and pass them in."""

    def __init__(self, client: ObsClient, settings: Settings, parent: QWidget | None = None, *,
                 recorder: SessionRecorder | None = None, catalog: SessionCatalog | None = None,
                 recording_problem: str = "", chat_hub: ChatHub | None = None,
                 checklists: Catalog | None = None, check_store: SessionStore | None = None,
                 meters: MeterTap | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("OnAir — livestream console"))
        self.client = client
        self.settings = settings
        self.live = LivePanel(client, self, confirm_stop=settings.confirm_stop)
        self.setCentralWidget(self.live)
        from .status_indicator import ConnectionIndicator

        self.indicator = ConnectionIndicator(self)
        self.statusBar().addPermanentWidget(self.indicator, 1)
        self.statusBar().setObjectName("statusBar")
        self.indicator.show_status(client.status)
        client.status_changed.connect(self._on_status)
        client.snapshot_changed.connect(self._on_snapshot)
        client.request_failed.connect(self._on_request_failed)
        self.last_error = ""
        self._maintenance_flagged = False
        self.recorder = recorder
        self.catalog = catalog
        self.recording_problem = recording_problem
        self.recording_label = QLabel(self)
        self.recording_label.setObjectName("recordingStatus")
        self.statusBar().addPermanentWidget(self.recording_label)
        self.sessions_panel: SessionsPanel | None = None
        self.sessions_dock = QDockWidget(self.tr("Sessions"), self)
        self.sessions_dock.setObjectName("sessionsDock")
        if catalog is not None:
            self.sessions_panel = SessionsPanel(catalog, self.sessions_dock)
            self.sessions_dock.setWidget(self.sessions_panel)
            self._wire_sessions_review(self.sessions_panel)
            catalog.sessions_loaded.connect(self._update_recording_label)
            catalog.refresh()
        else:
            problem = QLabel(recording_problem or self.tr("Sessions are not recorded."), self.sessions_dock)
            problem.setObjectName("sessionsProblem")
            problem.setWordWrap(True)
            self.sessions_dock.setWidget(problem)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sessions_dock)
        self.resizeDocks([self.sessions_dock], [170], Qt.Orientation.Vertical)
        self.chat_panel: ChatPanel | None = None
        self.chat_dock: QDockWidget | None = None
        if chat_hub is not None:
            self.chat_dock = QDockWidget(self.tr("Chat"), self)
            self.chat_dock.setObjectName("chatDock")
            self.chat_panel = ChatPanel(chat_hub, self.chat_dock, obs=client, settings=self.settings)
            from .chat_compose import ChatComposer

            self.chat_composer = ChatComposer.attach(self.chat_panel, settings)  # reply box at the dock's bottom
            self.chat_dock.setWidget(self.chat_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.chat_dock)
            self.resizeDocks([self.chat_dock], [340], Qt.Orientation.Horizontal)
        self.checklist_panel: ChecklistPanel | None = None
        self.checklist_dock: QDockWidget | None = None
        if checklists is not None:
            self.checklist_dock = QDockWidget(self.tr("Checklist"), self)
            self.checklist_dock.setObjectName("checklistDock")
            self.checklist_panel = ChecklistPanel(client, checklists, store=check_store, meters=meters,
                                                  language=language, operator=settings.operator,
                                                  parent=self.checklist_dock)
            self.checklist_dock.setWidget(self.checklist_panel)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.checklist_dock)
            self.resizeDocks([self.checklist_dock], [600], Qt.Orientation.Horizontal)
            self.checklist_panel.due_changed.connect(self._on_maintenance_due)
            picker = self.checklist_panel.platform_picker
            remembered = picker.findData(str(settings.qsettings.value("checklist/platform", "")))
            if remembered >= 0:
                picker.setCurrentIndex(remembered)
            picker.currentIndexChanged.connect(self._remember_platform)
            self.live.outputs.gate = self.checklist_panel.gate
        self._live_refresh = QTimer(self)
        self._live_refresh.setInterval(5000)
        self._live_refresh.timeout.connect(self._refresh_live_session)
        self._live_refresh.start()
        self.live.outputs.marker_requested.connect(self.add_marker)
        self._update_recording_label()
        self._build_menus()
        self._build_scene_keys()
        self._restore_window()

    # -- construction ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        connect = QAction(self.tr("&Connect to OBS…"), self)
        connect.setObjectName("actionConnect")
        connect.setShortcut(QKeySequence("Ctrl+K"))
        connect.triggered.connect(self.open_connection_dialog)
        reconnect = QAction(self.tr("&Reconnect now"), self)
        reconnect.setObjectName("actionReconnect")
        reconnect.setShortcut(QKeySequence("Ctrl+R"))
        reconnect.triggered.connect(self._reconnect)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("actionQuit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([connect, reconnect])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        live_menu = self.menuBar().addMenu(self.tr("&Live"))
        stream = QAction(self.tr("Start/stop &streaming"), self)
        stream.setObjectName("actionToggleStream")
        stream.setShortcut(QKeySequence("Ctrl+Shift+S"))
        stream.triggered.connect(self.live.outputs.toggle_stream)
        record = QAction(self.tr("Start/stop &recording"), self)
        record.setObjectName("actionToggleRecord")
        record.setShortcut(QKeySequence("Ctrl+Shift+R"))
        record.triggered.connect(self.live.outputs.toggle_record)
        transition = QAction(self.tr("&Transition (studio mode)"), self)
        transition.setObjectName("actionTransition")
        transition.setShortcut(QKeySequence("Ctrl+T"))
        transition.triggered.connect(self.live.scenes.transition)
        marker = QAction(self.tr("Add &marker"), self)
        marker.setObjectName("actionMarker")
        marker.setShortcut(QKeySequence("Ctrl+M"))
        marker.triggered.connect(self.add_marker)
        marker_note = QAction(self.tr("Add marker with &note…"), self)
        marker_note.setObjectName("actionMarkerNote")
        marker_note.setShortcut(QKeySequence("Ctrl+Shift+M"))
        marker_note.triggered.connect(self.add_marker_with_note)
        rehearsal = QAction(self.tr("Start &rehearsal session"), self)
        rehearsal.setObjectName("actionStartRehearsal")
        rehearsal.triggered.connect(self.start_rehearsal)
        end_rehearsal = QAction(self.tr("&End rehearsal session"), self)
        end_rehearsal.setObjectName("actionEndRehearsal")
        end_rehearsal.triggered.connect(self.end_rehearsal)
        live_menu.addActions([stream, record, transition])
        live_menu.addSeparator()
        live_menu.addActions([marker, marker_note, rehearsal, end_rehearsal])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        sessions_toggle = self.sessions_dock.toggleViewAction()
        sessions_toggle.setObjectName("actionToggleSessions")
        view_menu.addAction(sessions_toggle)
        if self.checklist_dock is not None:
            checklist_toggle = self.checklist_dock.toggleViewAction()
            checklist_toggle.setObjectName("actionToggleChecklist")
            view_menu.addAction(checklist_toggle)
        if self.chat_dock is not None:
            chat_toggle = self.chat_dock.toggleViewAction()
            chat_toggle.setObjectName("actionToggleChat")
            view_menu.addAction(chat_toggle)
        review = QAction(self.tr("Post-stream &review"), self)
        review.setObjectName("actionReview")
        review.setShortcut(QKeySequence("F6"))
        review.setEnabled(self.catalog is not None)
        review.triggered.connect(self._on_review_action)
        view_menu.addSeparator()
        view_menu.addAction(review)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        from .chat_settings_dialog import add_chat_settings_action

        add_chat_settings_action(self, settings_menu)  # Chat sources… (tokens in the keyring)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        for code, label in (("system", self.tr("System default")), ("en", "English"), ("zh_TW", "繁體中文")):
            action = QAction(label, self)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.setData(code)
            action.triggered.connect(self._on_language_action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setObjectName("actionShortcuts")
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)

    def _build_scene_keys(self) -> None:
        self.scene_shortcuts: list[QShortcut] = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setObjectName(f"sceneKey{number}")
            shortcut.activated.connect(self._on_scene_key)
            self.scene_shortcuts.append(shortcut)

    def _restore_window(self) -> None:
        qs = self.settings.qsettings
        geometry = qs.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1180, 720)
        state = qs.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitter = qs.value("window/liveSplitter")
        if isinstance(splitter, QByteArray | bytes):
            self.live.splitter.restoreState(QByteArray(splitter))

    # -- slots -------------------------------------------------------------------------------------

    def _on_scene_key(self) -> None:
        shortcut = self.sender()
        if not isinstance(shortcut, QShortcut) or text_field_has_focus():
            return
        if self.client.status.state is not LinkState.CONNECTED:
            self.statusBar().showMessage(self.tr("Not connected to OBS"), 4000)
            return
        number = self.scene_shortcuts.index(shortcut) + 1
        if not self.live.scenes.activate_number(number):
            self.statusBar().showMessage(self.tr("There is no scene {n}").format(n=number), 4000)

    def _on_status(self, status: ConnectionStatus) -> None:
        self.indicator.show_status(status, self.client.snapshot.obs_version)

    def _on_snapshot(self, _snapshot: object) -> None:
        """Refresh the version shown; keep the status the widgets have been told (signals arrive in order)."""
        status = self.indicator.status or self.client.status
        self.indicator.show_status(status, self.client.snapshot.obs_version)

    def _on_request_failed(self, what: str, reason: str) -> None:
        self.last_error = f"{what}: {reason}"
        self.statusBar().showMessage(self.tr("{what} failed — {reason}").format(what=what, reason=reason), 10000)

    def _remember_platform(self, _index: int) -> None:
        if self.checklist_panel is not None:
            value = str(self.checklist_panel.platform_picker.currentData() or "")
            self.settings.qsettings.setValue("checklist/platform", value)

    def _refresh_live_session(self) -> None:
        """While a session records, its counts in the list grow; re-read them every few seconds."""
        if self.catalog is not None and self.recorder is not None and self.recorder.session_id is not None \
                and self.sessions_dock.isVisible():
            self.catalog.refresh()

    def _on_maintenance_due(self, due: list[DueItem]) -> None:
        """Flag due maintenance in the dock's title and (once, at start-up) in the status bar."""
        if self.checklist_dock is None:
            return
        title = self.tr("Checklist")
        if due:
            title = self.tr("Checklist ⚠ {n} due").format(n=len(due))
            if not self._maintenance_flagged:
                self._maintenance_flagged = True
                self.statusBar().showMessage(self.tr("Maintenance due or overdue: {n} item(s) — see the Checklist")
                                             .format(n=len(due)), 15000)
        self.checklist_dock.setWindowTitle(title)

    def _update_recording_label(self, *_: object) -> None:
        if self.recorder is None:
            self.recording_label.setText(self.tr("Sessions not recorded"))
            self.recording_label.setToolTip(self.recording_problem)
            self.recording_label.setStyleSheet("color: #c62828;")
        elif self.recorder.session_id is not None:
            kind = self.tr("rehearsal") if self.recorder.kind == "rehearsal" else self.tr("stream")
            self.recording_label.setText(self.tr("● Recording session {id} ({kind})").format(
                id=self.recorder.session_id, kind=kind))
            self.recording_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.recording_label.setText(self.tr("Sessions start with the stream"))
            self.recording_label.setStyleSheet("")

    # -- post-stream review (ui/review) -------------------------------------------------------------

    review_panel: ReviewPanel | None = None
    review_dock: QDockWidget | None = None

    def _wire_sessions_review(self, panel: SessionsPanel) -> None:
        """Open a session's review from the Sessions list: double-click (not on an editable cell) or menu."""
        panel.table.doubleClicked.connect(self._on_session_double_clicked)
        action = QAction(self.tr("Open review"), panel.table)
        action.setObjectName("actionOpenSessionReview")
        action.triggered.connect(self._on_review_action)
        panel.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        panel.table.addAction(action)

    def _on_session_double_clicked(self, index: QModelIndex) -> None:
        if self.sessions_panel is not None and not index.flags() & Qt.ItemFlag.ItemIsEditable:
            session = self.sessions_panel.model.session_at(index.row())
            if session is not None:
                self.open_review(session.id)

    def _on_review_action(self) -> None:
        selected = self.sessions_panel.selected_session() if self.sessions_panel is not None else None
        self.open_review(selected.id if selected is not None else None)

    def open_review(self, session_id: int | None = None) -> ReviewPanel | None:
        """Show the Review dock (created on first use), with ``session_id`` loading in the background."""
        if self.catalog is None:
            self.statusBar().showMessage(self.recording_problem or self.tr("Sessions are not recorded."), 8000)
            return None
        if self.review_panel is None or self.review_dock is None:
            from .review.review_panel import ReviewPanel  # pyqtgraph loads only when the review is used

            self.review_dock = QDockWidget(self.tr("Review"), self)
            self.review_dock.setObjectName("reviewDock")
            self.review_panel = ReviewPanel(self.catalog.store, self.catalog, self.review_dock,
                                            qsettings=self.settings.qsettings)
            self.review_dock.setWidget(self.review_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
            if not self.restoreDockWidget(self.review_dock):
                self.review_dock.setFloating(True)
                self.review_dock.resize(1400, 900)
        self.review_dock.show()
        self.review_dock.raise_()
        if session_id is not None:
            self.review_panel.open_session(session_id)
        else:
            self.review_panel.refresh_sessions()
        return self.review_panel

    def add_marker(self, text: str = "") -> bool:
        """Mark now in the open session; says so in the status bar either way."""
        if self.recorder is None or not self.recorder.add_marker(text if isinstance(text, str) else ""):
            self.statusBar().showMessage(self.tr("No session is being recorded: marker not added"), 5000)
            return False
        self.statusBar().showMessage(self.tr("Marker added"), 3000)
        return True

    def add_marker_with_note(self) -> None:
        if self.recorder is None or self.recorder.session_id is None:
            self.add_marker()
            return
        import time

        at = time.time()  # the moment of the key press, not of closing the dialog
        text, ok = QInputDialog.getText(self, self.tr("Marker"), self.tr("Note for this moment:"))
        if ok and not self.recorder.add_marker(text, at=at):
            self.statusBar().showMessage(self.tr("No session is being recorded: marker not added"), 5000)

    def start_rehearsal(self) -> None:
        if self.recorder is None:
            self.statusBar().showMessage(self.recording_problem or self.tr("Sessions are not recorded."), 8000)
            return
        title, ok = QInputDialog.getText(self, self.tr("Rehearsal"), self.tr("Title of the rehearsal:"))
        if not ok:
            return
        if self.recorder.start_rehearsal(title) is None:
            self.statusBar().showMessage(self.tr("A stream session is already being recorded"), 5000)
        self._update_recording_label()

    def end_rehearsal(self) -> None:
        if self.recorder is not None and self.recorder.end_rehearsal():
            self.statusBar().showMessage(self.tr("Rehearsal session ended"), 4000)
        self._update_recording_label()

    def _reconnect(self) -> None:
        self.client.reconnect()

    def open_connection_dialog(self) -> None:
        dialog = ConnectionDialog(self.client.endpoint, self)
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return
        endpoint = dialog.endpoint()
        persisted = self.settings.save_obs_endpoint(endpoint, remember_password=dialog.remember.isChecked())
        if endpoint.password and dialog.remember.isChecked() and not persisted:
            self.statusBar().showMessage(
                self.tr("No system keyring: the password is kept for this session only."), 8000)
        self.client.reconnect(endpoint)

    def _on_language_action(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        self.settings.language = str(action.data())
        self.settings.sync()
        for other in action.parent().findChildren(QAction) if action.parent() else []:
            if str(other.objectName()).startswith("actionLanguage_"):
                other.setChecked(other is action)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language takes effect when OnAir is restarted."))

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), self.tr(
            "1–9\tswitch to scene 1–9 (preview in studio mode)\n"
            "Ctrl+T\ttransition (studio mode)\n"
            "Ctrl+Shift+S\tstart/stop streaming\n"
            "Ctrl+Shift+R\tstart/stop recording\n"
            "Ctrl+M\tadd a marker to the session\n"
            "Ctrl+Shift+M\tadd a marker with a note\n"
            "Ctrl+F\tfilter the chat (Esc clears)\n"
            "Ctrl+1–9\tinsert canned reply 1–9 (Enter sends)\n"
            "F6\tpost-stream review\n"
            "Ctrl+K\tconnect to OBS…\n"
            "Ctrl+R\treconnect now\n"
            "Ctrl+Q\tquit"))

    def closeEvent(self, event: QCloseEvent) -> None:
        qs = self.settings.qsettings
        qs.setValue("window/geometry", self.saveGeometry())
        qs.setValue("window/state", self.saveState())
        qs.setValue("window/liveSplitter", self.live.splitter.saveState())
        qs.sync()
        super().closeEvent(event)
