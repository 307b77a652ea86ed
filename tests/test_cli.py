"""``main.py`` as a subprocess against the fake OBS: help, status (text and JSON), clean failures.

Every case runs in its own process with its own ONAIR_HOME and HOME; they run in parallel once per
module to keep the suite fast.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fakes.fake_obs import FakeObsServer

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "secret"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    onair_home: Path
    home: Path
    password: str | None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(onair_home: Path, home: Path, url: str | None, password: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ONAIR_", "XDG_")) and k not in ("HOME", "QT_QPA_PLATFORM")}
    env.update({"ONAIR_HOME": str(onair_home), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"})
    if url is not None:
        env["ONAIR_OBS_URL"] = url
    if password is not None:
        env["ONAIR_OBS_PASSWORD"] = password
    return env


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    with FakeObsServer(password=PASSWORD) as fake:
        dead = f"ws://127.0.0.1:{free_port()}"
        cases: dict[str, tuple[list[str], str | None, str | None]] = {
            "help": (["--help"], None, None),
            "status": (["status"], fake.url, PASSWORD),
            "json": (["status", "--json"], fake.url, PASSWORD),
            "wrong_password": (["status"], fake.url, "not-the-password"),
            "nothing_listening": (["status"], dead, PASSWORD),
            "bad_url": (["status"], "http://bad", PASSWORD),
        }
        procs = {}
        for name, (args, url, password) in cases.items():
            base = tmp_path_factory.mktemp(f"cli-{name}")
            onair_home, home = base / "onair-home", base / "home"
            home.mkdir()
            proc = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=_env(onair_home, home, url, password))
            procs[name] = (proc, onair_home, home)
        results = {}
        for name, (proc, onair_home, home) in procs.items():
            try:
                out, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
            results[name] = Run(proc.returncode, out, err, onair_home, home, cases[name][2])
        yield results


def assert_one_clean_line(run: Run) -> str:
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    return lines[0]


def test_help_lists_status(runs: dict[str, Run]) -> None:
    run = runs["help"]
    assert run.returncode == 0, run.stderr
    assert "status" in run.stdout
    assert "show OBS's version, scenes" in run.stdout


def test_status_text(runs: dict[str, Run]) -> None:
    run = runs["status"]
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("OBS 29.0.2 (obs-websocket 5.1.0) at ws://127.0.0.1:")
    assert "Program scene: Intro" in lines
    scenes = lines[lines.index("Scenes:") + 1: lines.index("Audio inputs:")]
    assert scenes == ["  * Intro", "    Main", "    BRB"]  # OBS's order, program marked
    audio = lines[lines.index("Audio inputs:") + 1:][:2]
    assert audio == ["    Mic/Aux  [live]  0.0 dB", "    Clip  [live]  -6.0 dB"]
    assert "Camera" not in run.stdout
    assert "Stream: off " in lines
    assert any(line.startswith("Stats: 30.0 fps, CPU 3.5 %") for line in lines)
    assert PASSWORD not in run.stdout + run.stderr


def test_status_json(runs: dict[str, Run]) -> None:
    run = runs["json"]
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    for key in ("connected", "obs_version", "websocket_version", "program_scene", "scenes", "audio_inputs",
                "stream", "record", "stats"):
        assert key in doc, key
    assert doc["connected"] is True
    assert doc["obs_version"] == "29.0.2"
    assert doc["websocket_version"] == "5.1.0"
    assert doc["program_scene"] == "Intro"
    assert doc["scenes"] == ["Intro", "Main", "BRB"]
    assert [(a["name"], a["muted"], a["volume_db"]) for a in doc["audio_inputs"]] == [
        ("Mic/Aux", False, 0.0), ("Clip", False, -6.0)]
    assert doc["stream"]["active"] is False
    assert doc["record"]["active"] is False
    assert doc["stats"]["cpu_percent"] == 3.5
    assert doc["stats"]["render_total_frames"] == 9000


def test_wrong_password_is_one_clean_line(runs: dict[str, Run]) -> None:
    line = assert_one_clean_line(runs["wrong_password"])
    assert "wrong password" in line
    assert "not-the-password" not in runs["wrong_password"].stderr
    assert runs["wrong_password"].stdout == ""


def test_nothing_listening_is_one_clean_line(runs: dict[str, Run]) -> None:
    line = assert_one_clean_line(runs["nothing_listening"])
    assert "Cannot connect to OBS" in line
    assert "refused" in line


def test_bad_url_is_one_clean_line(runs: dict[str, Run]) -> None:
    line = assert_one_clean_line(runs["bad_url"])
    assert "http://bad" in line
    assert "ws://HOST:PORT" in line


@pytest.mark.parametrize("case", ["status", "wrong_password"])
def test_onair_home_holds_every_file(runs: dict[str, Run], case: str) -> None:
    run = runs[case]
    log_file = run.onair_home / "logs" / "onair.log"
    assert log_file.is_file()
    written = sorted(str(p.relative_to(run.onair_home)) for p in run.onair_home.rglob("*") if p.is_file())
    assert written == ["logs/onair.log"]
    assert list(run.home.rglob("*")) == []  # nothing under HOME (~/.config, ~/.local, ~/.cache)
    assert run.password and run.password not in log_file.read_text(encoding="utf-8")
