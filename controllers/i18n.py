"""Loads OnAir's Qt translations (English source strings, Traditional Chinese zh_TW)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "assets" / "i18n"
_installed: list[QTranslator] = []


def resolve_language(setting: str) -> str:
    """``system`` → the system locale's language if OnAir has it ("zh_TW" for Taiwan/HK Chinese)."""
    if setting in ("en", "zh_TW"):
        return setting
    locale = QLocale.system()
    chinese = locale.language() == QLocale.Language.Chinese
    if chinese and locale.script() != QLocale.Script.SimplifiedHanScript:
        return "zh_TW"
    return "en"


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Install OnAir's and Qt's own translators for the chosen language; returns it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(setting)
    if language == "en":
        return language
    own = QTranslator(app)
    if own.load(str(I18N_DIR / f"onair_{language}.qm")):
        app.installTranslator(own)
        _installed.append(own)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
