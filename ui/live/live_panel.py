"""The live control panel: scenes, program preview, outputs, audio mixer and health on one screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from controllers.obs.client import ObsClient
from controllers.obs.model import HealthStats, LinkState, ObsSnapshot

from .audio_mixer import AudioMixer
from .health_panel import HealthPanel
from .output_controls import OutputControls
from .program_preview import ProgramPreview
from .scenes_panel import ScenesPanel


class LivePanel(QWidget):
    """Composes the live widgets and routes the client's signals to them (bound slots only)."""

    def __init__(self, client: ObsClient, parent: QWidget | None = None, confirm_stop: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("livePanel")
        self.client = client
        self.scenes = ScenesPanel(client, self)
        self.preview = ProgramPreview(client, self)
        self.outputs = OutputControls(client, self, confirm_stop=confirm_stop)
        self.mixer = AudioMixer(client, self)
        self.health = HealthPanel(self)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.preview, 1)
        middle_layout.addWidget(self.outputs)
        middle_layout.addWidget(self.health)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("liveSplitter")
        splitter.addWidget(self.scenes)
        splitter.addWidget(middle)
        splitter.addWidget(self.mixer)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 480, 360])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        client.snapshot_changed.connect(self.show_snapshot)
        client.stats_updated.connect(self.show_stats)
        client.meters_updated.connect(self.mixer.show_meters)
        client.status_changed.connect(self.show_status)
        self.set_connected(False)

    def show_snapshot(self, snap: ObsSnapshot) -> None:
        self.scenes.show_snapshot(snap)
        self.outputs.show_snapshot(snap)
        self.mixer.show_snapshot(snap)
        self.preview.set_scene(snap.program_scene)

    def show_stats(self, stats: HealthStats) -> None:
        self.health.show_stats(stats)
        self.outputs.show_stats(stats)

    def show_status(self, status: object) -> None:
        self.set_connected(getattr(status, "state", None) is LinkState.CONNECTED)

    def set_connected(self, connected: bool) -> None:
        for part in (self.scenes, self.outputs, self.mixer, self.preview):
            part.set_connected(connected)
        if not connected:
            self.health.clear()
