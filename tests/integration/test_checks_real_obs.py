"""Checklist probes and ``main.py check`` against a real OBS Studio (scenes Intro/Main/BRB; "Music" plays
in Intro, which is on program; "Clip" is in Main, which is not)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from controllers.checklists import Checklist, MeterTap, RunResult, Status, run_with_worker, save_run
from controllers.checklists.loader import parse_checklist
from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker
from controllers.sessions.service import database_path
from controllers.sessions.store import SessionStore
from tests.support.real_obs import RtmpSink

pytestmark = [pytest.mark.real_obs, pytest.mark.timeout(180)]
ROOT = Path(__file__).resolve().parents[2]
KEY = "real-obs-key-5f4e3d2c1b"

CORRECT = """
id = "show"
title = { en = "Show", zh_TW = "節目" }
[[items]]
id = "intro"
title = { en = "Intro", zh_TW = "開場" }
group = "scenes"
probe = "scene_exists"
params = { name = "Intro" }
[[items]]
id = "brb"
title = { en = "BRB", zh_TW = "馬上回來" }
group = "scenes"
probe = "scene_exists"
params = { name = "BRB" }
[[items]]
id = "music-active"
title = { en = "Music on program", zh_TW = "音樂在節目輸出" }
group = "audio"
probe = "input_exists_active"
params = { name = "Music" }
[[items]]
id = "music-unmuted"
title = { en = "Music not muted", zh_TW = "音樂未靜音" }
group = "audio"
probe = "input_not_muted"
params = { name = "Music" }
[[items]]
id = "music-level"
title = { en = "Music audible", zh_TW = "音樂有聲" }
group = "audio"
probe = "audio_level"
params = { input = "Music", min_db = -60, max_db = 0, seconds = 2 }
[[items]]
id = "video"
title = { en = "Video", zh_TW = "視訊" }
group = "video"
probe = "video_settings"
params = { base_width = 1280, base_height = 720, output_width = 640, output_height = 360, fps = 30 }
[[items]]
id = "encoder"
title = { en = "Encoder", zh_TW = "編碼器" }
group = "video"
probe = "encoder_settings"
params = { min_kbps = 500, max_kbps = 1000 }
[[items]]
id = "service"
title = { en = "Service", zh_TW = "服務" }
group = "platform"
probe = "stream_service_configured"
[[items]]
id = "ingest"
title = { en = "Ingest", zh_TW = "收流" }
group = "network"
probe = "ingest_reachable"
[[items]]
id = "folder"
title = { en = "Folder", zh_TW = "資料夾" }
group = "recording"
probe = "recording_folder_writable"
[[items]]
id = "disk"
title = { en = "Disk", zh_TW = "磁碟" }
group = "recording"
probe = "disk_free_gb"
params = { min_gb = 0.1 }
[[items]]
id = "version"
title = { en = "Version", zh_TW = "版本" }
group = "platform"
probe = "obs_version_at_least"
params = { obs = "29.0", websocket = "5.1" }
[[items]]
id = "cpu"
title = { en = "CPU", zh_TW = "CPU" }
group = "network"
severity = "advisory"
probe = "cpu_below"
params = { percent = 100 }
"""


def _req(name: str, **data):  # type: ignore[no-untyped-def]
    from obswebsocket import requests

    return getattr(requests, name)(**data)


def show() -> Checklist:
    import tomllib

    return parse_checklist(tomllib.loads(CORRECT), CORRECT, "test")


class Checking:
    def __init__(self, obs) -> None:  # type: ignore[no-untyped-def]
        self.tap = MeterTap()
        self.worker = ObsWorker(ObsEndpoint(obs.host, obs.port, obs.password), FanOutListener([self.tap]),
                                backoff_ceiling=1.0)

    def __enter__(self) -> Checking:
        self.worker.start()
        assert self.worker.wait_connected(15)
        time.sleep(0.5)  # the meters session opens right after the control session
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.stop()

    def run(self, checklist: Checklist, **kw: object) -> RunResult:
        return run_with_worker(checklist, self.worker, meters=self.tap, **kw)  # type: ignore[arg-type]


def by_id(run: RunResult) -> dict[str, tuple[Status, str]]:
    return {r.item_id: (r.status, r.reason) for r in run.results}


def test_a_correct_setup_passes(shared_obs) -> None:  # type: ignore[no-untyped-def]
    bare = shared_obs.connect()
    try:
        with RtmpSink(key=KEY) as sink, Checking(shared_obs) as obs:
            sink.apply_to(bare)
            run = obs.run(show())
        results = by_id(run)
        assert {k: v for k, v in results.items() if v[0] is not Status.PASS} == {}
        assert "Music" in results["music-level"][1] and "dBFS" in results["music-level"][1]
        assert results["encoder"][1] == "Video bitrate 800 kbit/s is within the checklist's range (500–1000 kbit/s)"
        assert KEY not in repr(run)
    finally:
        bare.disconnect()


def test_broken_setups_fail_with_the_right_reason(own_obs) -> None:  # type: ignore[no-untyped-def]
    bare = own_obs.connect()
    try:
        bare.call(_req("SetInputMute", inputName="Music", inputMuted=True))
        bare.call(_req("SetVideoSettings", outputWidth=1280, outputHeight=720))
        bare.call(_req("SetStreamServiceSettings", streamServiceType="rtmp_custom",
                       streamServiceSettings={"server": "rtmp://127.0.0.1:1935/live", "key": ""}))
        text = CORRECT.replace('name = "BRB"', 'name = "Outro"') + """
[[items]]
id = "clip-level"
title = { en = "Clip audible", zh_TW = "片段有聲" }
group = "audio"
probe = "audio_level"
params = { input = "Clip", seconds = 2 }
[[items]]
id = "clip-active"
title = { en = "Clip on program", zh_TW = "片段在節目輸出" }
group = "audio"
probe = "input_exists_active"
params = { name = "Clip" }
"""
        import tomllib

        with Checking(own_obs) as obs:
            run = obs.run(parse_checklist(tomllib.loads(text), text, "test"))
        results = by_id(run)
        assert results["brb"] == (Status.FAIL, "No scene named “Outro” (OBS has: Intro, Main, BRB)")
        assert results["music-unmuted"] == (Status.FAIL, "“Music” is muted")
        assert results["music-level"][0] is Status.FAIL and "is muted" in results["music-level"][1]
        assert results["clip-level"][0] is Status.FAIL
        assert "silent" in results["clip-level"][1] and "not on the program output" in results["clip-level"][1]
        assert results["clip-active"][0] is Status.FAIL and "not on the program output" in results["clip-active"][1]
        assert results["video"][0] is Status.FAIL
        assert "output width is 1280, expected 640; output height is 720, expected 360" in results["video"][1]
        assert results["service"][0] is Status.FAIL and results["service"][1].startswith("The stream key is empty")
        assert results["intro"][0] is Status.PASS
    finally:
        bare.disconnect()


def test_obs_killed_mid_run_is_could_not_check(own_obs) -> None:  # type: ignore[no-untyped-def]
    with Checking(own_obs) as obs:
        killer = threading.Timer(0.7, own_obs.kill)
        killer.start()
        try:
            run = obs.run(show(), timeout=5)
        finally:
            killer.join()
    results = by_id(run)
    assert results["music-level"][0] is Status.COULD_NOT_CHECK, results["music-level"]
    assert not any(status is Status.PASS for status, _ in results.values() if status is not Status.PASS)
    assert run.obs_unreachable
    assert run.overall.value == "blocked"


def _cli(args: list[str], home: Path, obs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONAIR_", "XDG_"))}
    env.update(ONAIR_HOME=str(home), QT_QPA_PLATFORM="offscreen", ONAIR_OBS_URL=obs.url,
               ONAIR_OBS_PASSWORD=obs.password)
    return subprocess.run([sys.executable, "main.py", "check", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=90)


def test_cli_against_real_obs_never_shows_or_stores_the_key(shared_obs, onair_home: Path) -> None:  # type: ignore[no-untyped-def]
    (onair_home / "data" / "checklists").mkdir(parents=True)
    (onair_home / "data" / "checklists" / "show.toml").write_text(CORRECT, encoding="utf-8")
    bare = shared_obs.connect()
    try:
        with RtmpSink(key=KEY) as sink:
            sink.apply_to(bare)
            # The key also in the server URL, as some operators paste it.
            bare.call(_req("SetStreamServiceSettings", streamServiceType="rtmp_custom",
                           streamServiceSettings={"server": f"{sink.url}/{KEY}", "key": KEY}))
            ok = _cli(["show", "--json"], onair_home, shared_obs)
            sink.restart()  # ffmpeg -listen 1 ends after one connection, the ingest probe's included
            text = _cli(["show"], onair_home, shared_obs)
            sink.restart()
            other = shared_obs.connect()  # a fresh session: bare sat idle through two CLI runs
            try:
                assert other.call(_req("SetInputMute", inputName="Music", inputMuted=True)).status
                failed = _cli(["show"], onair_home, shared_obs)
                assert other.call(_req("SetInputMute", inputName="Music", inputMuted=False)).status
            finally:
                other.disconnect()
            sink.apply_to(bare)
    finally:
        bare.disconnect()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert text.returncode == 0 and "[PASS] Service:" in text.stdout
    assert failed.returncode == 1 and "[FAIL] Music audible:" in failed.stdout, failed.stdout
    for run in (ok, text, failed):
        assert KEY not in run.stdout and KEY not in run.stderr
    logs = b"".join(p.read_bytes() for p in (onair_home / "logs").glob("*"))
    db = b"".join(p.read_bytes() for p in database_path().parent.glob("sessions.sqlite3*"))
    assert KEY.encode() not in logs and KEY.encode() not in db
    conn = sqlite3.connect(database_path())
    try:
        assert conn.execute("SELECT COUNT(*) FROM check_runs").fetchone()[0] == 3
    finally:
        conn.close()


def test_run_is_stored_and_the_key_stays_out_of_the_database(shared_obs) -> None:  # type: ignore[no-untyped-def]
    bare = shared_obs.connect()
    try:
        with RtmpSink(key=KEY) as sink, Checking(shared_obs) as obs:
            sink.apply_to(bare)
            run = obs.run(show())
    finally:
        bare.disconnect()
    store = SessionStore(database_path())
    try:
        store.submit(lambda c: save_run(c, run)).result(5)
    finally:
        store.close()
    assert KEY.encode() not in b"".join(p.read_bytes() for p in database_path().parent.glob("sessions.sqlite3*"))
