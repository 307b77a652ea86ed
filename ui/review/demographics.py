"""Audience from imported analytics: age and gender shares, top geographies, the retention curve."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from controllers.review.model import Breakdown, SessionReview
from controllers.review.render import labels

from .common import tr

BAR_COLOURS = {"age": "#1f6fb2", "gender": "#7b3fa0", "geography": "#2e7d32"}
TOP_GEOGRAPHIES = 10
#: Which breakdown metric to show when an export has several for a dimension, best first.
METRIC_PREFERENCE = ("views_pct", "watch_time_pct", "audience_pct", "views", "watch_time_hours", "avg_pct_viewed",
                     "avg_view_duration_s")


def metric_labels() -> dict[str, str]:
    """Breakdown metrics as words: the report's labels, plus the ones only imports carry."""
    names = {"views": tr("view count"), "watch_time_hours": tr("watch time (hours)"),
             "avg_pct_viewed": tr("average % viewed"), "avg_view_duration_s": tr("average view duration")}
    names.update(labels.breakdown_metric_labels())
    return names


def value_text(metric: str, value: float) -> str:
    if metric.endswith("_s"):
        return labels.duration(value)
    if metric in ("views",):
        return labels.integer(value)
    return f"{value:.1f}"


class AudienceView(QWidget):
    """``reviewAudience``: bar charts per breakdown (``bars`` keyed by dimension) and ``retention``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewAudience")
        self.empty = QLabel(tr("No audience data for this session. Import the platform's analytics export "
                               "(YouTube Studio, Twitch, Meta) to see age, gender, geography and retention."), self)
        self.empty.setObjectName("reviewAudienceEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #57606a; padding: 12px;")
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("reviewAudienceCharts")
        self.view.viewport().setObjectName("reviewAudienceViewport")
        self.view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.retention: pg.PlotDataItem | None = None
        self.set_review(None)

    def set_review(self, review: SessionReview | None) -> None:
        self.view.clear()
        self.bars = {}
        self.retention = None
        chosen = _pick_breakdowns(review.breakdowns) if review is not None else []
        has_retention = review is not None and review.retention is not None and len(review.retention.t) > 0
        self.empty.setVisible(not chosen and not has_retention)
        self.view.setVisible(bool(chosen) or has_retention)
        for col, breakdown in enumerate(chosen):
            self._bar_plot(breakdown, col)
        if has_retention and review is not None and review.retention is not None:
            plot = self.view.addPlot(row=0, col=len(chosen))
            plot.setTitle(tr("Audience retention"), size="9pt", color="#333333")
            plot.setLabel("bottom", tr("position in the stream (%)"))
            plot.setLabel("left", tr("still watching (%)"))
            plot.getAxis("left").setWidth(48)
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            x = np.asarray(review.retention.t, dtype=np.float64) * 100.0
            self.retention = plot.plot(x, review.retention.v, pen=pg.mkPen("#1f6fb2", width=2),
                                       fillLevel=0, brush=pg.mkBrush(31, 111, 178, 40))
            plot.setXRange(0, 100, padding=0.02)
            plot.setYRange(0, max(100.0, float(np.nanmax(review.retention.v))), padding=0.02)
            plot.setMouseEnabled(x=False, y=False)

    def _bar_plot(self, breakdown: Breakdown, col: int) -> None:
        rows = list(breakdown.rows)
        if breakdown.dimension == "geography":
            rows = sorted(rows, key=lambda r: -r[1])[:TOP_GEOGRAPHIES]
        rows = rows[::-1]  # first row at the top
        plot = self.view.addPlot(row=0, col=col)
        title = labels.dimension_labels().get(breakdown.dimension, breakdown.dimension)
        metric = metric_labels().get(breakdown.metric, breakdown.metric)
        plot.setTitle(f"{title} — {metric}", size="9pt", color="#333333")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        values = np.array([v for _k, v in rows], dtype=np.float64)
        ys = np.arange(len(rows), dtype=np.float64)
        bars = pg.BarGraphItem(x0=np.zeros(len(rows)), y=ys, height=0.7, width=values,
                               brush=BAR_COLOURS.get(breakdown.dimension, "#1f6fb2"), pen=pg.mkPen(None))
        plot.addItem(bars)
        plot.getAxis("left").setTicks([[(float(i), str(k)) for i, (k, _v) in enumerate(rows)]])
        plot.getAxis("left").setTextPen("#333333")
        plot.hideAxis("bottom")
        for i, v in enumerate(values):
            text = pg.TextItem(value_text(breakdown.metric, float(v)), color="#333333", anchor=(0, 0.5))
            text.setPos(float(v), float(i))
            plot.addItem(text)
        plot.setXRange(0, float(values.max()) * 1.18 if len(values) else 1.0, padding=0)
        self.bars[breakdown.dimension] = bars


def _pick_breakdowns(breakdowns: list[Breakdown]) -> list[Breakdown]:
    """One breakdown per dimension (age, gender, geography), preferring views shares."""
    chosen: dict[str, Breakdown] = {}
    for b in breakdowns:
        if not b.rows:
            continue
        current = chosen.get(b.dimension)
        if current is None or _rank(b.metric) < _rank(current.metric):
            chosen[b.dimension] = b
    return [chosen[d] for d in ("age", "gender", "geography") if d in chosen]


def _rank(metric: str) -> int:
    return METRIC_PREFERENCE.index(metric) if metric in METRIC_PREFERENCE else len(METRIC_PREFERENCE)
