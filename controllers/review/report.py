"""The review as data: a JSON report with stable keys and a folder of CSV files (docs/REVIEW.md).

Files are written to a temporary file beside the target and renamed, so a failed export leaves no
half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from .indicators import minute_range
from .model import CHART_SERIES, REPORT_KEYS, REPORT_UNITS, FloatArray, SessionReview

REPORT_FORMAT = "onair-review"
REPORT_VERSION = 1
#: Files of the CSV export, in the folder given.
CSV_FILES = ("indicators.csv", "series_per_minute.csv", "goals.csv", "comparison.csv", "events.csv")


class ReportError(Exception):
    """The report could not be written; the message says why."""


def _num(value: float | None) -> float | None:
    """A JSON-safe number: None for unknown or NaN, rounded to 6 decimals."""
    if value is None:
        return None
    f = float(value)
    if math.isnan(f) or math.isinf(f):
        return None
    r = round(f, 6)
    return int(r) if r.is_integer() and abs(r) < 2**53 else r


def _iso(ts: float | None) -> str | None:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat() if ts is not None else None


def report_dict(review: SessionReview) -> dict[str, Any]:
    """The JSON report: ``format``/``version``, ``session``, every REPORT_KEYS key at the top level,
    then ``lights``, ``sources``, ``paid_amounts``, ``imported``, ``imports``, ``goals``,
    ``comparison``, ``breakdowns``, ``retention``, ``outages``, ``markers``."""
    doc: dict[str, Any] = {
        "format": REPORT_FORMAT, "version": REPORT_VERSION,
        "session": {
            "id": review.session_id, "title": review.title, "platform": review.platform, "kind": review.kind,
            "status": review.status, "started_at": review.started_at, "ended_at": review.ended_at,
            "started_at_iso": _iso(review.started_at), "ended_at_iso": _iso(review.ended_at),
            "notes": review.notes, "recording_path": review.recording_path,
            "recording_started_at": review.recording_started_at,
        },
    }
    for key in REPORT_KEYS:
        doc[key] = _num(review.indicators.get(key))
    doc["lights"] = dict(review.lights)
    doc["sources"] = dict(review.sources)
    doc["paid_currency"] = review.paid_currency
    doc["paid_amounts"] = {k: _num(v) for k, v in sorted(review.paid_amounts.items())}
    doc["obs_outage_s"] = _num(review.obs_outage_s)
    doc["imported"] = {k: _num(v) for k, v in sorted(review.imported.items())}
    doc["imports"] = [dict(i) for i in review.imports]
    doc["goal_source"] = review.goal_source
    doc["goals"] = [{"metric": r.goal.metric, "op": r.goal.op, "target": _num(r.goal.target),
                     "actual": _num(r.actual), "met": r.met} for r in review.goals]
    doc["comparison"] = [{"session_id": row.session_id, "started_at": row.started_at, "title": row.title,
                          **{k: _num(row.values.get(k)) for k in REPORT_KEYS}} for row in review.comparison]
    doc["breakdowns"] = [{"dimension": b.dimension, "metric": b.metric, "platform": b.platform,
                          "rows": [[k, _num(v)] for k, v in b.rows]} for b in review.breakdowns]
    doc["retention"] = None if review.retention is None else [
        [_num(float(p)), _num(float(v))] for p, v in zip(review.retention.t, review.retention.v, strict=True)]
    doc["outages"] = [{"start": o.start, "end": o.end, "duration_s": _num(o.end - o.start)} for o in review.outages]
    doc["markers"] = [{"t": e.t, "note": e.label} for e in review.events if e.kind == "marker"]
    return doc


def write_json(review: SessionReview, out: Path) -> Path:
    """The JSON report in one file (UTF-8)."""
    doc = report_dict(review)
    _write(out, lambda f: json.dump(doc, f, ensure_ascii=False, indent=1))
    return out


def per_minute_table(review: SessionReview) -> tuple[FloatArray, dict[str, FloatArray]]:
    """Every chart series averaged over whole Unix minutes of the session (NaN: no point in the minute).

    Returns the minute starts and one column per CHART_SERIES key (NaN when the series is missing).
    """
    first, last = minute_range(review.started_at, review.ended_at)
    minutes = np.arange(first, last + 60.0, 60.0, dtype=np.float64)
    columns: dict[str, FloatArray] = {}
    for key in CHART_SERIES:
        col = np.full(minutes.size, np.nan)
        series = review.series.get(key)
        if series is not None and series.t.size:
            idx = np.floor((series.t - first) / 60.0).astype(np.int64)
            ok = (idx >= 0) & (idx < minutes.size) & ~np.isnan(series.v)
            sums = np.bincount(idx[ok], weights=series.v[ok], minlength=minutes.size)
            counts = np.bincount(idx[ok], minlength=minutes.size)
            with np.errstate(invalid="ignore", divide="ignore"):
                col = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        columns[key] = col.astype(np.float64)
    return minutes, columns


def write_csv(review: SessionReview, out_dir: Path) -> list[Path]:
    """A folder of CSV files (UTF-8): see :data:`CSV_FILES` and docs/REVIEW.md."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{out_dir} is a file; the CSV report writes a folder of {len(CSV_FILES)} files.")
    out_dir.mkdir(parents=True, exist_ok=True)
    goals = {r.goal.metric: r for r in review.goals}
    written: list[Path] = []

    def table(name: str, header: list[str], rows: list[list[Any]]) -> None:
        def write(f: Any) -> None:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        path = out_dir / name
        _write(path, write, newline="")
        written.append(path)

    table("indicators.csv", ["key", "value", "unit", "source", "light", "goal", "goal_met"], [
        [key, _cell(review.indicators.get(key)),
         review.paid_currency or "" if key == "paid_amount" else REPORT_UNITS.get(key, ""),
         review.sources.get(key, ""), review.lights.get(key, ""),
         f"{goals[key].goal.op} {_cell(goals[key].goal.target)}" if key in goals else "",
         _met(goals[key].met) if key in goals else ""] for key in REPORT_KEYS])
    minutes, columns = per_minute_table(review)
    table("series_per_minute.csv", ["minute_utc", "t", *CHART_SERIES],
          [[_iso(float(m)), _cell(float(m)), *(_cell(float(columns[k][i])) for k in CHART_SERIES)]
           for i, m in enumerate(minutes)])
    table("goals.csv", ["metric", "op", "target", "actual", "met"],
          [[r.goal.metric, r.goal.op, _cell(r.goal.target), _cell(r.actual), _met(r.met)] for r in review.goals])
    table("comparison.csv", ["session_id", "started_at_utc", "title", *REPORT_KEYS],
          [[row.session_id, _iso(row.started_at), row.title, *(_cell(row.values.get(k)) for k in REPORT_KEYS)]
           for row in review.comparison])
    table("events.csv", ["t", "time_utc", "kind", "label"],
          [[_cell(e.t), _iso(e.t), e.kind, e.label] for e in review.events])
    return written


def _cell(value: float | None) -> str:
    n = _num(value)
    return "" if n is None else str(n)


def _met(met: bool | None) -> str:
    return "" if met is None else ("yes" if met else "no")


def _write(path: Path, write: Any, newline: str | None = None) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            write(f)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise ReportError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
