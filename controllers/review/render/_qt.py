"""The Qt side of reports: a QGuiApplication for headless use, the report font, report translations."""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[3] / "assets" / "i18n"
#: Preferred CJK families, best first (Debian fonts-noto-cjk provides the first).
CJK_FAMILIES = ("Noto Sans CJK TC", "Noto Sans TC", "Noto Sans CJK HK", "Noto Sans CJK SC", "Noto Sans CJK JP",
                "Source Han Sans TC", "WenQuanYi Zen Hei", "AR PL UMing TW")
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans")


class ReportError(OSError):
    """The report could not be made or written; the message says why."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen platform when there is no display).

    Reports need QtGui (fonts, QPainter, QPdfWriter). A plain QCoreApplication cannot be upgraded, so
    a CLI must call this *before* it creates any application object.
    """
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise ReportError("Reports need a QGuiApplication, but a plain QCoreApplication is already running; "
                          "call controllers.review.render.ensure_gui_application() before creating one.")
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(sys.argv[:1] or ["onair"])


def _first_family(candidates: tuple[str, ...], families: list[str]) -> str | None:
    for name in candidates:
        if name in families:
            return name
    return None


def cjk_family() -> str | None:
    """An installed font family with Traditional Chinese glyphs (None if there is none)."""
    families = QFontDatabase.families()
    found = _first_family(CJK_FAMILIES, families)
    if found is None:
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese)
        found = next((f for f in chinese if "Mono" not in f), None)
    return found


def report_families() -> list[str]:
    """Font families for report text: a CJK family first (it has Latin glyphs too), then Latin fallbacks."""
    families = QFontDatabase.families()
    ordered: list[str] = []
    cjk = cjk_family()
    if cjk is None:
        log.warning("No CJK font is installed (Debian: fonts-noto-cjk); Chinese text in reports shows as boxes.")
    else:
        ordered.append(cjk)
    ordered += [f for f in LATIN_FAMILIES if f in families]
    return ordered or [QFont().defaultFamily()]


def report_font(point_size: float = 9.5) -> QFont:
    """The report's font with the CJK fallback set; ``point_size`` in points.

    OpenType ``locl`` and ``liga`` are off: Qt's PDF engine maps glyphs back to text through the font's
    cmap only, so Noto CJK's localized digit glyphs and ligatures would extract from the PDF as garbage.
    """
    font = QFont()
    font.setFamilies(report_families())
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    for tag in ("locl", "liga"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


# ---- translations -------------------------------------------------------------------------------------------

_translator: contextvars.ContextVar[QTranslator | str | None] = contextvars.ContextVar("report_translator",
                                                                                       default=None)


_app_lookup = QCoreApplication.translate   # aliases: the translation extractor only looks at literal calls


class _Report:
    """Looks report strings up in the language chosen for one report, else in the app's translators."""

    @staticmethod
    def translate(context: str, text: str) -> str:
        chosen = _translator.get()
        if chosen == "en":
            return text
        if isinstance(chosen, QTranslator):
            lookup = chosen.translate
            found = lookup(context, text)
            if found:
                return found
        return _app_lookup(context, text)


def tr(text: str) -> str:
    return _Report.translate("report", text)


@contextlib.contextmanager
def report_language(language: str | None) -> Iterator[str]:
    """Within the block, report strings use ``language`` ("en", "zh_TW"; None: the app's current language).

    Nothing global changes: no translator is installed on the application, so a running GUI keeps its language.
    Yields the BCP-47-ish language tag for the HTML ``lang`` attribute.
    """
    chosen: QTranslator | str | None = None
    tag = "en"
    if language in (None, "system"):
        probe = tr("Session report")
        tag = "zh-Hant" if probe != "Session report" else "en"
    elif language == "en":
        chosen = "en"
    else:
        translator = QTranslator()
        if translator.load(str(I18N_DIR / f"onair_{language}.qm")):
            chosen = translator
        else:
            log.warning("No translation for %s; the report is in English.", language)
            chosen = "en"
        tag = "zh-Hant" if language.startswith("zh") and chosen != "en" else "en"
    token = _translator.set(chosen)
    try:
        yield tag
    finally:
        _translator.reset(token)
