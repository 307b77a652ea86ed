"""Session reports as one self-contained HTML file or an A4 PDF (charts drawn with QPainter, headless).

    from controllers.review.render import ensure_gui_application, write_report
    ensure_gui_application()          # before any QCoreApplication exists (CLI); the GUI's app is reused
    write_report(review, "pdf", Path("report.pdf"), language="zh_TW")

This is the one place under controllers/ that imports QtGui (never QtWidgets): see docs/ARCHITECTURE.md
(controllers/review/render).
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ..model import SessionReview
from . import charts
from ._qt import ReportError, ensure_gui_application, report_font, report_language, tr
from .document import Figure, build_html, figures

__all__ = ["ReportError", "ensure_gui_application", "render_html", "render_pdf", "write_report"]

PDF_DPI = 300
PAGE_MARGIN_CM = 1.8


def render_html(review: SessionReview, *, language: str | None = None, generated_at: float | None = None) -> str:
    """The report as one self-contained HTML page (charts as base64 PNG data URIs)."""
    ensure_gui_application()
    with report_language(language) as lang:
        figs = figures(review)
        sources = {f.name: "data:image/png;base64," + base64.b64encode(charts.png_bytes(f.image)).decode("ascii")
                   for f in figs}
        return build_html(review, sources, figs, lang=lang, generated_at=generated_at)


def render_pdf(review: SessionReview, *, language: str | None = None, generated_at: float | None = None) -> bytes:
    """The report as PDF bytes: A4 portrait, 300 dpi, fonts embedded, page numbers."""
    ensure_gui_application()
    with report_language(language) as lang:
        figs = figures(review)
        html = build_html(review, {f.name: f.name for f in figs}, figs, lang=lang, generated_at=generated_at)
        title = review.title.strip() or tr("Untitled session")
        return _print_pdf(html, figs, title)


def _print_pdf(html: str, figs: list[Figure], title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("OnAir")
    doc = QTextDocument()
    doc.setDefaultFont(report_font())
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    for fig in figs:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(fig.name), fig.image)
    doc.setHtml(html)
    # Lay out in the writer's device pixels (as QTextDocument.print_ does); lengths in CSS px are scaled.
    doc.documentLayout().setPaintDevice(writer)
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(PAGE_MARGIN_CM / 2.54 * 96)
    doc.rootFrame().setFrameFormat(frame)
    page = QRectF(0, 0, writer.width(), writer.height())
    doc.setPageSize(page.size())
    _keep_headings_with_next(doc, page.height())
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError("Qt could not start the PDF (is a QGuiApplication running?).")
    try:
        footer_font = report_font(7.5)
        pages = doc.pageCount()
        margin = PAGE_MARGIN_CM / 2.54 * PDF_DPI
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * page.height())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, n * page.height(), page.width(), page.height())
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(128, 128, 128))
            foot = QRectF(margin, page.height() - margin * 0.75, page.width() - 2 * margin, margin * 0.4)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{n + 1} / {pages}")
    finally:
        painter.end()
    del writer  # finishes the PDF into the buffer
    buffer.close()
    out = bytes(data.data())
    if not out.startswith(b"%PDF"):
        raise ReportError("Qt produced no PDF (is a QGuiApplication running?).")
    return fix_radical_mappings(out)


_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_CMAP_LINE = re.compile(rb"^(<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}> )(.*)$", re.M)
_RADICAL = re.compile(rb"<(2[EFef][0-9A-Fa-f]{2})>")


def _unified(m: re.Match[bytes]) -> bytes:
    char = chr(int(m.group(1), 16))
    norm = unicodedata.normalize("NFKC", char)
    if len(norm) == 1 and norm != char and ord(norm) <= 0xFFFF:
        return b"<%04X>" % ord(norm)
    return m.group(0)


def fix_radical_mappings(pdf: bytes) -> bytes:
    """Map glyphs back to CJK ideographs, not to look-alike radicals, in the PDF's ToUnicode CMaps.

    Qt maps each embedded glyph to the *lowest* code point that uses it; Noto CJK draws 行 (U+884C) and
    ⾏ (KANGXI RADICAL WALK, U+2F8F) with one glyph, so copied or searched text would hold the radical.
    Kangxi/CJK radicals are replaced by their NFKC ideograph; same-length edits keep the xref valid.
    """
    def fix_cmap(cmap: re.Match[bytes]) -> bytes:
        return _CMAP_LINE.sub(lambda line: line.group(1) + _RADICAL.sub(_unified, line.group(2)), cmap.group(0))

    return _CMAP.sub(fix_cmap, pdf)


def _keep_headings_with_next(doc: QTextDocument, page_height: float, max_moves: int = 60) -> None:
    """Move a heading (with the headings just before it) to the next page when what follows starts there.

    QTextDocument has no keep-with-next; this sets page-break-before on the first heading of such a run.
    """
    layout = doc.documentLayout()
    block = doc.begin()
    run_start = None
    moves = 0
    while block.isValid() and moves < max_moves:
        nxt = block.next()
        if block.blockFormat().headingLevel() > 0:
            run_start = run_start if run_start is not None else block
            if nxt.isValid() and nxt.blockFormat().headingLevel() == 0:
                head = layout.blockBoundingRect(run_start)
                follow = layout.blockBoundingRect(nxt)
                first = nxt.layout().lineAt(0) if nxt.layout().lineCount() else None
                follow_end = follow.top() + first.y() + first.height() if first is not None else follow.bottom()
                if int(head.top() // page_height) != int((follow_end - 1) // page_height):
                    fmt = run_start.blockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(run_start).setBlockFormat(fmt)
                    moves += 1
        else:
            run_start = None
        block = nxt


def _atomic_write(path: Path, payload: bytes) -> None:
    """Write beside ``path`` and rename, so a failure leaves no half-written report."""
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a folder", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ReportError(exc.errno or 0, f"Cannot write the report to {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReportError(exc.errno or 0, f"Cannot write the report to {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(review: SessionReview, fmt: Literal["html", "pdf"], out: Path, *,
                 language: str | None = None) -> Path:
    """Write the session's report as ``fmt`` to ``out`` atomically; returns ``out``.

    ``language``: "en", "zh_TW", or None for the application's current translators. Needs a
    QGuiApplication (one is created, offscreen without a display, if no application exists yet).
    Raises ReportError (an OSError) when the file cannot be written, ValueError for an unknown format.
    """
    out = Path(out)
    now = time.time()
    if fmt == "html":
        payload = render_html(review, language=language, generated_at=now).encode("utf-8")
    elif fmt == "pdf":
        payload = render_pdf(review, language=language, generated_at=now)
    else:
        raise ValueError(f"Unknown report format {fmt!r}; use html or pdf.")
    _atomic_write(out, payload)
    return out
