"""The report as one HTML document (shared by the HTML file and the PDF) and its figures.

Everything that comes from the session or an import (title, notes, marker notes, scene names, file
names, breakdown keys) is untrusted and goes through :func:`html.escape`; chart text is drawn as pixels.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import numpy as np
from PySide6.QtGui import QImage

from ..model import CHART_SERIES, SessionReview
from . import charts
from ._qt import tr
from .labels import (
    GROUPS,
    breakdown_metric_labels,
    chart_titles,
    clock,
    comparison_labels,
    dimension_labels,
    duration,
    fmt,
    formatter,
    group_titles,
    kind_labels,
    light_labels,
    local_datetime,
    metric_labels,
    status_labels,
)

LIGHT_COLORS = {"green": "#2e7d32", "yellow": "#f2c200", "red": "#c62828"}
LIGHT_TEXT = {"green": "#ffffff", "yellow": "#202020", "red": "#ffffff"}
GOAL_COLORS = {True: "#2e7d32", False: "#c62828", None: "#9e9e9e"}
#: Report keys in the comparison table, in order.
COMPARISON_KEYS = ("duration_s", "peak_viewers", "avg_viewers", "hours_watched", "chat_messages",
                   "engagement_rate", "dropped_frames_pct")
CHARTS_PER_PAGE = 4
CSS_FONTS = "'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', 'PingFang TC', 'Noto Sans', sans-serif"


@dataclass(frozen=True)
class Figure:
    """An image for the document: ``name`` is its resource name, width/height in CSS pixels."""

    name: str
    image: QImage
    width: float
    height: float
    alt: str


def time_span(review: SessionReview) -> tuple[float, float]:
    """The charts' shared time span: the session, widened to cover every series."""
    starts = [review.started_at] if review.started_at else []
    ends = [review.ended_at] if review.ended_at and review.ended_at > review.started_at else []
    for s in review.series.values():
        finite = s.t[np.isfinite(s.t)]
        if finite.size:
            starts.append(float(finite[0]))
            ends.append(float(finite[-1]))
    t0 = min(starts) if starts else 0.0
    t1 = max(ends) if ends else t0 + 1.0
    return t0, max(t1, t0 + 1.0)


def series_figures(review: SessionReview) -> dict[str, charts.ChartImage]:
    """One chart per CHART_SERIES key that has data, all on the same time span."""
    t0, t1 = time_span(review)
    out: dict[str, charts.ChartImage] = {}
    for key in CHART_SERIES:
        series = review.series.get(key)
        if series is None or not series.t.size:
            continue
        out[key] = charts.series_chart(series, t0, t1, review.events, review.outages,
                                       color=charts.SERIES_COLORS.get(key, "#1f6fb2"), no_data=tr("No data"))
    return out


def figures(review: SessionReview) -> list[Figure]:
    """Every image of the report: series charts, retention, one bar chart per breakdown."""
    titles = chart_titles()
    result = [Figure(f"chart-{key}", c.image, charts.CHART_W, charts.CHART_H, titles.get(key, key))
              for key, c in series_figures(review).items()]
    if review.retention is not None and review.retention.t.size:
        image = charts.retention_chart(review.retention)
        result.append(Figure("chart-retention", image, image.width() / charts.DPR, image.height() / charts.DPR,
                             tr("Audience retention")))
    for i, b in enumerate(review.breakdowns):
        if b.rows:
            image = charts.bars_chart(b, unit="" if not b.metric.endswith("pct") else "%")
            result.append(Figure(f"bars-{i}", image, image.width() / charts.DPR, image.height() / charts.DPR,
                                 ", ".join(f"{k}: {v:.1f}" for k, v in b.rows[:10])))
    return result


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _img(fig: Figure, src: str) -> str:
    return (f'<img src="{_e(src)}" width="{round(fig.width)}" height="{round(fig.height)}" '
            f'alt="{_e(fig.alt)}">')


def _badge(text: str, bg: str, fg: str = "#ffffff") -> str:
    return f'<td class="badge" bgcolor="{bg}" style="background-color:{bg}; color:{fg}">{_e(text)}</td>'


STYLE = f"""
body {{ font-family: {CSS_FONTS}; font-size: 10pt; color: #202020; }}
h1 {{ font-size: 18pt; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; margin-top: 16px; margin-bottom: 4px; color: #1f3b57; }}
h3 {{ font-size: 10.5pt; margin-top: 10px; margin-bottom: 2px; }}
p.meta {{ color: #606060; margin-top: 0; }}
p.muted {{ color: #707070; }}
table {{ border-collapse: collapse; margin-bottom: 6px; }}
th {{ text-align: left; background-color: #eef2f6; font-weight: 600; }}
td.num {{ text-align: right; }}
td.badge {{ text-align: center; font-weight: 600; }}
table.small {{ font-size: 8.5pt; }}
tr.this {{ font-weight: 700; background-color: #f6f8e8; }}
p.footer {{ color: #808080; font-size: 8pt; margin-top: 18px; }}
img {{ max-width: 100%; height: auto; }}
"""

_TABLE = '<table cellspacing="0" cellpadding="4" border="1" style="border-color:#d0d7de; border-style:solid"'


def build_html(review: SessionReview, sources: Mapping[str, str], figs: list[Figure], *, lang: str = "en",
               generated_at: float | None = None) -> str:
    """The whole report. ``sources`` maps each figure name to its ``src`` (data URI or resource name)."""
    labels = metric_labels()
    by_name = {f.name: f for f in figs}
    title = review.title.strip() or tr("Untitled session")
    parts: list[str] = [
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        f"<title>{_e(title)} — {_e(tr('Session report'))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        '<p class="meta">' + _e(tr("OnAir session report")) + " · "
        + _e(tr("Session {id}").format(id=review.session_id)) + " · " + _e(review.platform or "—")
        + " · " + _e(kind_labels().get(review.kind, review.kind))
        + " · " + _e(status_labels().get(review.status, review.status)) + "</p>",
    ]
    # ---- facts
    facts = [(tr("Started"), local_datetime(review.started_at) if review.started_at else "—"),
             (tr("Ended"), local_datetime(review.ended_at) if review.ended_at > review.started_at else "—"),
             (tr("Duration"), duration(max(0.0, review.ended_at - review.started_at))
              if review.ended_at > review.started_at else "—")]
    if review.recording_path:
        facts.append((tr("Recording"), review.recording_path))
    parts.append(_TABLE + ">")
    parts += [f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts]
    parts.append("</table>")

    # ---- notes
    parts.append(f"<h2>{_e(tr('Notes'))}</h2>")
    if review.notes.strip():
        parts.append("<p>" + "<br>".join(_e(line) for line in review.notes.strip().splitlines()) + "</p>")
    else:
        parts.append(f'<p class="muted">{_e(tr("No notes."))}</p>')

    has_values = any(v is not None for v in review.indicators.values())
    if not review.series and not has_values and not review.imported:
        parts.append(f'<p class="muted"><b>{_e(tr("No data"))}:</b> '
                     f'{_e(tr("this session has no samples, chat, viewer counts or imported analytics."))}</p>')

    # ---- indicators
    parts.append(f"<h2>{_e(tr('Indicators'))}</h2>")
    lights = light_labels()
    groups = group_titles()
    for group, keys in GROUPS:
        parts.append(f"<h3>{_e(groups[group])}</h3>")
        parts.append(_TABLE + ' width="100%">')
        parts.append(f'<tr><th width="55%">{_e(tr("Indicator"))}</th><th width="25%">{_e(tr("Value"))}</th>'
                     f'<th width="20%">{_e(tr("Status"))}</th></tr>')
        for key in keys:
            value = review.indicators.get(key)
            shown = fmt(value, formatter(key))
            if key == "paid_amount" and value is not None and review.paid_currency:
                shown += f" {review.paid_currency}"
            light = review.lights.get(key)
            status = _badge(lights[light], LIGHT_COLORS[light], LIGHT_TEXT[light]) if light else "<td></td>"
            source = review.sources.get(key, "")
            note = f' <span style="color:#808080">({_e(source)})</span>' if source.startswith("import") else ""
            parts.append(f"<tr><td>{_e(labels.get(key, key))}{note}</td>"
                         f'<td class="num" align="right">{_e(shown)}</td>{status}</tr>')
        parts.append("</table>")

    # ---- goals
    parts.append(f"<h2>{_e(tr('Goals'))}</h2>")
    if not review.goals:
        parts.append(f'<p class="muted">{_e(tr("No goals were set for this session."))}</p>')
    else:
        met_text = {True: tr("Met"), False: tr("Not met"), None: tr("No data")}
        parts.append(_TABLE + ' width="100%">')
        parts.append(f'<tr><th width="45%">{_e(tr("Goal"))}</th><th width="17%">{_e(tr("Target"))}</th>'
                     f'<th width="18%">{_e(tr("Result"))}</th><th width="20%">{_e(tr("Status"))}</th></tr>')
        for g in review.goals:
            f = formatter(g.goal.metric)
            op = "≥" if g.goal.op == ">=" else "≤"
            parts.append(f"<tr><td>{_e(labels.get(g.goal.metric, g.goal.metric))}</td>"
                         f'<td class="num" align="right">{_e(op)} {_e(f(g.goal.target))}</td>'
                         f'<td class="num" align="right">{_e(fmt(g.actual, f))}</td>'
                         + _badge(met_text[g.met], GOAL_COLORS[g.met]) + "</tr>")
        parts.append("</table>")

    # ---- charts
    chart_figs = [(key, by_name.get(f"chart-{key}")) for key in CHART_SERIES]
    shown_charts = [(k, f) for k, f in chart_figs if f is not None]
    # A4 holds the section heading and four charts; breaks keep each chart with its heading.
    brk = ' style="page-break-before: always"'
    parts.append(f"<h2{brk if shown_charts else ''}>{_e(tr('Timeline'))}</h2>")
    if not shown_charts:
        parts.append(f'<p class="muted"><b>{_e(tr("No data"))}:</b> '
                     f'{_e(tr("there is no time-series data to chart for this session."))}</p>')
    else:
        t0, t1 = time_span(review)
        parts.append('<p class="muted">' + _e(tr("Local time {start} to {end}. Coloured strip: the active scene "
                                               "(dashed lines at switches when they are few); orange lines: "
                                               "markers (numbered); red shading: OBS outages.")
                                            .format(start=clock(t0), end=clock(t1))) + "</p>")
        titles = chart_titles()
        for i, (key, fig) in enumerate(shown_charts):
            assert fig is not None
            parts.append(f"<h3{brk if i and i % CHARTS_PER_PAGE == 0 else ''}>{_e(titles.get(key, key))}</h3>"
                         f"<p>{_img(fig, sources[fig.name])}</p>")
        missing = [titles[k] for k, f in chart_figs if f is None]
        if missing:
            parts.append('<p class="muted">' + _e(tr("No data for: {charts}.").format(charts=", ".join(missing)))
                         + "</p>")

    markers = [ev for ev in review.events if ev.kind == "marker"]
    if markers:
        parts.append(f"<h3>{_e(tr('Markers'))}</h3>")
        parts.append(_TABLE + ' width="100%">')
        parts.append(f"<tr><th>#</th><th>{_e(tr('Time'))}</th><th>{_e(tr('Into the session'))}</th>"
                     f"<th>{_e(tr('Note'))}</th></tr>")
        for i, ev in enumerate(markers, 1):
            parts.append(f'<tr><td>{i}</td><td>{_e(clock(ev.t))}</td><td>{_e(duration(ev.t - review.started_at))}'
                         f"</td><td>{_e(ev.label)}</td></tr>")
        parts.append("</table>")

    # ---- retention and demographics
    if "chart-retention" in by_name:
        fig = by_name["chart-retention"]
        parts.append(f"<h2>{_e(tr('Audience retention'))}</h2>")
        parts.append('<p class="muted">' + _e(tr("Share of the audience still watching, by position in the stream."))
                     + f"</p><p>{_img(fig, sources[fig.name])}</p>")
    bars = [(b, by_name[f"bars-{i}"]) for i, b in enumerate(review.breakdowns) if f"bars-{i}" in by_name]
    if bars:
        parts.append(f"<h2>{_e(tr('Demographics'))}</h2>")
        dims, metrics = dimension_labels(), breakdown_metric_labels()
        for b, fig in bars:
            head = f"{dims.get(b.dimension, b.dimension)} — {metrics.get(b.metric, b.metric)}"
            if b.platform:
                head += f" ({b.platform})"
            parts.append(f"<h3>{_e(head)}</h3><p>{_img(fig, sources[fig.name])}</p>")

    # ---- imported analytics
    if review.imported or review.imports:
        parts.append(f"<h2>{_e(tr('Imported analytics'))}</h2>")
        if review.imported:
            parts.append(_TABLE + ' width="100%">')
            parts.append(f"<tr><th>{_e(tr('Metric'))}</th><th>{_e(tr('Value'))}</th></tr>")
            for key, value in review.imported.items():
                parts.append(f'<tr><td>{_e(labels.get(key, key))}</td><td class="num" align="right">'
                             f"{_e(fmt(value, formatter(key)))}</td></tr>")
            parts.append("</table>")
        if review.imports:
            parts.append(f"<h3>{_e(tr('Imported files'))}</h3>" + _TABLE + ' width="100%">')
            parts.append(f"<tr><th>{_e(tr('File'))}</th><th>{_e(tr('Platform'))}</th><th>{_e(tr('Kind'))}</th>"
                         f"<th>{_e(tr('Imported on'))}</th></tr>")
            for imp in review.imports:
                at = imp.get("imported_at")
                parts.append(f"<tr><td>{_e(imp.get('source_name', ''))}</td><td>{_e(imp.get('platform', ''))}</td>"
                             f"<td>{_e(imp.get('kind', ''))}</td>"
                             f"<td>{_e(local_datetime(float(at)) if isinstance(at, int | float) else '—')}</td></tr>")
            parts.append("</table>")

    # ---- comparison
    parts.append(f"<h2>{_e(tr('Comparison with previous sessions'))}</h2>")
    if not review.comparison:
        parts.append(f'<p class="muted">{_e(tr("There are no earlier sessions on this platform to compare with."))}'
                     "</p>")
    else:
        parts.append(_TABLE + ' width="100%" class="small">')
        short = comparison_labels()
        head = "".join(f"<th>{_e(short[k])}</th>" for k in COMPARISON_KEYS)
        parts.append(f'<tr><th width="12%">{_e(tr("Started"))}</th><th>{_e(tr("Title"))}</th>{head}</tr>')
        for row in review.comparison:
            cells = "".join(f'<td class="num" align="right">{_e(fmt(row.values.get(k), formatter(k)))}</td>'
                            for k in COMPARISON_KEYS)
            parts.append(f"<tr><td nowrap>{_e(time.strftime('%Y-%m-%d', time.localtime(row.started_at)))}</td>"
                         f"<td>{_e(row.title or tr('Untitled session'))}</td>{cells}</tr>")
        avg_cells = ""
        for k in COMPARISON_KEYS:
            vals = [v for r in review.comparison if (v := r.values.get(k)) is not None]
            avg_cells += (f'<td class="num" align="right">'
                          f"{_e(fmt(sum(vals) / len(vals) if vals else None, formatter(k)))}</td>")
        parts.append(f"<tr><td></td><td><i>{_e(tr('Average of previous'))}</i></td>{avg_cells}</tr>")
        cells = "".join(f'<td class="num" align="right"><b>{_e(fmt(review.indicators.get(k), formatter(k)))}</b></td>'
                        for k in COMPARISON_KEYS)
        parts.append(f'<tr class="this" style="background-color:#f6f8e8"><td nowrap><b>'
                     f"{_e(time.strftime('%Y-%m-%d', time.localtime(review.started_at)))}</b></td>"
                     f"<td><b>{_e(tr('This session'))}</b></td>{cells}</tr>")
        parts.append("</table>")

    stamp = local_datetime(generated_at if generated_at is not None else time.time())
    parts.append(f'<p class="footer">{_e(tr("Generated by OnAir on {time}.").format(time=stamp))}</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)
