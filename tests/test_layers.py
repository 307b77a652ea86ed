"""The layering rules of docs/ARCHITECTURE.md, checked on the source."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_controllers_never_import_ui_or_widgets() -> None:
    offenders = []
    # controllers/review/render/ draws report charts and PDFs with QtGui (QPainter, QPdfWriter) on
    # the offscreen platform: headless, no widgets. Nothing else in controllers/ may use QtGui.
    render = ROOT / "controllers" / "review" / "render"
    for path in sorted((ROOT / "controllers").rglob("*.py")):
        for name in imported_modules(path):
            gui_ok = render in path.parents and name.startswith("PySide6.QtGui")
            if name == "ui" or name.startswith(("ui.", "PySide6.QtWidgets")) or (
                    name.startswith("PySide6.QtGui") and not gui_ok):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, offenders


def test_only_one_module_imports_obswebsocket() -> None:
    importers = sorted(str(p.relative_to(ROOT)) for folder in ("controllers", "ui", "cli")
                       for p in (ROOT / folder).rglob("*.py")
                       if any(n.split(".")[0] == "obswebsocket" for n in imported_modules(p)))
    assert importers == ["controllers/obs/connection.py"]


def test_cli_runs_without_creating_widgets() -> None:
    code = ("import sys; sys.argv=['main.py','sessions']; import main; main.main(['sessions']); "
            "print('QtWidgets' in str(sorted(sys.modules)))")
    env_home = ROOT / ".pytest_cache" / "layers-home"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"ONAIR_HOME": str(env_home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False", "the CLI must not load QtWidgets"
