"""The session recorder against a real OBS Studio streaming to an ffmpeg RTMP ingest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker
from controllers.sessions import queries
from controllers.sessions.recorder import SessionRecorder
from controllers.sessions.service import database_path, open_for_recording
from tests.support.real_obs import RtmpSink
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.real_obs, pytest.mark.timeout(180)]
ROOT = Path(__file__).resolve().parents[2]


def _req(name: str, **data):  # type: ignore[no-untyped-def]
    from obswebsocket import requests

    return getattr(requests, name)(**data)





def summaries() -> list[queries.SessionSummary]:
    conn = sqlite3.connect(database_path())
    try:
        return queries.list_sessions(conn)
    finally:
        conn.close()


def events_of(session_id: int) -> list[tuple[float, str, str]]:
    conn = sqlite3.connect(database_path())
    try:
        return conn.execute("SELECT t, kind, detail FROM events WHERE session_id = ? ORDER BY t, id",
                            (session_id,)).fetchall()
    finally:
        conn.close()


def samples_of(session_id: int) -> list[tuple[float, float]]:
    conn = sqlite3.connect(database_path())
    try:
        return conn.execute("SELECT t, kbps FROM samples WHERE session_id = ? ORDER BY t", (session_id,)).fetchall()
    finally:
        conn.close()


class Recording:
    """OnAir's recorder running in-process against one OBS (what the GUI runs, without the window)."""

    def __init__(self, obs, resume_grace_s: float = 600.0) -> None:  # type: ignore[no-untyped-def]
        self.setup = open_for_recording()
        self.recorder = SessionRecorder(self.setup.store, resume_grace_s=resume_grace_s)
        self.worker = ObsWorker(ObsEndpoint(obs.host, obs.port, obs.password), FanOutListener([self.recorder]),
                                poll_interval=1.0, backoff_ceiling=1.0)

    def __enter__(self) -> Recording:
        self.worker.start()
        assert self.worker.wait_connected(15)
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.stop()
        self.recorder.close()
        self.setup.close()


def test_stream_started_in_obs_makes_a_session_with_samples_and_markers(shared_obs) -> None:  # type: ignore[no-untyped-def]
    bare = shared_obs.connect()
    try:
        with Recording(shared_obs) as rec, RtmpSink() as sink:
            sink.apply_to(bare)
            started = time.time()
            bare.call(_req("StartStream"))  # OBS itself, not OnAir, starts the stream
            wait_until(lambda: rec.recorder.session_id is not None, 10, "a session to start", 0.1)
            session_id = rec.recorder.session_id
            assert session_id is not None
            wait_until(lambda: len(samples_of(session_id)) >= 4, 15, "4 samples", 0.1)
            assert rec.recorder.add_marker("guest arrives")
            bare.call(_req("StartRecord"))
            bare.call(_req("SetCurrentProgramScene", sceneName="BRB"))
            time.sleep(1.5)
            bare.call(_req("StopRecord"))
            wait_until(lambda: "record_stopped" in [k for _, k, _ in events_of(session_id)], 10, "record stop", 0.1)
            bare.call(_req("StopStream"))
            wait_until(lambda: rec.recorder.session_id is None, 10, "the session to end", 0.1)
            stopped = time.time()
            rec.setup.store.flush()
        (summary,) = [s for s in summaries() if s.id == session_id]
        assert summary.status == "ended" and summary.kind == "stream"
        assert summary.obs_version.startswith(("29.", "3"))
        assert 0 < summary.duration_s <= stopped - started + 0.5
        samples = samples_of(session_id)
        span = samples[-1][0] - samples[0][0]
        assert len(samples) >= 4 and abs(len(samples) - (span + 1)) <= 2, "about one sample a second"
        assert any(kbps and kbps > 0 for _, kbps in samples), "bitrate above zero while streaming"
        kinds = [(kind, detail) for _, kind, detail in events_of(session_id)]
        assert ("marker", "guest arrives") in kinds
        assert ("scene", "BRB") in kinds
        assert summary.recording_path and Path(summary.recording_path).is_file(), "OBS's recording is kept"
        assert summary.recording_path.startswith(str(shared_obs.recordings_dir))
        assert kinds[-1] == ("stream_stopped", "")
    finally:
        bare.disconnect()


def test_obs_killed_mid_stream_and_back_continues_one_session_with_a_gap(own_obs) -> None:  # type: ignore[no-untyped-def]
    with Recording(own_obs) as rec, RtmpSink() as sink:
        bare = own_obs.connect()
        sink.apply_to(bare)
        bare.call(_req("StartStream"))
        wait_until(lambda: rec.recorder.session_id is not None, 10, "a session to start", 0.1)
        session_id = rec.recorder.session_id
        assert session_id is not None
        wait_until(lambda: len(samples_of(session_id)) >= 2, 10, "samples", 0.1)
        own_obs.kill()
        time.sleep(2.0)
        sink.restart()  # ffmpeg -listen 1 takes one publisher
        own_obs.restart()
        bare = own_obs.connect()
        sink.apply_to(bare)
        bare.call(_req("StartStream"))
        wait_until(lambda: "stream_resumed" in [k for _, k, _ in events_of(session_id)], 20, "the resume", 0.1)
        count_after_resume = len(samples_of(session_id))
        wait_until(lambda: len(samples_of(session_id)) >= count_after_resume + 2, 10, "samples after the gap", 0.1)
        bare.call(_req("StopStream"))
        wait_until(lambda: rec.recorder.session_id is None, 10, "the session to end", 0.1)
        bare.disconnect()
        rec.setup.store.flush()
    stream_sessions = [s for s in summaries() if s.kind == "stream"]
    assert [s.id for s in stream_sessions] == [session_id], "one session, not two"
    kinds = [k for _, k, _ in events_of(session_id)]
    assert kinds.index("obs_disconnected") < kinds.index("obs_reconnected") < kinds.index("stream_resumed")
    (down,) = [t for t, k, _ in events_of(session_id) if k == "obs_disconnected"]
    (up,) = [t for t, k, _ in events_of(session_id) if k == "stream_resumed"]
    gap_samples = [t for t, _ in samples_of(session_id) if down < t < up]
    assert not gap_samples, "no samples are invented during the outage"


def test_onair_killed_mid_stream_leaves_an_interrupted_session(shared_obs, onair_home) -> None:  # type: ignore[no-untyped-def]
    bare = shared_obs.connect()
    env = {**os.environ, "ONAIR_HOME": str(onair_home), "ONAIR_OBS_URL": shared_obs.url,
           "ONAIR_OBS_PASSWORD": shared_obs.password, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "main.py", "record"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with RtmpSink() as sink:
            sink.apply_to(bare)
            assert proc.stdout is not None
            assert "Recording sessions" in proc.stdout.readline()
            bare.call(_req("StartStream"))
            wait_until(lambda: database_path().exists() and any(s.status == "live" and s.sample_count >= 4
                                                                 for s in summaries()), 20, "a live session", 0.1)
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = time.time()
            proc.wait(10)
            bare.call(_req("StopStream"))
            wait_until(lambda: not bare.call(_req("GetStreamStatus")).datain["outputActive"], 10, "stream stop", 0.1)
        (live,) = [s for s in summaries() if s.status == "live"]
        last_sample = samples_of(live.id)[-1][0]
        assert last_sample >= killed_at - 2.0, "samples up to at most 2 s before the kill"
        setup = open_for_recording()  # what the next start of OnAir does
        try:
            assert setup.recovered == [live.id]
        finally:
            setup.close()
        (after,) = [s for s in summaries() if s.id == live.id]
        assert after.status == "interrupted"
        assert after.ended_at == pytest.approx(last_sample)
        assert "interrupted" in [k for _, k, _ in events_of(live.id)]
    finally:
        if proc.poll() is None:
            proc.kill()
        bare.disconnect()
