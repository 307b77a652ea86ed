"""The zh_TW translation covers every source string, keeps placeholders, and the shipped .qm matches the .ts."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "update_translations.py"
TS = ROOT / "assets" / "i18n" / "onair_zh_TW.ts"
QM = ROOT / "assets" / "i18n" / "onair_zh_TW.qm"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _load_script()


def _ts_translations() -> dict[tuple[str, str], str]:
    """(context, source) → finished translation, straight from the .ts XML."""
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") is None:
                out[(ctx.findtext("name") or "", msg.findtext("source") or "")] = tr.text or ""
    return out


@pytest.fixture
def zh_tw(qapp: QCoreApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_every_source_string_has_a_finished_translation(script: ModuleType) -> None:
    """Same as ``scripts/update_translations.py --check``: lupdate on a scratch copy, then the checks."""
    problems = script.check()
    assert not problems, "run scripts/update_translations.py:\n" + "\n".join(problems)


def test_placeholders_and_layout_match(script: ModuleType) -> None:
    messages = script.read_messages(TS)
    assert len(messages) > 100
    for m in messages:
        assert m.finished, m
        assert script.placeholders(m.source) == script.placeholders(m.translation), m
        assert not script.format_problems(m.source, m.translation), m


def test_wrapped_and_fstring_strings_get_their_runtime_context(script: ModuleType) -> None:
    """lupdate alone files module-level tr() under "" and misses _tr() and calls inside f-strings."""
    keys = _ts_translations()
    assert ("cli", "No sessions yet.") in keys  # cli/sessions.py: tr() → translate("cli", ...)
    assert ("cli", "Started") in keys  # inside an f-string
    assert ("app", "OBS address") in keys  # ui/app.py
    assert ("SessionListModel", "interrupted") in keys  # _tr() wrapper
    assert not [k for k in keys if k[0] == ""]


def test_qm_translates_at_runtime(zh_tw: QTranslator) -> None:
    expected = _ts_translations()
    scenes = QCoreApplication.translate("ScenesPanel", "Scenes")
    assert scenes == "場景"
    assert scenes == expected[("ScenesPanel", "Scenes")]
    for key in [("cli", "Scenes:"), ("MainWindow", "&File"), ("SessionListModel", "live"), ("cli", "live"),
                ("ConnectionIndicator", "retry {n} in {s:.0f} s")]:
        assert QCoreApplication.translate(*key) == expected[key], key
    assert QCoreApplication.translate("cli", "live") != QCoreApplication.translate("SessionListModel", "live")
    text = QCoreApplication.translate("ConnectionIndicator", "retry {n} in {s:.0f} s").format(n=2, s=4.6)
    assert "2" in text and "5" in text


def test_qm_is_compiled_from_the_current_ts(script: ModuleType, tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    script.run_lrelease(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), f"{QM.name} is stale: run scripts/update_translations.py"


def test_fstring_in_tr_is_reported(script: ModuleType, tmp_path: Path) -> None:
    src = tmp_path / "w.py"
    src.write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "def tr(text):\n"
        "    return QCoreApplication.translate('cli', text)\n"
        "class W(QObject):\n"
        "    def f(self, n):\n"
        "        return self.tr(f'bad {n}'), f\"{self.tr('hidden')}\", tr('wrapped'), self.tr('a' 'b' + 'c')\n",
        encoding="utf-8")
    result = script.extract([src], tmp_path)
    assert any("f-string" in e for e in result.errors)
    found = {(o.context, o.source, o.lupdate_blind) for o in result.occurrences}
    assert found == {("W", "hidden", True), ("cli", "wrapped", True), ("W", "abc", False)}
