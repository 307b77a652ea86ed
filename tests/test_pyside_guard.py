"""Guard against PySide6 builds that corrupt reference counts on Python 3.11.

Measured here: PySide6 6.12.0 on Python 3.11 aborts with ``Fatal Python error: none_dealloc`` /
``bool_dealloc`` after ~5,000 ``QLabel.setText`` calls or ~600 signal emits. 6.11.3 is clean.
The stress runs in a subprocess, so a bad build fails this test instead of killing the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import PySide6

STRESS = textwrap.dedent("""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    class Emitter(QObject):
        changed = Signal(object)
        flag = Signal(bool)

    app = QApplication([])
    label = QLabel()
    for i in range(20000):
        label.setText(str(i))
        label.setText(None if False else "")
    seen = []
    emitter = Emitter()
    emitter.changed.connect(seen.append)
    emitter.flag.connect(seen.append)
    for i in range(5000):
        emitter.changed.emit(None)
        emitter.flag.emit(i % 2 == 0)
    assert len(seen) == 10000, len(seen)
    print("clean")
""")


def test_known_bad_build_is_not_installed() -> None:
    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 corrupts refcounts on Python 3.11; pin 6.11.3"


def test_settext_and_signal_stress_does_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "clean" in result.stdout
    assert "Fatal Python error" not in result.stderr
