"""Audio mixer: one strip per OBS input with audio — live meter, mute toggle, volume in dB."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controllers.obs.client import ObsClient
from controllers.obs.model import AudioInput, ObsSnapshot

from ..models.scene_list_model import plain_tooltip
from .level_meter import LevelMeter

MIN_DB, MAX_DB = -100.0, 26.0
LIVE_STYLE = "QToolButton { color: #2e7d32; font-weight: bold; min-width: 56px; }"
MUTED_STYLE = "QToolButton { color: white; background: #c62828; font-weight: bold; min-width: 56px; }"


class AudioStrip(QWidget):
    """One input's controls. ``objectName``s: ``mute:<input>``, ``volume:<input>``, ``meter:<input>``."""

    def __init__(self, client: ObsClient, audio: AudioInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.name = audio.name
        self.label = QLabel(audio.name, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.meter = LevelMeter(self)
        self.meter.setObjectName(f"meter:{audio.name}")
        self.mute_button = QToolButton(self)
        self.mute_button.setObjectName(f"mute:{audio.name}")
        self.mute_button.setCheckable(True)
        self.mute_button.clicked.connect(self._on_mute_clicked)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName(f"volume:{audio.name}")
        self.slider.setRange(int(MIN_DB * 10), int(MAX_DB * 10))
        self.slider.setPageStep(30)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.db_label = QLabel(self)
        self.db_label.setMinimumWidth(64)
        self.db_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._send_timer = QTimer(self)
        self._send_timer.setSingleShot(True)
        self._send_timer.setInterval(60)
        self._send_timer.timeout.connect(self._send_volume)
        self._updating = False
        self.label.setMinimumWidth(90)
        self.slider.setMinimumWidth(110)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.db_label, 0, 1)
        grid.addWidget(self.mute_button, 0, 2)
        grid.addWidget(self.meter, 1, 0, 1, 2)
        grid.addWidget(self.slider, 1, 2)
        grid.setColumnStretch(0, 1)
        self.show_input(audio)

    def show_input(self, audio: AudioInput) -> None:
        self._updating = True
        self.mute_button.setChecked(audio.muted)
        self.mute_button.setText(self.tr("Muted") if audio.muted else self.tr("Live"))
        self.mute_button.setStyleSheet(MUTED_STYLE if audio.muted else LIVE_STYLE)
        self.mute_button.setToolTip(plain_tooltip(self.tr("Unmute {name}").format(name=audio.name) if audio.muted
                                                  else self.tr("Mute {name}").format(name=audio.name)))
        self.meter.set_muted(audio.muted)
        if not self.slider.isSliderDown() and not self._send_timer.isActive():
            db = max(MIN_DB, min(MAX_DB, audio.volume_db))
            self.slider.setValue(round(db * 10))
        self._show_db(audio.volume_db)
        self._updating = False

    def _show_db(self, db: float) -> None:
        self.db_label.setText("-inf dB" if math.isinf(db) or db <= MIN_DB else f"{db:.1f} dB")

    def _on_mute_clicked(self, checked: bool) -> None:
        self.client.request(self.tr("Mute {name}").format(name=self.name), "SetInputMute",
                            {"inputName": self.name, "inputMuted": checked})
        self.mute_button.setChecked(not checked)  # OBS's InputMuteStateChanged sets the real state

    def _on_slider_moved(self, value: int) -> None:
        if self._updating:
            return
        self._show_db(value / 10)
        self._send_timer.start()

    def _send_volume(self) -> None:
        self.client.request(self.tr("Set volume of {name}").format(name=self.name), "SetInputVolume",
                            {"inputName": self.name, "inputVolumeDb": self.slider.value() / 10})


class AudioMixer(QGroupBox):
    """All audio inputs of OBS; follows the snapshot and the ~20 Hz meters."""

    def __init__(self, client: ObsClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Audio mixer"))
        self.client = client
        self.strips: dict[str, AudioStrip] = {}
        self._strips_layout = QVBoxLayout()
        self._empty = QLabel(self.tr("No audio inputs"), self)
        self._empty.setObjectName("mixerEmpty")
        outer = QVBoxLayout(self)
        outer.addLayout(self._strips_layout)
        outer.addWidget(self._empty)
        outer.addStretch(1)

    def show_snapshot(self, snap: ObsSnapshot) -> None:
        names = [a.name for a in snap.audio_inputs]
        if names != list(self.strips):
            for strip in self.strips.values():
                self._strips_layout.removeWidget(strip)
                strip.deleteLater()
            self.strips = {}
            for audio in snap.audio_inputs:
                strip = AudioStrip(self.client, audio, self)
                self.strips[audio.name] = strip
                self._strips_layout.addWidget(strip)
        else:
            for audio in snap.audio_inputs:
                self.strips[audio.name].show_input(audio)
        self._empty.setVisible(not self.strips)

    def show_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        for name, (magnitude, peak) in levels.items():
            strip = self.strips.get(name)
            if strip is not None:
                strip.meter.set_level(magnitude, peak)

    def set_connected(self, connected: bool) -> None:
        self.setEnabled(connected)
        if not connected:
            for strip in self.strips.values():
                strip.meter.set_level(-math.inf, -math.inf)
