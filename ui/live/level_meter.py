"""A horizontal audio level meter (dBFS), painted like OBS's: green, yellow above -20, red above -9."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
YELLOW_DB = -20.0
RED_DB = -9.0


def db_to_fraction(db: float) -> float:
    """-60 dBFS (or silence) → 0.0, 0 dBFS → 1.0."""
    if math.isinf(db) or db <= FLOOR_DB:
        return 0.0
    return min(1.0, (db - FLOOR_DB) / -FLOOR_DB)


class LevelMeter(QWidget):
    """Shows magnitude as a bar and peak as a tick; ``set_level`` is cheap (no layout work)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.magnitude_db = -math.inf
        self.peak_db = -math.inf
        self.muted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def sizeHint(self) -> QSize:
        return QSize(220, 12)

    def set_level(self, magnitude_db: float, peak_db: float) -> None:
        if (magnitude_db, peak_db) != (self.magnitude_db, self.peak_db):
            self.magnitude_db, self.peak_db = magnitude_db, peak_db
            self.update()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("#263238"))
        width = rect.width()
        level = db_to_fraction(self.magnitude_db) * width
        zones = ((FLOOR_DB, YELLOW_DB, "#43a047"), (YELLOW_DB, RED_DB, "#fdd835"), (RED_DB, 0.0, "#e53935"))
        for low, high, colour in zones:
            start = db_to_fraction(low) * width
            end = min(level, db_to_fraction(high) * width)
            if end > start:
                color = QColor(colour)
                if self.muted:
                    color = QColor("#78909c")
                painter.fillRect(QRectF(start, 0, end - start, rect.height()), color)
        peak = db_to_fraction(self.peak_db) * width
        if peak > 0:
            painter.fillRect(QRectF(max(0.0, peak - 2), 0, 2, rect.height()), QColor("#ffffff"))
        painter.end()
