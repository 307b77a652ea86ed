"""Starts the desktop app: builds the controllers, injects them into the main window, runs Qt."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from controllers import i18n
from controllers.logging_setup import setup_logging
from controllers.obs.client import ObsClient
from controllers.obs.worker import ObsEndpoint
from controllers.settings import Settings

from .main_window import MainWindow

log = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("OnAir")
    QCoreApplication.setApplicationName("OnAir")
    settings = Settings()
    i18n.install_translators(app, args.language or settings.language)
    log_file = setup_logging()
    log.info("OnAir starting; log at %s", log_file)
    try:
        endpoint = settings.obs_endpoint()
    except ValueError as exc:
        QMessageBox.warning(None, QCoreApplication.translate("app", "OBS address"), str(exc))
        endpoint = ObsEndpoint(settings.obs_host, settings.obs_port)
    client = ObsClient(endpoint)
    window = MainWindow(client, settings)
    window.show()
    client.start()
    try:
        return app.exec()
    finally:
        client.stop()
