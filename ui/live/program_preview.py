"""A small live picture of the program scene from GetSourceScreenshot: throttled, paused when hidden."""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from controllers.obs.client import ObsClient
from controllers.obs.state import Requester

PREVIEW_WIDTH = 384


def fetch_screenshot(obs: Requester, scene: str, width: int) -> bytes:
    """Worker thread: one PNG of ``scene`` (decoded from the data: URI OBS returns)."""
    reply = obs.request("GetSourceScreenshot", {"sourceName": scene, "imageFormat": "png",
                                                "imageWidth": width})
    data = str(reply.get("imageData", ""))
    return base64.b64decode(data.split(",", 1)[1] if data.startswith("data:") else data)


class ProgramPreview(QLabel):
    """``programPreview``; ``frames_shown`` counts pictures shown (useful to tests)."""

    _png_ready = Signal(object)

    def __init__(self, client: ObsClient, parent: QWidget | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setObjectName("programPreview")
        self.client = client
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("background: #111; color: #aaa;")
        self.setText(self.tr("No program picture"))
        self.frames_shown = 0
        self._scene = ""
        self._in_flight = False
        self._pixmap: QPixmap | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._png_ready.connect(self.show_png)

    def set_scene(self, scene: str) -> None:
        self._scene = scene

    def set_connected(self, connected: bool) -> None:
        if connected and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()
            if not connected:
                self._pixmap = None
                self.setText(self.tr("No program picture"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.client.status.state.value == "connected":
            self._timer.start()
            self._tick()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_pixmap()

    def _tick(self) -> None:
        if self._in_flight or not self._scene or not self.isVisible():
            return
        self._in_flight = True
        future = self.client.worker.submit_fn(lambda obs: fetch_screenshot(obs, self._scene, PREVIEW_WIDTH))
        future.add_done_callback(self._deliver)

    def _deliver(self, future: Any) -> None:
        """Runs on the worker thread: hand the bytes to the GUI thread through a queued signal."""
        self._png_ready.emit(None if future.exception() else future.result())

    @Slot(object)
    def show_png(self, data: bytes | None) -> None:
        self._in_flight = False
        if not data:
            return
        image = QImage.fromData(data, "PNG")
        if image.isNull():
            return
        self._pixmap = QPixmap.fromImage(image)
        self.frames_shown += 1
        self._show_pixmap()

    def _show_pixmap(self) -> None:
        if self._pixmap is not None:
            self.setPixmap(self._pixmap.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
