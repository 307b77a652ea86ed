"""The HTML and PDF session reports (controllers/review/render): content, escaping, CJK text, charts, errors."""

from __future__ import annotations

import base64
import io
import re
import runpy
import sqlite3
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QThread, QTranslator
from PySide6.QtGui import QColor, QImage

from controllers.review.model import (
    REPORT_KEYS,
    Breakdown,
    ComparisonRow,
    Goal,
    GoalResult,
    Outage,
    Series,
    SessionReview,
    TimelineEvent,
)
from controllers.review.render import ReportError, render_html, render_pdf, write_report
from controllers.review.render.charts import DPR, decimate, series_chart
from controllers.review.render.document import figures

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert('x')</script> & \"quotes\""
START = 1_795_000_000.0


@pytest.fixture(autouse=True)
def gui(qapp: Any) -> Any:
    """Reports need a QGuiApplication; pytest-qt's QApplication is one (and later widget tests still work)."""
    return qapp


def make_review(*, title: str = HOSTILE, hours: float = 1.0, series: bool = True) -> SessionReview:
    n = int(hours * 3600)
    t = START + np.arange(n, dtype=np.float64)
    rng = np.random.default_rng(7)
    chart: dict[str, Series] = {}
    if series:
        bitrate = 6000 + rng.normal(0, 200, n)
        bitrate[n // 3: n // 3 + 300] = np.nan          # OBS gone
        tm = START + 60 * np.arange(max(n // 60, 1), dtype=np.float64)
        chart = {
            "viewers": Series("viewers", t, 200 + 100 * np.sin(np.linspace(0, 3, n)), "viewers"),
            "chat_per_minute": Series("chat_per_minute", tm, np.abs(rng.normal(20, 5, tm.size)), "msg/min", "chat"),
            "bitrate_kbps": Series("bitrate_kbps", t, bitrate, "kbit/s"),
            "dropped_frames_pct": Series("dropped_frames_pct", t, np.clip(rng.exponential(0.2, n), 0, 9), "%"),
            "cpu": Series("cpu", t, 30 + rng.normal(0, 3, n), "%"),
            "fps": Series("fps", t, 60 - np.clip(rng.exponential(0.3, n), 0, 30), "fps"),
        }
    indicators: dict[str, float | None] = dict.fromkeys(REPORT_KEYS)
    if series:
        indicators.update(duration_s=n, peak_viewers=372, avg_viewers=201.5, hours_watched=201.5, chat_messages=1200,
                          unique_chatters=88, engagement_rate=8.1, avg_bitrate_kbps=5999, dropped_frames_pct=0.21,
                          encoder_skipped_pct=1.7, render_skipped_pct=6.2, cpu_mean=30.1, fps_mean=59.7)
    return SessionReview(
        session_id=42, title=title, platform="youtube", kind="stream", status="ended", started_at=START,
        ended_at=START + n, notes="first line\n<img src=x onerror=alert(1)>", recording_path=None,
        recording_started_at=None, indicators=indicators,
        lights={"dropped_frames_pct": "green", "encoder_skipped_pct": "yellow", "render_skipped_pct": "red"}
        if series else {},
        series=chart,
        events=[TimelineEvent(START + 10, "scene", "<b>Intro</b>"), TimelineEvent(START + n / 2, "scene", "Main"),
                TimelineEvent(START + n / 4, "marker", "giveaway <i>now</i>")] if series else [],
        outages=[Outage(START + n // 3, START + n // 3 + 300)] if series else [],
        breakdowns=[Breakdown("age", "views_pct", (("18-24", 60.0), ("25-34", 40.0)), "youtube"),
                    Breakdown("geography", "views_pct", (("台灣", 70.0), ("<US>", 30.0)), "youtube")]
        if series else [],
        retention=Series("retention", np.linspace(0, 1, 11), np.linspace(100, 20, 11), "%") if series else None,
        imported={"impressions": 88000, "impressions_ctr_pct": 4.7} if series else {},
        imports=[{"id": 1, "platform": "youtube", "kind": "youtube_studio", "source_name": "Table <data>.csv",
                  "imported_at": START + n + 60}] if series else [],
        goals=[GoalResult(Goal("peak_viewers", ">=", 300), 372, True),
               GoalResult(Goal("engagement_rate", ">=", 10), 8.1, False),
               GoalResult(Goal("new_followers", ">=", 50), None, None)] if series else [],
        comparison=[ComparisonRow(40, START - 7 * 86400, "Last <week>", {"peak_viewers": 250, "duration_s": 7200})]
        if series else [],
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """pypdf puts tabs or newlines between words; compare on single spaces."""
    return re.sub(r"\s+", " ", text)


# ---- HTML -----------------------------------------------------------------------------------------------------

def test_html_indicators_goals_and_escaping(tmp_path: Path) -> None:
    review = make_review()
    out = write_report(review, "html", tmp_path / "r.html", language="en")
    html = out.read_text(encoding="utf-8")
    # hostile text is shown, never parsed: no script tag, no img from the notes, no <b>/<i> from markers
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "giveaway &lt;i&gt;now&lt;/i&gt;" in html
    assert "Table &lt;data&gt;.csv" in html and "Last &lt;week&gt;" in html
    parser = _Tags()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags
    images = [a for t, a in parser.tags if t == "img"]
    # one image per chart series, retention, two breakdowns; all embedded as PNG data URIs
    assert len(images) == 6 + 1 + 2
    for attrs in images:
        src = attrs["src"] or ""
        assert src.startswith("data:image/png;base64,")
        assert not QImage.fromData(base64.b64decode(src.split(",", 1)[1]), "PNG").isNull()
    # indicators with values and traffic lights
    assert "Peak concurrent viewers" in html and ">372<" in html and "5,999 kbit/s" in html
    assert re.search(r'bgcolor="#c62828"[^>]*>Poor<', html) and re.search(r'bgcolor="#2e7d32"[^>]*>Good<', html)
    assert "8.10 %" in html                                   # engagement rate is a percentage
    # goals: met / not met / no data
    assert re.search(r">Met<", html) and re.search(r">Not met<", html) and re.search(r">No data<", html)
    assert "≥ 300" in html
    assert "Impressions click-through rate" in html and "4.70 %" in html
    assert "Viewer age" in html and "Comparison with previous sessions" in html and "This session" in html
    assert not list(tmp_path.glob(".r.html.*"))               # the temporary file was renamed


def test_empty_session_says_there_is_no_data(tmp_path: Path) -> None:
    review = make_review(title="", series=False)
    html = render_html(review, language="en")
    assert "No data" in html and "there is no time-series data" in html
    assert "<img" not in html and "Untitled session" in html
    assert "No goals were set" in html
    _, text = pdf_text(write_report(review, "pdf", tmp_path / "empty.pdf", language="en").read_bytes())
    assert "there is no time-series data" in squash(text)


# ---- PDF ------------------------------------------------------------------------------------------------------

def test_pdf_pages_text_and_embedded_cjk_font(tmp_path: Path) -> None:
    review = make_review(title="直播回顧 測試 一行 <b>")
    out = write_report(review, "pdf", tmp_path / "r.pdf", language="en")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    reader, text = pdf_text(data)
    flat = squash(text)
    assert len(reader.pages) >= 2
    assert "直播回顧" in flat and "測試" in flat and "<b>" in flat.replace("< b>", "<b>")  # the title as given
    assert "一行" in flat                                     # ideographs, not look-alike Kangxi radicals
    for label in ("Peak concurrent viewers", "Dropped frames (network)", "Goals", "Not met", "Concurrent viewers",
                  "Session 42", "5,999 kbit/s", "giveaway <i>now</i>"):
        assert label in flat, label
    assert reader.metadata is not None and reader.metadata.title == "直播回顧 測試 一行 <b>"
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                desc = desc.get_object()
                fonts[str(desc["/BaseFont"])] = desc["/FontDescriptor"].get_object()
    assert any("CJK" in name for name in fonts), fonts.keys()
    for name, descriptor in fonts.items():
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
    assert sum(len(page.images) for page in reader.pages) == 6 + 1 + 2   # charts, retention, bars as images


class DictTranslator(QTranslator):
    """A translator from a dict keyed (context, source), as the lead's .qm will hold."""

    def __init__(self, table: dict[Any, str]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null QString) means "not here"; "" would translate Qt's own strings (e.g. page sizes) to nothing
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def zh_tw() -> Iterator[dict[Any, str]]:
    table = runpy.run_path(str(ROOT / "scripts" / "translations" / "review_report.py"))["TRANSLATIONS"]
    translator = DictTranslator(table)
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield table
    app.removeTranslator(translator)


def test_pdf_in_traditional_chinese(zh_tw: dict[Any, str]) -> None:
    review = make_review(title="直播回顧 測試")
    _, text = pdf_text(render_pdf(review))                    # the app's current language: zh_TW
    flat = squash(text)
    for source in ("Peak concurrent viewers", "Indicators", "Not met", "Comparison with previous sessions"):
        assert zh_tw[("report", source)] in flat, source
    assert "最高同時觀看人數" in flat and "直播回顧" in flat
    assert "Peak concurrent viewers" not in flat
    html = render_html(review)
    assert 'lang="zh-Hant"' in html and "場次報告" in html
    # an explicit language wins over the application's translators
    assert "Peak concurrent viewers" in render_html(review, language="en")


def test_translations_cover_every_report_string() -> None:
    import ast

    table = runpy.run_path(str(ROOT / "scripts" / "translations" / "review_report.py"))["TRANSLATIONS"]
    sources = set()
    for path in (ROOT / "controllers" / "review" / "render").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                sources.add(node.args[0].value)
    missing = sorted(s for s in sources if ("report", s) not in table)
    assert not missing, missing
    for (_, source), text in table.items():
        assert re.findall(r"\{\w+\}", source) == re.findall(r"\{\w+\}", text), source


def test_pdf_from_a_worker_thread(qtlog: Any) -> None:
    """A QThread (or QThreadPool) worker renders both formats while the GUI thread owns the application.

    (A plain Python thread works too, but Qt logs QBasicTimer warnings there: it has no event dispatcher.)
    """
    review = make_review(title="Worker 執行緒")
    result: dict[str, Any] = {}

    class Worker(QThread):
        def run(self) -> None:
            try:
                result["pdf"] = render_pdf(review, language="en")
                result["html"] = render_html(review, language="en")
            except BaseException as exc:  # surfaced below
                result["error"] = exc

    worker = Worker()
    worker.start()
    assert worker.wait(60_000)
    assert "error" not in result, result.get("error")
    _, text = pdf_text(result["pdf"])
    assert "Worker 執行緒" in squash(text) and "Peak concurrent viewers" in squash(text)
    assert result["html"].count("data:image/png;base64,") == 9
    assert not [r.message for r in qtlog.records], [r.message for r in qtlog.records]


def test_twelve_hour_pdf_under_five_seconds(tmp_path: Path) -> None:
    review = make_review(title="12 h", hours=12.0)
    assert review.series["viewers"].t.size == 43_200
    began = time.perf_counter()
    out = write_report(review, "pdf", tmp_path / "long.pdf", language="en")
    elapsed = time.perf_counter() - began
    print(f"12-hour PDF report: {elapsed:.2f} s, {out.stat().st_size / 1e6:.1f} MB")
    assert elapsed < 5.0
    reader, _ = pdf_text(out.read_bytes())
    assert len(reader.pages) >= 3


# ---- charts ---------------------------------------------------------------------------------------------------

def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8, count=image.sizeInBytes())
    return arr.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3][:, :, ::-1]  # RGB


def test_chart_is_drawn_with_the_marker_at_its_time() -> None:
    t = START + np.arange(3600, dtype=np.float64)
    series = Series("cpu", t, np.full(3600, 10.0), "%")      # flat line near the bottom
    marker_t = START + 1200
    chart = series_chart(series, START, START + 3600, [TimelineEvent(marker_t, "marker", "m")], [],
                         color="#1f6fb2")
    px = _pixels(chart.image).astype(int)
    assert px.std() > 10                                      # not blank
    x = round(chart.x_for(marker_t))
    assert x == round((chart.plot.left() + chart.plot.width() / 3) * DPR)
    y = round((chart.plot.top() + chart.plot.height() * 0.4) * DPR)  # above the data line, below the labels
    marker = QColor("#e8590c")
    r, g, b = px[y, x]
    assert abs(r - marker.red()) < 40 and abs(g - marker.green()) < 40 and abs(b - marker.blue()) < 40, (r, g, b)
    assert not (abs(px[y, x + 15] - [marker.red(), marker.green(), marker.blue()]) < 40).all()  # only there
    # the series is drawn in its colour low in the plot (value 10 on a 0..10+ axis → near the top? no: scaled)
    blue = (abs(px[:, :, 0] - 0x1f) < 40) & (abs(px[:, :, 1] - 0x6f) < 40) & (abs(px[:, :, 2] - 0xb2) < 40)
    assert blue.sum() > 1000


def test_chart_shades_outages_and_leaves_a_gap_for_nan() -> None:
    t = START + np.arange(3600, dtype=np.float64)
    v = np.full(3600, 5.0)
    v[1800:2400] = np.nan
    chart = series_chart(Series("fps", t, v), START, START + 3600, [], [Outage(START + 1800, START + 2400)],
                         color="#000000")
    px = _pixels(chart.image).astype(int)
    inside = round(chart.x_for(START + 2100))
    before = round(chart.x_for(START + 900))
    col_in, col_before = px[:, inside], px[:, before]
    assert (col_before.sum(axis=1) < 150).any()               # the black line before the outage
    assert not (col_in.sum(axis=1) < 150).any()               # nothing drawn during it
    mid = round((chart.plot.top() + chart.plot.height() / 2) * DPR)
    r, g, b = col_in[mid]
    assert r > g + 10 and r > b + 10                          # reddish shading


def test_decimate_min_max_per_column() -> None:
    t = np.array([0.0, 1.0, 2.0, 3.0, 6.0, 7.0, 9.0])
    v = np.array([5.0, 1.0, 3.0, np.nan, 4.0, 8.0, np.nan])
    d = decimate(t, v, 0.0, 10.0, 5)                          # columns [0,2) [2,4) [4,6) [6,8) [8,10]
    assert np.allclose(d.lo[:2], [1.0, 3.0]) and np.allclose(d.hi[:2], [5.0, 3.0])
    assert np.isnan(d.lo[2]) and not d.gap[2]                 # no samples: not a gap, just nothing
    assert d.lo[3] == 4.0 and d.hi[3] == 8.0
    assert np.isnan(d.hi[4]) and d.gap[4]                     # only NaN: a gap (outage)
    big_t = np.arange(43_200, dtype=np.float64)
    big = decimate(big_t, np.sin(big_t), 0.0, 43_199.0, 960)
    assert big.lo.size == 960 and np.nanmin(big.lo) >= -1 and np.nanmax(big.hi) <= 1


def test_figures_share_one_time_span() -> None:
    review = make_review()
    figs = figures(review)
    sizes = {(f.image.width(), f.image.height()) for f in figs
             if f.name.startswith("chart-") and "retention" not in f.name}
    assert len(sizes) == 1


# ---- errors ---------------------------------------------------------------------------------------------------

def test_unwritable_path_raises_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="Cannot write the report to") as info:
        write_report(make_review(), "pdf", blocker / "r.pdf")
    assert isinstance(info.value, OSError)
    with pytest.raises(OSError, match="is a folder"):
        write_report(make_review(), "html", tmp_path)
    with pytest.raises(ValueError, match="Unknown report format"):
        write_report(make_review(), "docx", tmp_path / "r.docx")  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_existing_report_replaced_atomically(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("old")
    write_report(make_review(title="new one"), "html", out, language="en")
    assert "new one" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


# ---- through build_review -------------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    from controllers.sessions.store import connect, migrate

    path = tmp_path / "sessions.sqlite3"
    conn = connect(path)
    migrate(conn, path)
    yield conn
    conn.close()


def test_report_of_a_built_review(db: sqlite3.Connection, tmp_path: Path) -> None:
    from controllers.review.build import build_review
    from tests.test_review_indicators import make_imported_session, make_session_a

    review = build_review(db, make_session_a(db), templates={})
    assert review is not None
    html = write_report(review, "html", tmp_path / "a.html", language="en").read_text(encoding="utf-8")
    assert "giveaway" in html and "Concurrent viewers" in html and "data:image/png;base64," in html
    _, text = pdf_text(write_report(review, "pdf", tmp_path / "a.pdf", language="en").read_bytes())
    assert "giveaway" in squash(text) and "Peak concurrent viewers" in squash(text)
    imported = build_review(db, make_imported_session(db), templates={})
    assert imported is not None
    html = render_html(imported, language="en")
    assert "Audience retention" in html and "Geography" in html and "Imported analytics" in html
