"""Helpers for GUI tests: build the main window around a client, answer confirmation boxes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from controllers.obs.client import ObsClient
from controllers.obs.model import LinkState
from controllers.obs.worker import ObsEndpoint
from controllers.settings import Settings
from ui.live.output_controls import OutputControls
from ui.main_window import MainWindow


def open_window(qtbot, endpoint: ObsEndpoint, **worker_options) -> MainWindow:  # type: ignore[no-untyped-def]
    options = {"poll_interval": 0.5, "backoff_ceiling": 1.0, **worker_options}
    client = ObsClient(endpoint, **options)
    window = MainWindow(client, Settings())
    qtbot.addWidget(window)
    window.show()
    client.start()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    window.client.stop()
    window.close()


def wait_connected(qtbot, window: MainWindow, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.client.status.state is LinkState.CONNECTED, timeout=timeout)


def answer_next_confirmation(outputs: OutputControls, yes: bool) -> None:
    """Click Yes/Cancel on the confirmation box ``outputs`` is about to open."""

    def answer() -> None:
        box = outputs.confirm_box
        if box is None:
            QTimer.singleShot(20, answer)
            return
        button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Cancel
        box.button(button).click()

    QTimer.singleShot(20, answer)
