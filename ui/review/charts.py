"""The review's time-series charts: one column of plots sharing a local-time X axis.

Viewers, chat per minute, bitrate, dropped frames, CPU and FPS; scene switches (thin lines), OBS
outages and stream reconnects (shaded), operator markers (dashed lines, the note as tooltip), a
playback cursor, a hover readout, zoom/pan on X (mouse wheel / drag) and "Reset zoom". Long series
(43,200 points) are drawn with pyqtgraph's peak downsampling and clip-to-view.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from controllers.review.model import CHART_SERIES, SessionReview, TimelineEvent
from controllers.review.render import labels

from .common import tr

COLOURS = {"viewers": "#1f6fb2", "chat_per_minute": "#7b3fa0", "bitrate_kbps": "#2e7d32",
           "dropped_frames_pct": "#c62828", "cpu": "#ef6c00", "fps": "#00838f"}
SCENE_COLOUR = "#9e9e9e"
MARKER_COLOUR = "#e65100"
OUTAGE_COLOUR = (198, 40, 40, 45)
CURSOR_COLOUR = "#d50000"
AXIS_WIDTH = 62


class VLines(pg.GraphicsObject):  # type: ignore[misc]
    """Vertical lines at ``xs`` across the whole visible Y range: one item for hundreds of lines.

    With ``notes`` the line under the mouse (±4 px) shows its note as the tooltip.
    """

    def __init__(self, xs: np.ndarray, colour: str, *, notes: list[str] | None = None, dashed: bool = False,
                 width: float = 1.0) -> None:
        super().__init__()
        order = np.argsort(np.asarray(xs, dtype=np.float64), kind="stable")
        self.xs = np.asarray(xs, dtype=np.float64)[order]
        self.notes = [notes[i] for i in order] if notes is not None else None
        self._pen = QPen(QColor(colour))
        self._pen.setCosmetic(True)
        self._pen.setWidthF(width)
        if dashed:
            self._pen.setStyle(Qt.PenStyle.DashLine)
        self.setZValue(-5 if notes is None else 10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(notes is not None)

    def viewRangeChanged(self) -> None:  # noqa: N802 (pyqtgraph hook)
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:  # noqa: N802
        vb = self.getViewBox()
        return QRectF() if vb is None else vb.viewRect()

    def dataBounds(self, *_: Any, **__: Any) -> None:  # noqa: N802 (never drives auto-range)
        return None

    def paint(self, p: QPainter, *_: Any) -> None:
        vb = self.getViewBox()
        if vb is None or not len(self.xs):
            return
        r = vb.viewRect()
        lo, hi = np.searchsorted(self.xs, [r.left(), r.right()])
        p.setPen(self._pen)
        p.drawLines([QLineF(x, r.top(), x, r.bottom()) for x in self.xs[lo:hi]])

    def note_near(self, x: float, tolerance: float) -> str | None:
        """The note of the line nearest ``x`` within ``tolerance`` (data units), else None."""
        if self.notes is None or not len(self.xs):
            return None
        i = int(np.argmin(np.abs(self.xs - x)))
        return self.notes[i] if abs(self.xs[i] - x) <= tolerance else None

    def hoverMoveEvent(self, event: Any) -> None:  # noqa: N802
        width = self.pixelWidth() or 0.0
        note = self.note_near(float(event.pos().x()), 4 * width)
        self.setToolTip(note or "")


class CompactAxis(pg.AxisItem):  # type: ignore[misc]
    """A value axis for short charts: pyqtgraph always labels at least three major ticks, which on a
    chart 40–80 px tall overlap ("60/40/20" drawn on top of each other); this one labels one tick per
    ``MIN_LABEL_PX`` at most."""

    MIN_LABEL_PX = 20

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803
        levels = super().tickValues(minVal, maxVal, size)
        if not levels or size <= 0:
            return levels
        spacing, values = levels[0]
        values = list(values)
        most = max(1, int(size // self.MIN_LABEL_PX))
        if len(values) <= most:
            return levels
        step = -(-len(values) // most)
        middle = len(values) // 2  # keep the middle tick, so a label always stays in view
        return [(spacing * step, [v for i, v in enumerate(values) if (i - middle) % step == 0])]


class _ChartView(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """The plots' canvas; says when it has painted (the benchmark waits for that)."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()


def chart_titles() -> dict[str, str]:
    return labels.chart_titles()


class TimelineCharts(QWidget):
    """``reviewCharts`` (the canvas), ``reviewResetZoom``, ``reviewHoverReadout``.

    Signals: ``momentClicked(float)`` — Unix seconds of a left click on any chart;
    ``painted()`` — the canvas has painted.
    """

    momentClicked = Signal(float)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewChartsPanel")
        self.view = _ChartView(self)
        self.view.setObjectName("reviewCharts")
        self.view.viewport().setObjectName("reviewChartsViewport")
        self.view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop for the charts, not two
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setBackground("w")
        self.view.ci.layout.setSpacing(2)
        self.view.ci.setContentsMargins(4, 4, 8, 4)
        self.view.painted.connect(self.painted)
        self.reset_button = QPushButton(tr("Reset zoom"), self)
        self.reset_button.setObjectName("reviewResetZoom")
        self.reset_button.setToolTip(tr("Show the whole session (wheel: zoom, drag: pan)"))
        self.reset_button.clicked.connect(self.reset_zoom)
        self.readout = QLabel(self)
        self.readout.setObjectName("reviewHoverReadout")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setMinimumWidth(100)
        self.has_video = True
        self.readout.setText(self.hint())
        self.readout.setStyleSheet("color: #1f2328;")
        self.legend = QLabel(self)
        self.legend.setObjectName("reviewChartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._set_legend()
        self.legend.setStyleSheet("color: #57606a;")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.readout)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.scene_lines: dict[str, VLines] = {}
        self.marker_lines: dict[str, VLines] = {}
        self.outage_regions: dict[str, list[pg.LinearRegionItem]] = {}
        self.cursors: dict[str, pg.InfiniteLine] = {}
        self.review: SessionReview | None = None
        self.span = (0.0, 1.0)
        self._scenes: list[TimelineEvent] = []
        self._markers: list[TimelineEvent] = []
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.view.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._build_plots()

    def hint(self) -> str:
        """The readout's text before the first hover (it mentions the recording only when there is one)."""
        if self.has_video:
            return tr("Hover over the charts for values; click a moment to see it in the recording.")
        return tr("Hover over the charts for values; wheel to zoom, drag to pan.")

    def set_has_video(self, has_video: bool) -> None:
        """Whether a recording follows the charts: the hint and the legend's "video position" follow it."""
        if has_video == self.has_video:
            return
        hinting = self.readout.text() in ("", self.hint())
        self.has_video = has_video
        if hinting:
            self.readout.setText(self.hint())
        self._set_legend()

    def _set_legend(self) -> None:
        text = (f'<span style="color:{SCENE_COLOUR}">│</span> {tr("scene switch")} &nbsp; '
                f'<span style="color:{MARKER_COLOUR}">┆</span> {tr("marker")} &nbsp; '
                f'<span style="color:#c62828">▇</span> {tr("outage")}')
        if self.has_video:
            text += f' &nbsp; <span style="color:{CURSOR_COLOUR}">│</span> {tr("video position")}'
        self.legend.setText(text)

    # -- construction --------------------------------------------------------------------------

    def _build_plots(self) -> None:
        titles = chart_titles()
        first: pg.PlotItem | None = None
        for row, key in enumerate(CHART_SERIES):
            axis = pg.DateAxisItem(orientation="bottom")
            plot = self.view.addPlot(row=row, col=0, axisItems={"bottom": axis, "left": CompactAxis("left")})
            plot.setTitle(titles.get(key, key), size="9pt", justify="left", color="#333333")
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.vb.setMouseEnabled(x=True, y=False)
            plot.setAutoVisible(y=True)
            plot.enableAutoRange(y=True)
            left = plot.getAxis("left")
            left.setWidth(AXIS_WIDTH)
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen("#444444")
                plot.getAxis(name).setPen("#999999")
            if row < len(CHART_SERIES) - 1:
                axis.setStyle(showValues=False)
                axis.setHeight(4)
            curve = plot.plot([], [], pen=pg.mkPen(COLOURS.get(key, "#333333"), width=1.3), connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(CURSOR_COLOUR, width=1.5))
            cursor.setZValue(20)
            cursor.hide()
            plot.addItem(cursor, ignoreBounds=True)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            self.plots[key] = plot
            self.curves[key] = curve
            self.cursors[key] = cursor

    # -- data ------------------------------------------------------------------------------------

    def clear(self) -> None:
        self.review = None
        for key, plot in self.plots.items():
            self.curves[key].setData([], [])
            self._drop_overlays(key, plot)
            self.cursors[key].hide()
        self.readout.clear()

    def _drop_overlays(self, key: str, plot: pg.PlotItem) -> None:
        if key in self.scene_lines:
            plot.removeItem(self.scene_lines.pop(key))
        if key in self.marker_lines:
            plot.removeItem(self.marker_lines.pop(key))
        for region in self.outage_regions.pop(key, []):
            plot.removeItem(region)

    def set_review(self, review: SessionReview) -> None:
        """Draw the review's series and overlays; the X range becomes the whole session."""
        self.review = review
        t0, t1 = review.started_at, max(review.ended_at, review.started_at + 1.0)
        self.span = (t0, t1)
        self._scenes = [e for e in review.events if e.kind == "scene"]
        self._markers = [e for e in review.events if e.kind == "marker"]
        scene_xs = np.array([e.t for e in self._scenes], dtype=np.float64)
        marker_xs = np.array([e.t for e in self._markers], dtype=np.float64)
        marker_notes = [marker_tooltip(e) for e in self._markers]
        for key, plot in self.plots.items():
            self._drop_overlays(key, plot)
            series = review.series.get(key)
            if series is not None and len(series.t):
                self.curves[key].setData(series.t, series.v, connect="finite")
            else:
                self.curves[key].setData([], [])
            plot.setLimits(xMin=t0 - (t1 - t0) * 0.05, xMax=t1 + (t1 - t0) * 0.05)
            lines = VLines(scene_xs, SCENE_COLOUR)
            plot.addItem(lines, ignoreBounds=True)
            self.scene_lines[key] = lines
            regions = []
            for outage in review.outages:
                region = pg.LinearRegionItem((outage.start, outage.end), movable=False,
                                             brush=pg.mkBrush(*OUTAGE_COLOUR), pen=pg.mkPen(None))
                region.setZValue(-10)
                region.setToolTip(tr("Outage {start} – {end}").format(start=labels.clock(outage.start),
                                                                    end=labels.clock(outage.end)))
                plot.addItem(region, ignoreBounds=True)
                regions.append(region)
            self.outage_regions[key] = regions
            markers = VLines(marker_xs, MARKER_COLOUR, notes=marker_notes, dashed=True, width=1.5)
            plot.addItem(markers, ignoreBounds=True)
            self.marker_lines[key] = markers
        self.reset_zoom()

    def reset_zoom(self) -> None:
        t0, t1 = self.span
        for plot in self.plots.values():
            plot.enableAutoRange(y=True)
        first = next(iter(self.plots.values()))
        first.setXRange(t0, t1, padding=0.01)

    def x_range(self) -> tuple[float, float]:
        (lo, hi), _ = next(iter(self.plots.values())).vb.viewRange()
        return float(lo), float(hi)

    # -- cursor ------------------------------------------------------------------------------------

    def set_cursor(self, t: float | None) -> None:
        """Move the playback cursor to ``t`` (Unix seconds) on every chart; None hides it."""
        for cursor in self.cursors.values():
            if t is None:
                cursor.hide()
            else:
                cursor.setValue(t)
                cursor.show()

    def cursor_t(self) -> float | None:
        cursor = next(iter(self.cursors.values()))
        return float(cursor.value()) if cursor.isVisible() else None

    # -- mouse -------------------------------------------------------------------------------------

    def _time_at(self, scene_pos: QPointF) -> float | None:
        for plot in self.plots.values():
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                return float(plot.vb.mapSceneToView(scene_pos).x())
        return None

    def scene_pos_for(self, key: str, t: float) -> QPointF:
        """Where ``t`` is on chart ``key`` (scene coordinates, vertically centred)."""
        vb = self.plots[key].vb
        (_x, (y0, y1)) = vb.viewRange()
        return QPointF(vb.mapViewToScene(QPointF(t, (y0 + y1) / 2)))

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        t = self._time_at(event.scenePos())
        if t is not None and self.review is not None:
            self.momentClicked.emit(t)

    def _on_mouse_moved(self, pos: QPointF) -> None:
        t = self._time_at(pos)
        if t is None or self.review is None:
            return
        self.readout.setText(self.readout_text(t))

    def readout_text(self, t: float) -> str:
        """Time, each series' value at ``t``, the scene on program, a marker nearby."""
        assert self.review is not None
        parts = [time.strftime("%H:%M:%S", time.localtime(t))]
        short = {"viewers": tr("viewers"), "chat_per_minute": tr("chat/min"), "bitrate_kbps": tr("kbit/s"),
                 "dropped_frames_pct": tr("dropped %"), "cpu": tr("CPU %"), "fps": tr("fps")}
        for key in CHART_SERIES:
            series = self.review.series.get(key)
            if series is None or not len(series.t):
                continue
            i = int(np.searchsorted(series.t, t))
            if i >= len(series.t) or (i > 0 and t - series.t[i - 1] < series.t[i] - t):
                i -= 1
            i = max(i, 0)
            value = float(series.v[i])
            if abs(series.t[i] - t) > 120 or value != value:
                continue
            parts.append(f"{short[key]} {value:,.1f}" if value % 1 else f"{short[key]} {value:,.0f}")
        scene = None
        for event in self._scenes:
            if event.t > t:
                break
            scene = event.label
        if scene:
            parts.append(tr("scene: {name}").format(name=scene))
        lo, hi = self.x_range()
        near = (hi - lo) * 0.01
        for marker in self._markers:
            if abs(marker.t - t) <= near:
                parts.append(tr("marker: {note}").format(note=marker.label or "—"))
                break
        return "  ·  ".join(parts)


def marker_tooltip(marker: TimelineEvent) -> str:
    when = time.strftime("%H:%M:%S", time.localtime(marker.t))
    return f"{when} — {marker.label}" if marker.label else tr("{time} — marker (no note)").format(time=when)
