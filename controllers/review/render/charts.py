"""Report charts drawn with QPainter onto QImage (headless; safe off the GUI thread).

Every time-series chart of one report shares the same time span, so a moment lines up across charts.
Series are min–max decimated to pixel columns: a 43,200-point series becomes at most two points per
column, with gaps where a column holds only NaN (OBS outage) or where samples are far apart.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

from ..model import Breakdown, FloatArray, Outage, Series, TimelineEvent
from ._qt import report_families

#: Logical chart size (CSS pixels); images are drawn at ``DPR`` device pixels per logical pixel.
CHART_W, CHART_H = 640.0, 150.0
DPR = 3.0
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 52.0, 12.0, 22.0, 20.0
LABEL_ROW = 11.0                 # marker numbers and scene names above the scene strip
STRIP_TOP, STRIP_H = 13.0, 5.0   # the active scene as a coloured strip
#: Scene switches get full-height dashed lines only while they are at least this far apart (logical px).
SCENE_LINE_MIN_GAP = 12.0

SERIES_COLORS: dict[str, str] = {
    "viewers": "#1f6fb2", "chat_per_minute": "#7b3fa0", "bitrate_kbps": "#1b8a5a",
    "dropped_frames_pct": "#c0392b", "cpu": "#b9770e", "fps": "#2e4053",
}
MARKER_COLOR = QColor("#e8590c")
SCENE_COLOR = QColor(110, 110, 110)
SCENE_PALETTE = tuple(QColor(c) for c in ("#9ecae1", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9",
                                          "#fee391", "#a1d99b"))
OUTAGE_COLOR = QColor(200, 40, 40, 38)
GRID_COLOR = QColor(225, 225, 225)
AXIS_TEXT = QColor(80, 80, 80)

_TIME_STEPS = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)


@dataclass(frozen=True)
class Decimated:
    """Per pixel column: lowest and highest finite value (NaN: none), and whether the column is a gap."""

    lo: FloatArray
    hi: FloatArray
    gap: npt.NDArray[np.bool_]


def decimate(t: FloatArray, v: FloatArray, t0: float, t1: float, columns: int) -> Decimated:
    """Min–max of ``v`` over ``columns`` equal slices of [t0, t1]; ``t`` ascending. O(n) in NumPy."""
    edges = t0 + (t1 - t0) * np.arange(columns + 1, dtype=np.float64) / columns
    edges[-1] = np.nextafter(t1, math.inf)  # the last column includes t1
    idx = np.searchsorted(t, edges, side="left")
    start, stop = int(idx[0]), int(idx[-1])
    lo = np.full(columns, np.nan)
    hi = np.full(columns, np.nan)
    gap = np.zeros(columns, dtype=bool)
    if stop <= start:
        return Decimated(lo, hi, gap)
    vs = v[start:stop]
    finite = np.isfinite(vs)
    local = idx - start
    counts = np.diff(local)
    cum = np.concatenate(([0], np.cumsum(finite)))
    finite_counts = cum[local[1:]] - cum[local[:-1]]
    nonempty = np.flatnonzero(counts > 0)
    starts = local[:-1][nonempty]
    lo[nonempty] = np.minimum.reduceat(np.where(finite, vs, np.inf), starts)
    hi[nonempty] = np.maximum.reduceat(np.where(finite, vs, -np.inf), starts)
    none = finite_counts == 0
    lo[none] = np.nan
    hi[none] = np.nan
    gap[(counts > 0) & none] = True
    return Decimated(lo, hi, gap)


def nice_step(span: float, target: int = 4) -> float:
    """A 1/2/5×10ⁿ step giving about ``target`` intervals over ``span``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / target
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return float(m * mag)
    return float(10 * mag)


def value_range(values: Sequence[FloatArray]) -> tuple[float, float]:
    """Axis range from 0 (or the minimum if negative) to a nice maximum above the data."""
    finite = [a[np.isfinite(a)] for a in values]
    finite = [a for a in finite if a.size]
    if not finite:
        return 0.0, 1.0
    vmin = min(float(a.min()) for a in finite)
    vmax = max(float(a.max()) for a in finite)
    lo = min(0.0, vmin)
    if vmax <= lo:
        vmax = lo + 1.0
    step = nice_step(vmax - lo)
    return (math.floor(lo / step) * step if lo < 0 else 0.0), math.ceil(vmax / step) * step


def format_value(v: float, step: float) -> str:
    """An axis label: thousands as k, decimals only as many as the step needs."""
    if abs(v) >= 10000 and step >= 1000:
        return f"{v / 1000:g}k"
    decimals = 0 if step >= 1 else min(3, int(math.ceil(-math.log10(step))))
    return f"{v:,.{decimals}f}"


def _local(t: float) -> time.struct_time:
    return time.localtime(t)


def time_label(t: float, with_seconds: bool = False) -> str:
    """Local time as H:MM (or H:MM:SS)."""
    lt = _local(t)
    return f"{lt.tm_hour}:{lt.tm_min:02d}:{lt.tm_sec:02d}" if with_seconds else f"{lt.tm_hour}:{lt.tm_min:02d}"


def time_ticks(t0: float, t1: float, max_ticks: int = 7) -> tuple[list[float], bool]:
    """Tick times at round local-clock steps inside [t0, t1], and whether labels need seconds."""
    span = max(t1 - t0, 1.0)
    step = next((s for s in _TIME_STEPS if span / s <= max_ticks), _TIME_STEPS[-1])
    offset = _local(t0).tm_gmtoff
    first = math.ceil((t0 + offset) / step) * step - offset
    ticks = list(np.arange(first, t1 + 1e-6, step, dtype=np.float64))
    return [float(x) for x in ticks], step < 60


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(report_families())
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def new_image(w: float, h: float) -> QImage:
    image = QImage(round(w * DPR), round(h * DPR), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(DPR)
    image.fill(QColor("white"))
    return image


@dataclass(frozen=True)
class ChartImage:
    """A drawn chart and the mapping from time to device-pixel x (for tests and click maps)."""

    image: QImage
    t0: float
    t1: float
    plot: QRectF  # logical coordinates

    def x_for(self, t: float) -> float:
        """Device-pixel x of time ``t``."""
        return (self.plot.left() + (t - self.t0) / (self.t1 - self.t0) * self.plot.width()) * DPR


def series_chart(series: Series | None, t0: float, t1: float, events: Sequence[TimelineEvent] = (),
                 outages: Sequence[Outage] = (), *, color: str = "#1f6fb2", width: float = CHART_W,
                 height: float = CHART_H, no_data: str = "No data") -> ChartImage:
    """One series on [t0, t1] with outage shading, scene switches (dashed, named) and markers (numbered)."""
    if t1 <= t0:
        t1 = t0 + 1.0
    image = new_image(width, height)
    plot = QRectF(MARGIN_L, MARGIN_T, width - MARGIN_L - MARGIN_R, height - MARGIN_T - MARGIN_B)
    chart = ChartImage(image, t0, t1, plot)
    columns = max(1, round(plot.width() * DPR / 2))   # one column per 2 device pixels

    def x_of(t: float) -> float:
        return plot.left() + (t - t0) / (t1 - t0) * plot.width()

    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        small = _font(8.5)
        p.setFont(small)
        fm = QFontMetricsF(small)

        dec = decimate(series.t, series.v, t0, t1, columns) if series is not None and series.t.size else None
        vmin, vmax = value_range([dec.lo, dec.hi]) if dec is not None else (0.0, 1.0)
        step = nice_step(vmax - vmin)

        def y_of(v: float) -> float:
            return plot.bottom() - (v - vmin) / (vmax - vmin) * plot.height()

        # outages first, under everything
        for o in outages:
            a, b = max(o.start, t0), min(o.end, t1)
            if b > a:
                xa, xb = x_of(a), x_of(b)
                p.fillRect(QRectF(xa, plot.top(), max(xb - xa, 1.0), plot.height()), OUTAGE_COLOR)

        # grid and value axis
        p.setPen(QPen(GRID_COLOR, 0.6))
        v = vmin
        while v <= vmax + step * 1e-6:
            y = y_of(v)
            p.setPen(QPen(GRID_COLOR, 0.6))
            p.drawLine(QLineF(plot.left(), y, plot.right(), y))
            p.setPen(AXIS_TEXT)
            label = format_value(v, step)
            p.drawText(QRectF(0, y - 6, plot.left() - 5, 12),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            v += step

        # time axis
        ticks, seconds = time_ticks(t0, t1)
        for t in ticks:
            x = x_of(t)
            p.setPen(QPen(GRID_COLOR, 0.6))
            p.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
            p.setPen(QPen(AXIS_TEXT, 0.8))
            p.drawLine(QLineF(x, plot.bottom(), x, plot.bottom() + 3))
            label = time_label(t, seconds)
            lw = fm.horizontalAdvance(label)
            lx = min(max(x - lw / 2, plot.left() - 4), width - lw - 1)
            p.drawText(QPointF(lx, plot.bottom() + 4 + fm.ascent()), label)
        p.setPen(QPen(AXIS_TEXT, 0.8))
        p.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))

        scenes = [ev for ev in events if ev.kind == "scene"]
        _draw_scene_strip(p, scenes, t0, t1, plot, x_of)
        # the series
        if dec is not None and np.isfinite(dec.hi).any():
            _draw_decimated(p, dec, series, t0, t1, plot, y_of, QColor(color))
        else:
            p.setPen(AXIS_TEXT)
            p.setFont(_font(11))
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), no_data)
            p.setFont(small)

        # markers on top: solid line from the label row down, numbered; scene names where space is left
        taken: list[tuple[float, float]] = []
        bold = _font(8.5, bold=True)
        p.setFont(bold)
        bfm = QFontMetricsF(bold)
        number = 0
        for ev in events:
            if ev.kind != "marker":
                continue
            number += 1
            if not t0 <= ev.t <= t1:
                continue
            x = x_of(ev.t)
            p.setPen(QPen(MARKER_COLOR, 1.0))
            p.drawLine(QLineF(x, LABEL_ROW - 1, x, plot.bottom()))
            text = str(number)
            w = bfm.horizontalAdvance(text)
            if not any(a < x + 2 + w and x + 2 < b for a, b in taken):
                p.drawText(QPointF(x + 2, LABEL_ROW - 2), text)
                taken.append((x + 1, x + 3 + w))
        p.setFont(small)
        p.setPen(SCENE_COLOR)
        for ev in scenes:
            if not t0 <= ev.t <= t1:
                continue
            x = x_of(ev.t)
            name = fm.elidedText(ev.label, Qt.TextElideMode.ElideRight, 80)
            w = fm.horizontalAdvance(name)
            if x + w > width:
                continue
            if not any(a < x + 4 + w and x - 2 < b for a, b in taken):
                p.drawText(QPointF(x, LABEL_ROW - 2), name)
                taken.append((x - 2, x + w + 4))
    finally:
        p.end()
    return chart


def _draw_scene_strip(p: QPainter, scenes: Sequence[TimelineEvent], t0: float, t1: float, plot: QRectF,
                      x_of: Callable[[float], float]) -> None:
    """The active scene as a strip of colours above the plot (one colour per scene name); dashed lines down
    through the plot while switches are few enough to tell apart."""
    colors: dict[str, QColor] = {}
    for ev in scenes:
        colors.setdefault(ev.label, SCENE_PALETTE[len(colors) % len(SCENE_PALETTE)])
    for i, ev in enumerate(scenes):
        end = scenes[i + 1].t if i + 1 < len(scenes) else t1
        a, b = max(ev.t, t0), min(end, t1)
        if b > a:
            xa, xb = x_of(a), x_of(b)
            p.fillRect(QRectF(xa, STRIP_TOP, max(xb - xa, 0.5), STRIP_H), colors[ev.label])
    inside = [x_of(ev.t) for ev in scenes if t0 <= ev.t <= t1]
    gaps = np.diff(np.asarray(inside)) if len(inside) > 1 else np.asarray([math.inf])
    if inside and float(gaps.min()) >= SCENE_LINE_MIN_GAP:
        p.setPen(QPen(SCENE_COLOR, 0.6, Qt.PenStyle.DashLine))
        for x in inside:
            p.drawLine(QLineF(x, STRIP_TOP, x, plot.bottom()))


def _draw_decimated(p: QPainter, dec: Decimated, series: Series | None, t0: float, t1: float, plot: QRectF,
                    y_of: Callable[[float], float], color: QColor) -> None:
    assert series is not None
    columns = dec.lo.size
    col_w = plot.width() / columns
    col_s = (t1 - t0) / columns
    # samples farther apart than 5× the typical interval (and at least 3 columns) leave a gap
    dt = np.diff(series.t)
    typical = float(np.median(dt)) if dt.size else 0.0
    max_empty = min(columns, max(3, math.ceil(5 * typical / col_s))) if math.isfinite(typical) else 3
    has = np.isfinite(dec.hi)
    pen = QPen(color, 1.1)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(color)
    run: list[tuple[float, float, float]] = []   # (x, y of hi, y of lo) of the current unbroken run
    empty_run = 0
    for i in range(columns):
        if dec.gap[i]:
            _flush(p, run)
            empty_run = 0
            continue
        if not has[i]:
            empty_run += 1
            continue
        if empty_run > max_empty:
            _flush(p, run)
        empty_run = 0
        run.append((plot.left() + (i + 0.5) * col_w, y_of(float(dec.hi[i])), y_of(float(dec.lo[i]))))
    _flush(p, run)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _flush(p: QPainter, run: list[tuple[float, float, float]]) -> None:
    """Draw one run: the min–max band filled, its upper and lower edges stroked (one line where lo == hi).

    Filling the band and stroking two smooth edges is far cheaper than stroking a zig-zag through every
    column's min and max, and looks the same.
    """
    if len(run) == 1:
        x, yh, yl = run[0]
        if yh != yl:
            p.drawLine(QLineF(x, yh, x, yl))
        else:   # a lone sample: a dot big enough to see
            pen = p.pen()
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(x, yh), 1.8, 1.8)
            p.setPen(pen)
    elif run:
        upper = [QPointF(x, yh) for x, yh, _ in run]
        lower = [QPointF(x, yl) for x, _, yl in run]
        if any(yh != yl for _, yh, yl in run):
            pen = p.pen()
            p.setPen(Qt.PenStyle.NoPen)
            p.drawPolygon(QPolygonF(upper + lower[::-1]))
            p.setPen(pen)
            p.drawPolyline(QPolygonF(lower))
        p.drawPolyline(QPolygonF(upper))
    run.clear()


def bars_chart(breakdown: Breakdown, *, max_rows: int = 10, width: float = 300.0, color: str = "#1f6fb2",
               unit: str = "%") -> QImage:
    """Horizontal bars, one per (key, value), largest first for geography; keys drawn as given."""
    rows = list(breakdown.rows)
    if breakdown.dimension == "geography":
        rows.sort(key=lambda r: -r[1])
    rows = rows[:max_rows]
    row_h = 15.0
    height = row_h * max(len(rows), 1) + 8
    image = new_image(width, height)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = _font(9)
        p.setFont(font)
        fm = QFontMetricsF(font)
        label_w = min(110.0, max((fm.horizontalAdvance(k) for k, _ in rows), default=20.0) + 6)
        value_w = 46.0
        bar_w = width - label_w - value_w - 4
        top = max((v for _, v in rows), default=0.0)
        scale = bar_w / top if top > 0 else 0.0
        for i, (key, value) in enumerate(rows):
            y = 4 + i * row_h
            p.setPen(AXIS_TEXT)
            name = fm.elidedText(key, Qt.TextElideMode.ElideRight, label_w - 6)
            right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            p.drawText(QRectF(0, y, label_w - 6, row_h), right, name)
            w = max(value, 0.0) * scale
            p.fillRect(QRectF(label_w, y + 2, max(w, 0.5), row_h - 4), QColor(color))
            p.drawText(QRectF(label_w + w + 4, y, value_w, row_h), int(Qt.AlignmentFlag.AlignVCenter),
                       f"{value:.1f}{unit}")
    finally:
        p.end()
    return image


def retention_chart(retention: Series, *, width: float = CHART_W, height: float = 130.0,
                    color: str = "#1f6fb2") -> QImage:
    """Audience retention: x = position in the stream (0–100 %), y = % of audience still watching."""
    image = new_image(width, height)
    plot = QRectF(MARGIN_L, 8, width - MARGIN_L - MARGIN_R, height - 8 - MARGIN_B)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = _font(8.5)
        p.setFont(font)
        fm = QFontMetricsF(font)
        finite = np.isfinite(retention.v) & np.isfinite(retention.t)
        t, v = retention.t[finite], retention.v[finite]
        vmax = max(100.0, float(v.max()) if v.size else 0.0)
        vmax = math.ceil(vmax / 25) * 25

        def xy(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + x * plot.width(), plot.bottom() - y / vmax * plot.height())

        for k in range(0, int(vmax) + 1, 25):
            y = plot.bottom() - k / vmax * plot.height()
            p.setPen(QPen(GRID_COLOR, 0.6))
            p.drawLine(QLineF(plot.left(), y, plot.right(), y))
            p.setPen(AXIS_TEXT)
            p.drawText(QRectF(0, y - 6, plot.left() - 5, 12),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{k} %")
        for k in range(0, 101, 25):
            x = plot.left() + k / 100 * plot.width()
            p.setPen(AXIS_TEXT)
            label = f"{k} %"
            p.drawText(QPointF(min(x - fm.horizontalAdvance(label) / 2, width - fm.horizontalAdvance(label)),
                               plot.bottom() + 4 + fm.ascent()), label)
        p.setPen(QPen(AXIS_TEXT, 0.8))
        p.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
        if t.size:
            p.setPen(QPen(QColor(color), 1.4))
            p.drawPolyline(QPolygonF([xy(float(a), float(b)) for a, b in zip(t, v, strict=True)]))
    finally:
        p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; only str works
        raise ValueError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())
