"""Starts the desktop app: builds the controllers, injects them into the main window, runs Qt."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from controllers import i18n
from controllers.chat.hub import ChatHub
from controllers.checklists import MeterTap, load_catalog
from controllers.logging_setup import setup_logging
from controllers.obs.client import ObsClient
from controllers.obs.worker import ObsEndpoint
from controllers.sessions.catalog import SessionCatalog
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import RecordingSetup, open_for_recording
from controllers.sessions.store import StoreError
from controllers.settings import Settings

from .main_window import MainWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


class OnAirApp:
    """The composition root of the GUI: settings, session store, recorder, OBS client, main window."""

    def __init__(self, settings: Settings, endpoint: ObsEndpoint, *, language: str | None = None,
                 **client_options: object) -> None:
        """``language``: the one the translators were installed for (default: from settings)."""
        self.settings = settings
        self.recording, self.problem = _open_recording()
        self.recorder: SessionRecorder | None = None
        self.catalog: SessionCatalog | None = None
        if self.recording is not None and self.recording.can_record:
            self.recorder = SessionRecorder(self.recording.store)
            self.catalog = SessionCatalog(self.recording.store)
            self.recorder.on_change = self.catalog.changed.emit
        elif self.recording is not None:
            self.problem = tr("Another OnAir is recording sessions; this one does not.")
            self.catalog = SessionCatalog(self.recording.store)
        self.chat = ChatHub()
        if self.recorder is not None and self.recording is not None:
            self.chat.record_into(self.recording.store, self._session_id)
        self.meters = MeterTap()
        self.client = ObsClient(endpoint, listeners=[*([self.recorder] if self.recorder else []), self.meters],
                                **client_options)  # type: ignore[arg-type]
        self.checklists = load_catalog()
        self.window = MainWindow(self.client, settings, recorder=self.recorder, catalog=self.catalog,
                                 recording_problem=self.problem, chat_hub=self.chat, checklists=self.checklists,
                                 check_store=self.recording.store if self.recording is not None else None,
                                 meters=self.meters, language=language or i18n.resolve_language(settings.language))

    def _session_id(self) -> int | None:
        """The open session's id, or None: chat is stored only while a session records."""
        return self.recorder.session_id if self.recorder is not None else None

    def start(self) -> None:
        self.window.show()
        if self.problem:
            QMessageBox.warning(self.window, tr("Sessions are not recorded"), self.problem)
        if self.recording is not None and self.recording.recovered:
            self.window.statusBar().showMessage(tr(
                "Sessions {ids} were interrupted by a crash and have been closed at their last sample.").format(
                ids=", ".join(map(str, self.recording.recovered))), 15000)
        self.client.start()
        from controllers.chat.config import start_chat_sources

        start_chat_sources(self.chat, self.settings)  # Settings ▸ Chat sources, ONAIR_… variables winning

    def shutdown(self) -> None:
        if self.window.checklist_panel is not None:
            self.window.checklist_panel.shutdown()
        if self.window.review_panel is not None:
            self.window.review_panel.shutdown()  # stops the video player and the review's workers
        self.chat.stop()
        self.client.stop()
        if self.recorder is not None:
            self.recorder.close()
        if self.catalog is not None:
            self.catalog.close()
        if self.recording is not None:
            self.recording.close()


def _open_recording() -> tuple[RecordingSetup | None, str]:
    """The session store, or why there is none (a damaged or locked database must not stop the show)."""
    try:
        return open_for_recording(), ""
    except StoreError as exc:
        log.error("Session recording is off: %s", exc)
        return None, str(exc)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("OnAir")
    QCoreApplication.setApplicationName("OnAir")
    settings = Settings()
    language = i18n.install_translators(app, args.language or settings.language)
    log_file = setup_logging()
    log.info("OnAir starting; log at %s", log_file)
    try:
        endpoint = settings.obs_endpoint()
    except ValueError as exc:
        QMessageBox.warning(None, tr("OBS address"), str(exc))
        endpoint = ObsEndpoint(settings.obs_host, settings.obs_port)
    onair = OnAirApp(settings, endpoint, language=language)
    onair.start()
    try:
        return app.exec()
    finally:
        onair.shutdown()
