"""The status-bar indicator: always shows where the OBS connection stands, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from controllers.obs.model import ConnectionStatus, LinkState

COLORS = {LinkState.CONNECTED: "#2e7d32", LinkState.CONNECTING: "#f9a825",
          LinkState.RECONNECTING: "#ef6c00", LinkState.DISCONNECTED: "#c62828"}


class ConnectionIndicator(QLabel):
    """``connectionStatus``; its text is plain (reasons may quote OBS)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.status: ConnectionStatus | None = None

    def describe(self, status: ConnectionStatus, obs_version: str = "") -> str:
        if status.state is LinkState.CONNECTED:
            return self.tr("● Connected to OBS {version} at {url}").format(version=obs_version, url=status.url)
        if status.state is LinkState.DISCONNECTED:
            text = self.tr("● Disconnected from {url}").format(url=status.url)
            if status.reason:
                text += " — " + status.reason
            return text + " — " + self.tr("Ctrl+K to connect")
        if status.state is LinkState.RECONNECTING:
            text = self.tr("● Reconnecting to {url}").format(url=status.url)
        else:
            text = self.tr("● Connecting to {url}").format(url=status.url)
        if status.reason:
            text += " — " + status.reason
        if status.retry_in_s:
            text += " — " + self.tr("retry {n} in {s:.0f} s").format(n=status.attempt, s=status.retry_in_s)
        return text

    def show_status(self, status: ConnectionStatus, obs_version: str = "") -> None:
        self.status = status
        self.setText(self.describe(status, obs_version))
        self.setStyleSheet(f"color: {COLORS[status.state]}; font-weight: bold;")
