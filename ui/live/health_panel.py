"""Stream health at a glance, coloured like OBS's stats dock."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from controllers.obs.model import HealthStats, Level, congestion_level, disk_level, frames_level

LEVEL_STYLE = {Level.OK: "color: #2e7d32;", Level.WARNING: "color: #f9a825; font-weight: bold;",
               Level.ERROR: "color: #c62828; font-weight: bold;"}
FIELDS = ("fps", "cpu", "memory", "render", "encoder", "network", "bitrate", "congestion", "disk", "reconnecting")


class HealthPanel(QGroupBox):
    """Value labels are named ``health:<field>`` for tests and automation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Health"))
        titles = {
            "fps": self.tr("FPS"), "cpu": self.tr("CPU"), "memory": self.tr("Memory"),
            "render": self.tr("Render-skipped frames"), "encoder": self.tr("Encoder-skipped frames"),
            "network": self.tr("Network-dropped frames"), "bitrate": self.tr("Bitrate"),
            "congestion": self.tr("Congestion"), "disk": self.tr("Free disk"),
            "reconnecting": self.tr("Stream link"),
        }
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for field in FIELDS:
            label = QLabel("–", self)
            label.setObjectName(f"health:{field}")
            self.values[field] = label
            form.addRow(titles[field], label)

    def _set(self, field: str, text: str, level: Level | None = None) -> None:
        label = self.values[field]
        label.setText(text)
        label.setStyleSheet(LEVEL_STYLE[level] if level else "")

    def clear(self) -> None:
        for field in FIELDS:
            self._set(field, "–")

    def show_stats(self, s: HealthStats) -> None:
        self._set("fps", f"{s.active_fps:.2f}")
        self._set("cpu", f"{s.cpu_usage:.1f} %")
        self._set("memory", f"{s.memory_mb:.0f} MB")
        self._set("render", self._frames(s.render_skipped, s.render_total), frames_level(s.render_skipped_pct))
        self._set("encoder", self._frames(s.encoder_skipped, s.encoder_total),
                  frames_level(s.encoder_skipped_pct))
        if s.stream_active:
            self._set("network", self._frames(s.network_dropped, s.network_total),
                      frames_level(s.network_dropped_pct))
            rate = "…" if s.bitrate_kbps is None else f"{s.bitrate_kbps:,.0f} kb/s"
            self._set("bitrate", rate, Level.ERROR if s.bitrate_kbps == 0 else None)
            self._set("congestion", f"{s.congestion * 100:.0f} %", congestion_level(s.congestion))
            self._set("reconnecting", self.tr("Reconnecting…") if s.stream_reconnecting else self.tr("OK"),
                      Level.ERROR if s.stream_reconnecting else Level.OK)
        else:
            for field in ("network", "bitrate", "congestion"):
                self._set(field, "–")
            self._set("reconnecting", self.tr("Not streaming"))
        self._set("disk", f"{s.available_disk_mb / 1024:,.1f} GB", disk_level(s.available_disk_mb))

    @staticmethod
    def _frames(skipped: int, total: int) -> str:
        pct = 100.0 * skipped / total if total else 0.0
        return f"{skipped:,} / {total:,} ({pct:.1f} %)"
