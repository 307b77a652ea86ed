"""Smoke test for tests/support/real_obs.py against a real OBS 29 under Xvfb."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import require_system_part
from tests.support.real_obs import (
    EVENT_SUB_ALL,
    EVENT_SUB_INPUT_VOLUME_METERS,
    SHOW_SCENES,
    ObsProcess,
    RtmpSink,
    count_events,
    make_test_clip,
    obs_available,
    populate_show,
    reidentify,
    ui_scene_order,
)

pytestmark = pytest.mark.real_obs


def _require_obs() -> None:
    require_system_part(obs_available())


def _call(client, name: str, **data):
    from obswebsocket import requests

    resp = client.call(getattr(requests, name)(**data))
    assert resp.status, f"{name} failed: {resp.datain}"
    return resp.datain


@pytest.mark.timeout(90)
def test_real_obs_harness(tmp_path: Path) -> None:
    _require_obs()
    clip = make_test_clip(tmp_path / "clip.mp4", seconds=5)
    with ObsProcess() as obs:
        print(f"\nOBS websocket ready after {obs.startup_seconds:.2f}s on {obs.url} (DISPLAY={obs.display})")
        populate_show(obs, clip)
        client = obs.connect()
        try:
            version = _call(client, "GetVersion")
            assert version["obsWebSocketVersion"].startswith("5.")
            assert ui_scene_order(client) == list(SHOW_SCENES)
            assert _call(client, "GetCurrentProgramScene")["currentProgramSceneName"] == "Intro"
            kinds = {i["inputName"]: i["inputKind"] for i in _call(client, "GetInputList")["inputs"]}
            assert kinds == {"Clip": "ffmpeg_source", "Music": "ffmpeg_source"}

            # High-volume events are opt-in: Reidentify with InputVolumeMeters.
            reidentify(client, EVENT_SUB_ALL | EVENT_SUB_INPUT_VOLUME_METERS)
            seen: set[str] = set()

            def on_meter(ev) -> None:
                seen.update(i["inputName"] for i in ev.datain["inputs"] if i["inputLevelsMul"])

            window = 2.0
            n = count_events(client, "InputVolumeMeters", window, on_meter)
            print(f"InputVolumeMeters: {n} in {window}s ({n / window:.1f}/s), inputs with levels: {seen}")
            assert n >= 10
            assert "Music" in seen

            # Stream to a local RTMP sink.
            sink = RtmpSink(key="smoke", output=tmp_path / "stream.flv")
            with sink:
                sink.apply_to(client)
                _call(client, "StartStream")
                time.sleep(3)
                status = _call(client, "GetStreamStatus")
                print(f"stream after 3s: active={status['outputActive']} bytes={status['outputBytes']}")
                assert status["outputActive"] and status["outputBytes"] > 0
                _call(client, "StopStream")
        finally:
            client.disconnect()

        # Crash + recovery: state persists, websocket comes back.
        obs.kill()
        t0 = time.monotonic()
        obs.restart(timeout=30)
        elapsed = time.monotonic() - t0
        print(f"websocket answering again {elapsed:.2f}s after kill -9 + restart")
        assert elapsed < 20
        client = obs.connect()
        try:
            assert ui_scene_order(client) == list(SHOW_SCENES)
            assert _call(client, "GetStreamServiceSettings")["streamServiceSettings"]["key"] == "smoke"
        finally:
            client.disconnect()
