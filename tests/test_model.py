"""Pure functions of the OBS client, checked against hand-computed values."""

from __future__ import annotations

import math

import pytest

from controllers.obs.model import (
    HealthStats,
    Level,
    bitrate_kbps,
    congestion_level,
    disk_level,
    frames_level,
    mul_to_db,
    percent,
)
from controllers.obs.state import scenes_in_ui_order
from controllers.obs.worker import ObsEndpoint, backoff_delay, meter_levels

NEG_INF = -math.inf


@pytest.mark.parametrize(("prev_bytes", "prev_time", "cur_bytes", "cur_time", "expected"), [
    (0, 0.0, 750_000, 1.0, 6000.0),  # 750 kB in 1 s = 6 Mbit/s
    (1_000_000, 10.0, 1_250_000, 10.5, 4000.0),  # 250 kB in 0.5 s = 2 000 000 bit / 0.5 s
    (500, 3.0, 500, 5.0, 0.0),  # nothing sent: 0, not None
    (1_000_000, 1.0, 10, 2.0, None),  # counter reset (output restarted)
    (0, 5.0, 1000, 5.0, None),  # no time elapsed
    (0, 6.0, 1000, 5.0, None),  # clock went backwards
])
def test_bitrate_kbps(prev_bytes: int, prev_time: float, cur_bytes: int, cur_time: float,
                      expected: float | None) -> None:
    result = bitrate_kbps(prev_bytes, prev_time, cur_bytes, cur_time)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize(("part", "total", "expected"), [
    (1, 100, 1.0), (3, 4, 75.0), (0, 9000, 0.0), (5, 0, 0.0), (0, 0, 0.0), (9000, 9000, 100.0),
    (1, -5, 0.0),
])
def test_percent(part: int, total: int, expected: float) -> None:
    assert percent(part, total) == pytest.approx(expected)


def test_health_stats_percentages() -> None:
    stats = HealthStats(render_skipped=90, render_total=9000, encoder_skipped=1, encoder_total=0,
                        network_dropped=60, network_total=1000)
    assert stats.render_skipped_pct == pytest.approx(1.0)
    assert stats.encoder_skipped_pct == 0.0
    assert stats.network_dropped_pct == pytest.approx(6.0)


@pytest.mark.parametrize(("pct", "level"), [
    (0.0, Level.OK), (0.99, Level.OK), (1.0, Level.OK),  # "up to 1 %" includes 1 %
    (1.0001, Level.WARNING), (3.0, Level.WARNING), (5.0, Level.WARNING),  # "up to 5 %" includes 5 %
    (5.0001, Level.ERROR), (50.0, Level.ERROR), (100.0, Level.ERROR),
])
def test_frames_level_boundaries(pct: float, level: Level) -> None:
    assert frames_level(pct) is level


def test_frames_level_from_frame_counts() -> None:
    assert frames_level(percent(90, 9000)) is Level.OK  # exactly 1 %
    assert frames_level(percent(91, 9000)) is Level.WARNING
    assert frames_level(percent(450, 9000)) is Level.WARNING  # exactly 5 %
    assert frames_level(percent(451, 9000)) is Level.ERROR


@pytest.mark.parametrize(("available_mb", "level"), [
    (0.0, Level.ERROR), (1023.9, Level.ERROR), (1024.0, Level.WARNING), (5119.9, Level.WARNING),
    (5120.0, Level.OK), (123456.5, Level.OK),
])
def test_disk_level(available_mb: float, level: Level) -> None:
    assert disk_level(available_mb) is level


@pytest.mark.parametrize(("congestion", "level"), [
    (0.0, Level.OK), (0.0999, Level.OK), (0.1, Level.WARNING), (0.4999, Level.WARNING),
    (0.5, Level.ERROR), (1.0, Level.ERROR),
])
def test_congestion_level(congestion: float, level: Level) -> None:
    assert congestion_level(congestion) is level


@pytest.mark.parametrize(("mul", "db"), [
    (1.0, 0.0), (0.1, -20.0), (0.01, -40.0), (10.0, 20.0), (0.5, -6.020599913279624),
    (0.001, -60.0),
])
def test_mul_to_db(mul: float, db: float) -> None:
    assert mul_to_db(mul) == pytest.approx(db)


@pytest.mark.parametrize("mul", [0.0, -0.5])
def test_mul_to_db_of_silence_is_minus_infinity(mul: float) -> None:
    assert mul_to_db(mul) == NEG_INF


def test_meter_levels_takes_the_loudest_channel() -> None:
    data = {"inputs": [
        {"inputName": "Mic/Aux", "inputLevelsMul": [[0.01, 0.1, 0.2], [0.1, 1.0, 1.0]]},
        {"inputName": "Silent", "inputLevelsMul": []},
        {"inputName": "Muted", "inputLevelsMul": [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]},
        {"inputName": "Broken", "inputLevelsMul": [[0.5], "junk", None]},
        "not an input",
        {"inputName": "Louder left", "inputLevelsMul": [[0.5, 0.25, 0.9], [0.001, 0.01, 0.1]]},
    ]}
    levels = meter_levels(data)
    assert list(levels) == ["Mic/Aux", "Silent", "Muted", "Broken", "Louder left"]
    assert levels["Mic/Aux"] == pytest.approx((-20.0, 0.0))  # max magnitude 0.1, max peak 1.0
    assert levels["Silent"] == (NEG_INF, NEG_INF)
    assert levels["Muted"] == (NEG_INF, NEG_INF)
    assert levels["Broken"] == (NEG_INF, NEG_INF)
    assert levels["Louder left"] == pytest.approx((-6.020599913279624, -12.041199826559248))  # 0.5, 0.25


def test_meter_levels_of_nothing() -> None:
    assert meter_levels({}) == {}
    assert meter_levels({"inputs": []}) == {}


def test_scenes_in_ui_order_reverses_obs_scene_index() -> None:
    # What OBS sends for Intro/Main/BRB (top to bottom): sceneIndex 0 is the bottom scene, listed first.
    wire = {"scenes": [{"sceneIndex": 0, "sceneName": "BRB"}, {"sceneIndex": 1, "sceneName": "Main"},
                       {"sceneIndex": 2, "sceneName": "Intro"}]}
    assert scenes_in_ui_order(wire) == ("Intro", "Main", "BRB")


def test_scenes_in_ui_order_sorts_by_index_not_by_position_and_skips_junk() -> None:
    wire = {"scenes": [{"sceneIndex": 1, "sceneName": "B"}, {"sceneIndex": 3, "sceneName": "D"},
                       "junk", {"sceneIndex": 2}, {"sceneIndex": 0, "sceneName": "A"},
                       {"sceneIndex": 2, "sceneName": "C"}]}
    assert scenes_in_ui_order(wire) == ("D", "C", "B", "A")
    assert scenes_in_ui_order({}) == ()
    assert scenes_in_ui_order({"scenes": []}) == ()


def test_backoff_delay_sequence() -> None:
    assert [backoff_delay(n) for n in range(1, 9)] == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]
    assert backoff_delay(0) == 0.5
    assert [backoff_delay(n, ceiling=0.5) for n in (1, 2, 3)] == [0.5, 0.5, 0.5]
    assert [backoff_delay(n, first=1.0, ceiling=3.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 3.0, 3.0]
    assert backoff_delay(1000) == 10.0  # no overflow on a long outage


@pytest.mark.parametrize(("url", "host", "port"), [
    ("ws://127.0.0.1:4455", "127.0.0.1", 4455),
    ("ws://obs.studio.lan:4460", "obs.studio.lan", 4460),
    ("ws://192.168.1.20", "192.168.1.20", 4455),
    ("localhost", "localhost", 4455),
    ("localhost:4444", "localhost", 4444),
    ("  ws://10.0.0.2:1234/  ", "10.0.0.2", 1234),
])
def test_endpoint_from_good_urls(url: str, host: str, port: int) -> None:
    endpoint = ObsEndpoint.from_url(url, "pw")
    assert (endpoint.host, endpoint.port, endpoint.password) == (host, port, "pw")
    assert endpoint.url == f"ws://{host}:{port}"


def test_endpoint_with_an_ipv6_literal() -> None:
    endpoint = ObsEndpoint.from_url("ws://[::1]:4460")
    assert (endpoint.host, endpoint.port) == ("::1", 4460)
    assert endpoint.url == "ws://[::1]:4460"
    assert ObsEndpoint.from_url(endpoint.url) == endpoint


def test_endpoint_defaults() -> None:
    endpoint = ObsEndpoint.from_url("localhost")
    assert endpoint == ObsEndpoint("localhost", 4455, "")
    assert ObsEndpoint().url == "ws://127.0.0.1:4455"


@pytest.mark.parametrize("url", ["http://x", "https://obs:4455", "wss://obs:4455", "ws://", ""])
def test_endpoint_rejects_other_schemes_and_missing_hosts(url: str) -> None:
    with pytest.raises(ValueError, match="expected ws://HOST:PORT"):
        ObsEndpoint.from_url(url)


@pytest.mark.parametrize("url", ["ws://localhost:99999", "ws://localhost:port", "localhost:-1"])
def test_endpoint_rejects_bad_ports(url: str) -> None:
    with pytest.raises(ValueError, match="bad port"):
        ObsEndpoint.from_url(url)
