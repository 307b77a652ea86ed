"""Start/stop streaming and recording, with timecodes; stopping asks for confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QMessageBox, QPushButton, QWidget

from controllers.obs.client import ObsClient
from controllers.obs.model import HealthStats, ObsSnapshot

ON_AIR_STYLE = "QPushButton { background: #c62828; color: white; font-weight: bold; }"


class OutputControls(QGroupBox):
    """``streamButton`` / ``recordButton`` / ``markerButton``; ``streamTimecode`` / ``recordTimecode``."""

    marker_requested = Signal()

    def __init__(self, client: ObsClient, parent: QWidget | None = None, confirm_stop: bool = True) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Outputs"))
        self.client = client
        self.confirm_stop = confirm_stop
        self.stream_button = QPushButton(self)
        self.stream_button.setObjectName("streamButton")
        self.stream_button.clicked.connect(self.toggle_stream)
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("recordButton")
        self.record_button.clicked.connect(self.toggle_record)
        self.stream_timecode = QLabel("00:00:00", self)
        self.stream_timecode.setObjectName("streamTimecode")
        self.record_timecode = QLabel("00:00:00", self)
        self.record_timecode.setObjectName("recordTimecode")
        for label in (self.stream_timecode, self.record_timecode):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = label.font()
            font.setPointSize(font.pointSize() + 4)
            font.setFamily("monospace")
            label.setFont(font)
        self.marker_button = QPushButton(self.tr("Add marker"), self)
        self.marker_button.setObjectName("markerButton")
        self.marker_button.setToolTip(self.tr("Mark this moment in the session (Ctrl+M; Ctrl+Shift+M with a note)"))
        self.marker_button.clicked.connect(self.marker_requested)
        grid = QGridLayout(self)
        grid.addWidget(self.marker_button, 2, 0, 1, 2)
        grid.addWidget(self.stream_button, 0, 0)
        grid.addWidget(self.stream_timecode, 0, 1)
        grid.addWidget(self.record_button, 1, 0)
        grid.addWidget(self.record_timecode, 1, 1)
        self.confirm_box: QMessageBox | None = None
        #: Asked before OnAir starts the stream (e.g. the checklist's go-live gate): False stops it.
        self.gate: Callable[[], bool] | None = None
        self._streaming = self._recording = False
        self._connected = False
        self._busy = {"stream": False, "record": False}
        self.show_snapshot(ObsSnapshot())

    def show_snapshot(self, snap: ObsSnapshot) -> None:
        self._streaming, self._recording = snap.stream.active, snap.record.active
        self._busy = {"stream": bool(snap.stream.transition), "record": bool(snap.record.transition)}
        texts = {"starting": self.tr("Starting…"), "stopping": self.tr("Stopping…")}
        self.stream_button.setText(texts.get(snap.stream.transition) or (
            self.tr("Stop streaming") if self._streaming else self.tr("Start streaming")))
        self.stream_button.setStyleSheet(ON_AIR_STYLE if self._streaming else "")
        self.record_button.setText(texts.get(snap.record.transition) or (
            self.tr("Stop recording") if self._recording else self.tr("Start recording")))
        self.record_button.setStyleSheet(ON_AIR_STYLE if self._recording else "")
        self.set_connected(self._connected)
        if not self._streaming:
            self.stream_timecode.setText("00:00:00")
        if not self._recording:
            self.record_timecode.setText("00:00:00")

    def show_stats(self, stats: HealthStats) -> None:
        if stats.stream_active and stats.stream_timecode:
            self.stream_timecode.setText(stats.stream_timecode.split(".")[0])
        if stats.record_active and stats.record_timecode:
            self.record_timecode.setText(stats.record_timecode.split(".")[0])

    def set_connected(self, connected: bool) -> None:
        self._connected = connected
        self.stream_button.setEnabled(connected and not self._busy["stream"])
        self.record_button.setEnabled(connected and not self._busy["record"])

    def toggle_stream(self) -> None:
        if not self._streaming:
            if self.gate is not None and not self.gate():
                return
            self.client.request(self.tr("Start streaming"), "StartStream")
        elif self._confirm(self.tr("Stop streaming?"),
                           self.tr("The broadcast ends for every viewer. Stop streaming now?")):
            self.client.request(self.tr("Stop streaming"), "StopStream")

    def toggle_record(self) -> None:
        if not self._recording:
            self.client.request(self.tr("Start recording"), "StartRecord")
        elif self._confirm(self.tr("Stop recording?"), self.tr("Stop recording now?")):
            self.client.request(self.tr("Stop recording"), "StopRecord")

    def _confirm(self, title: str, text: str) -> bool:
        if not self.confirm_stop:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmStopDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.confirm_box = None
            box.deleteLater()
