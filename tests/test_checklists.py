"""Checklists: loading (good, malformed, user overrides), probes against the fake OBS, the engine,
history, the go-live gate, maintenance due dates, key masking and the ``check`` CLI's exit codes."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from controllers import redaction
from controllers.checklists import (
    Checklist,
    ItemResult,
    ManualTick,
    MeterTap,
    Readiness,
    RunResult,
    Status,
    due_items,
    gate_status,
    last_passes,
    latest_run,
    load_catalog,
    record_override,
    run_checks,
    run_with_worker,
    save_run,
)
from controllers.checklists.loader import SHIPPED_DIR, parse_checklist
from controllers.checklists.probes import parse_ingest, version_tuple
from controllers.obs.worker import FanOutListener, ObsEndpoint, ObsWorker
from controllers.sessions.service import database_path
from controllers.sessions.store import SessionStore
from tests.fakes.fake_obs import FakeObsServer

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "checklists"
KEY = "live_sk_9f8e7d6c5b4a3210"


def checklist(*items: str) -> Checklist:
    """A checklist from TOML item bodies."""
    text = 'id = "t"\ntitle = { en = "T", zh_TW = "T" }\n' + "".join(f"\n[[items]]\n{body}\n" for body in items)
    import tomllib

    return parse_checklist(tomllib.loads(text), text, "test")


def probe(item_id: str, name: str, params: str = "", required: bool = True) -> str:
    severity = "" if required else 'severity = "advisory"\n'
    return (f'id = "{item_id}"\ntitle = {{ en = "{item_id}", zh_TW = "{item_id}" }}\ngroup = "scenes"\n{severity}'
            f'probe = "{name}"\n' + (f"params = {{ {params} }}\n" if params else ""))


def manual(item_id: str, required: bool = True, interval: float | None = None) -> str:
    return (f'id = "{item_id}"\ntitle = {{ en = "{item_id}", zh_TW = "{item_id}" }}\n'
            f'group = "{"maintenance" if interval else "video"}"\nkind = "manual"\n'
            + ("" if required else 'severity = "advisory"\n')
            + (f"interval_days = {interval}\n" if interval else ""))


# -- loader --------------------------------------------------------------------------------------------


def test_shipped_files_load_without_errors() -> None:
    catalog = load_catalog()
    assert catalog.errors == []
    assert {"pre-stream", "maintenance"} <= set(catalog.checklists)
    assert {"youtube", "twitch", "facebook", "custom"} <= set(catalog.platforms)
    pre = catalog.checklists["pre-stream"]
    assert {i.group for i in pre.items} >= {"platform", "video", "audio", "network", "scenes", "recording"}
    assert all(i.title.en and i.title.zh_TW for c in catalog.checklists.values() for i in c.items)
    assert all(i.interval_days for i in catalog.checklists["maintenance"].items)
    youtube = catalog.platforms["youtube"]
    row = youtube.bitrate_for(1080, 60)
    assert row is not None and (row.min_kbps, row.max_kbps) == (4000, 10000)
    assert youtube.bitrate_for(1080, 29.97) is not None and youtube.bitrate_for(1080, 29.97).max_kbps == 8000
    for text in (SHIPPED_DIR / "platforms").glob("[!c]*.toml"):  # custom has no published source
        assert "https://" in text.read_text(), f"{text.name} cites its source"


def test_malformed_files_are_reported_with_file_and_line_and_the_rest_still_load(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(DATA, shipped)
    shutil.copy(SHIPPED_DIR / "pre-stream.toml", shipped)
    catalog = load_catalog(shipped, tmp_path / "none")
    assert list(catalog.checklists) == ["pre-stream"]
    errors = {e.path.name: e for e in catalog.errors}
    assert set(errors) == {"bad-syntax.toml", "unknown-probe.toml", "missing-param.toml", "bad-group.toml",
                           "maintenance-no-interval.toml"}
    syntax = errors["bad-syntax.toml"]
    assert syntax.line == 9 and "not valid TOML" in syntax.message
    assert str(syntax).startswith(f"{shipped / 'bad-syntax.toml'}:9: ")
    typo = errors["unknown-probe.toml"]
    assert typo.line == 12 and "item 'typo'" in typo.message and "unknown probe 'scene_exist'" in typo.message
    assert "needs parameter(s) input" in errors["missing-param.toml"].message
    assert errors["missing-param.toml"].line == 5
    bad_group = errors["bad-group.toml"].message
    assert "group must be one of" in bad_group and "'lighting'" in bad_group
    assert "needs interval_days" in errors["maintenance-no-interval.toml"].message


def test_user_files_override_shipped_ones_by_id(onair_home: Path) -> None:
    from controllers.checklists import user_dir

    folder = user_dir()
    (folder / "platforms").mkdir(parents=True)
    (folder / "mine.toml").write_text((SHIPPED_DIR / "pre-stream.toml").read_text().replace(
        'params = { name = "Intro" }', 'params = { name = "Opening" }'), encoding="utf-8")
    (folder / "platforms" / "yt.toml").write_text(
        'id = "youtube"\ntitle = { en = "My YouTube", zh_TW = "我的 YouTube" }\n', encoding="utf-8")
    catalog = load_catalog()
    pre = catalog.checklists["pre-stream"]
    assert pre.source.endswith("mine.toml")
    assert pre.item("scene-starting") is not None and pre.item("scene-starting").params == {"name": "Opening"}
    assert catalog.platforms["youtube"].title.en == "My YouTube"
    assert "maintenance" in catalog.checklists


def test_small_helpers() -> None:
    assert parse_ingest("rtmp://a.rtmp.youtube.com/live2") == ("a.rtmp.youtube.com", 1935)
    assert parse_ingest("rtmps://live-api-s.facebook.com:443/rtmp/") == ("live-api-s.facebook.com", 443)
    assert parse_ingest("rtmps://x.example/app") == ("x.example", 443)
    with pytest.raises(ValueError):
        parse_ingest("auto")
    assert version_tuple("29.0.2") > version_tuple("29.0") and version_tuple("30.1.0-beta1") >= (30, 1, 0)


# -- engine against the fake OBS -----------------------------------------------------------------------


class Connected:
    def __init__(self, fake: FakeObsServer, **worker_kw: object) -> None:
        self.tap = MeterTap()
        self.worker = ObsWorker(ObsEndpoint("127.0.0.1", fake.port, "secret"), FanOutListener([self.tap]),
                                backoff_ceiling=0.5, **worker_kw)  # type: ignore[arg-type]

    def __enter__(self) -> Connected:
        self.worker.start()
        assert self.worker.wait_connected(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.stop()

    def run(self, checklist: Checklist, **kw: object) -> RunResult:
        return run_with_worker(checklist, self.worker, meters=self.tap, **kw)  # type: ignore[arg-type]


@pytest.fixture
def fake() -> Iterator[FakeObsServer]:
    with FakeObsServer(password="secret") as server:
        server.state.stream_service_settings["key"] = KEY
        server.start_meters()
        yield server


def statuses(run: RunResult) -> dict[str, Status]:
    return {r.item_id: r.status for r in run.results}


def test_probes_pass_on_a_correct_setup(fake: FakeObsServer, tmp_path: Path) -> None:
    fake.state.record_directory = str(tmp_path)
    fake.state.profile_parameters[("SimpleOutput", "VBitrate")] = "4000"
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    fake.state.stream_service_type = "rtmp_common"  # OBS's own YouTube service, pointed at a local listener
    fake.state.stream_service_settings.update(server=f"rtmp://127.0.0.1:{listener.getsockname()[1]}/live",
                                              service="YouTube - RTMPS")
    catalog = load_catalog()
    items = checklist(
        probe("scene", "scene_exists", 'name = "Main"'), probe("active", "input_exists_active", 'name = "Clip"'),
        probe("unmuted", "input_not_muted", 'name = "Mic/Aux"'),
        probe("level", "audio_level", 'input = "Mic/Aux", min_db = -40, max_db = 0, seconds = 0.5'),
        probe("video", "video_settings", "output_width = 1280, output_height = 720, fps = 30"),
        probe("video-yt", "video_settings"), probe("encoder", "encoder_settings"),
        probe("service", "stream_service_configured"), probe("ingest", "ingest_reachable"),
        probe("disk", "disk_free_gb", "min_gb = 10"), probe("cpu", "cpu_below", "percent = 50"),
        probe("version", "obs_version_at_least", 'obs = "29.0", websocket = "5.1"'),
        probe("folder", "recording_folder_writable"), manual("camera"))
    try:
        with Connected(fake) as obs:
            run = obs.run(items, profile=catalog.platforms["youtube"], manual={"camera": ManualTick(True, "ok")})
    finally:
        listener.close()
    assert {k: v for k, v in statuses(run).items() if v is not Status.PASS} == {}, run.results
    assert run.overall is Readiness.READY and not run.obs_unreachable
    assert run.result("encoder").reason == \
        "Video bitrate 4000 kbit/s is within YouTube's range for 720p30 (3000–8000 kbit/s)"
    assert run.result("camera").note == "ok"


def test_probes_fail_with_the_right_reason(fake: FakeObsServer) -> None:
    def setup(state) -> None:  # type: ignore[no-untyped-def]
        state.inputs["Mic/Aux"]["muted"] = True
        state.inputs["Clip"]["meter_level"] = 0.0
        state.inactive_sources.add("Clip")
        state.video["outputWidth"], state.video["outputHeight"] = 1000, 700
        state.stream_service_settings["key"] = ""
        state.profile_parameters[("SimpleOutput", "VBitrate")] = "20000"
        state.stats["availableDiskSpace"] = 2048.0
        state.stats["cpuUsage"] = 95.0

    fake.call_in_loop(setup)
    items = checklist(
        probe("scene", "scene_exists", 'name = "Missing"'), probe("active", "input_exists_active", 'name = "Clip"'),
        probe("ghost", "input_exists_active", 'name = "Ghost"'),
        probe("unmuted", "input_not_muted", 'name = "Mic/Aux"'),
        probe("level-muted", "audio_level", 'input = "Mic/Aux", seconds = 0.3'),
        probe("level-silent", "audio_level", 'input = "Clip", seconds = 0.3'),
        probe("level-absent", "audio_level", 'input = "Camera", seconds = 0.3'),
        probe("video", "video_settings", "output_width = 1280, output_height = 720"),
        probe("video-yt", "video_settings"), probe("encoder", "encoder_settings", "max_kbps = 6000"),
        probe("service", "stream_service_configured"), probe("disk", "disk_free_gb", "min_gb = 10"),
        probe("cpu", "cpu_below", "percent = 80"), probe("version", "obs_version_at_least", 'obs = "31"'),
        probe("ingest", "ingest_reachable", f'url = "rtmp://127.0.0.1:{free_port()}/live", timeout_s = 1'))
    with Connected(fake) as obs:
        run = obs.run(items, profile=load_catalog().platforms["youtube"])
    reasons = {r.item_id: r.reason for r in run.results}
    assert {k: v for k, v in statuses(run).items() if v is not Status.FAIL} == {}, run.results
    assert reasons["scene"].startswith("No scene named “Missing”")
    assert "not on the program output" in reasons["active"]
    assert reasons["ghost"] == "No input named “Ghost”"
    assert reasons["unmuted"] == "“Mic/Aux” is muted"
    assert "is muted" in reasons["level-muted"]
    assert "is silent" in reasons["level-silent"] and "-inf dBFS" in reasons["level-silent"]
    assert reasons["level-absent"].startswith("“Camera” has no audio")
    assert "output width is 1000, expected 1280" in reasons["video"]
    assert "not one YouTube recommends" in reasons["video-yt"]
    assert "20000 kbit/s is above" in reasons["encoder"]
    assert reasons["service"].startswith("The stream key is empty")
    assert "Only 2.0 GB free" in reasons["disk"]
    assert "95.0 % CPU" in reasons["cpu"]
    assert "OBS 29.0.2 is older than 31" in reasons["version"]
    assert "Cannot reach 127.0.0.1" in reasons["ingest"]
    assert run.overall is Readiness.BLOCKED


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_disconnected_obs_and_slow_obs_are_could_not_check(fake: FakeObsServer) -> None:
    items = checklist(probe("scene", "scene_exists", 'name = "Main"'), manual("camera"))
    dead = ObsWorker(ObsEndpoint("127.0.0.1", free_port(), "x"), MeterTap(), backoff_ceiling=0.5).start()
    try:
        run = run_with_worker(items, dead, timeout=1)
    finally:
        dead.stop()
    assert statuses(run) == {"scene": Status.COULD_NOT_CHECK, "camera": Status.MANUAL}
    assert run.obs_unreachable and run.overall is Readiness.BLOCKED
    with Connected(fake) as obs:
        fake.set_response_delay(3.0)
        started = time.monotonic()
        run = obs.run(items, timeout=0.5)
        assert time.monotonic() - started < 2.5
        fake.set_response_delay(0.0)
    assert statuses(run)["scene"] is Status.COULD_NOT_CHECK
    assert "0.5 s" in run.result("scene").reason


def test_encoder_in_advanced_mode_and_unsupported_requests_cannot_be_checked(fake: FakeObsServer) -> None:
    fake.call_in_loop(lambda s: s.profile_parameters.__setitem__(("Output", "Mode"), "Advanced"))
    fake.inject_error("GetRecordDirectory", 204, "Your request type is not valid.")
    items = checklist(probe("encoder", "encoder_settings"), probe("folder", "recording_folder_writable"))
    with Connected(fake) as obs:
        run = obs.run(items, profile=load_catalog().platforms["youtube"])
    assert statuses(run) == {"encoder": Status.COULD_NOT_CHECK, "folder": Status.COULD_NOT_CHECK}
    assert "Advanced output mode" in run.result("encoder").reason
    assert run.result("folder").reason == "This OBS does not support GetRecordDirectory"


def test_stream_key_is_masked_everywhere(fake: FakeObsServer, onair_home: Path) -> None:
    fake.state.stream_service_settings["server"] = f"rtmp://127.0.0.1:{free_port()}/live/{KEY}"  # key in the URL
    items = checklist(probe("service", "stream_service_configured"),
                      probe("ingest", "ingest_reachable", "timeout_s = 0.5"))
    with Connected(fake) as obs:
        run = obs.run(items)
    assert KEY not in repr(run)
    assert redaction.MASK in run.result("service").reason
    store = SessionStore(database_path())
    store.submit(lambda c: save_run(c, run)).result(5)
    store.close()
    assert KEY.encode() not in b"".join(p.read_bytes() for p in database_path().parent.glob("sessions.sqlite3*"))


# -- history, gate, maintenance --------------------------------------------------------------------------


def _db(tmp_path: Path) -> sqlite3.Connection:
    SessionStore(tmp_path / "s.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "s.sqlite3", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _run(results: list[tuple[str, Status, bool]], checklist_id: str = "t", at: float = 1000.0) -> RunResult:
    return RunResult(checklist_id, "youtube", at, at + 1,
                     tuple(ItemResult(i, s, "why", req, s is not Status.MANUAL) for i, s, req in results))


def test_gate_blocks_on_required_items_failing_or_not_run_and_records_overrides(tmp_path: Path) -> None:
    items = checklist(probe("scene", "scene_exists", 'name = "A"'), probe("cpu", "cpu_below", "percent = 1",
                      required=False), manual("camera"))
    conn = _db(tmp_path)
    gate = gate_status(latest_run(conn, "t"), items)
    assert not gate.ok and gate.blocking == (("scene", "not run"), ("camera", "not run"))
    run_id = save_run(conn, _run([("scene", Status.PASS, True), ("cpu", Status.FAIL, False),
                                  ("camera", Status.MANUAL, True)]))
    stored = latest_run(conn, "t")
    assert stored is not None and stored.id == run_id and stored.overall is Readiness.INCOMPLETE
    gate = gate_status(stored, items)
    assert not gate.ok and gate.blocking == (("camera", "not run"),) and "camera (not run)" in gate.message
    with pytest.raises(ValueError):
        record_override(conn, run_id, "  ", 2000.0)
    record_override(conn, run_id, "camera checked by phone", 2000.0)
    stored = latest_run(conn, "t")
    assert stored is not None and stored.override_reason == "camera checked by phone" and stored.override_at == 2000.0
    gate = gate_status(stored, items)
    assert gate.ok and gate.overridden and gate.blocking == (("camera", "not run"),)
    save_run(conn, _run([("scene", Status.COULD_NOT_CHECK, True), ("cpu", Status.PASS, False),
                         ("camera", Status.PASS, True)], at=3000.0))
    gate = gate_status(latest_run(conn, "t"), items)
    assert not gate.ok and gate.blocking == (("scene", "could_not_check"),)
    save_run(conn, _run([("scene", Status.PASS, True), ("cpu", Status.FAIL, False), ("camera", Status.PASS, True)],
                        at=4000.0))
    gate = gate_status(latest_run(conn, "t"), items)
    assert gate.ok and not gate.overridden


def test_maintenance_due_dates_follow_the_last_pass(tmp_path: Path) -> None:
    items = checklist(manual("cables", interval=14), manual("drivers", interval=90), manual("design", interval=180))
    conn = _db(tmp_path)
    day = 86400.0
    now = 1_000 * day
    assert [d.item.id for d in due_items(items, last_passes(conn, "t"), now)] == ["cables", "drivers", "design"]
    save_run(conn, _run([("cables", Status.PASS, True), ("drivers", Status.PASS, True),
                         ("design", Status.FAIL, True)], at=now - 20 * day))
    save_run(conn, _run([("cables", Status.FAIL, True), ("drivers", Status.MANUAL, True),
                         ("design", Status.MANUAL, True)], at=now - 1 * day))
    passes = last_passes(conn, "t")
    assert set(passes) == {"cables", "drivers"}
    due = due_items(items, passes, now)
    assert [d.item.id for d in due] == ["design", "cables"]
    assert due[0].never_done and due[1].overdue_days == pytest.approx(6.0, abs=0.01)
    assert [d.item.id for d in due_items(items, passes, now, within_days=75)] == ["design", "cables", "drivers"]


def test_run_checks_without_obs_marks_probes_could_not_check() -> None:
    items = checklist(probe("scene", "scene_exists", 'name = "A"'), manual("camera", required=False))
    run = run_checks(items, None, manual={"camera": ManualTick(False, "lens cap")})
    assert statuses(run) == {"scene": Status.COULD_NOT_CHECK, "camera": Status.FAIL}
    assert run.result("camera").note == "lens cap" and run.obs_unreachable


# -- CLI -----------------------------------------------------------------------------------------------


def _cli(args: list[str], home: Path, url: str, password: str = "secret") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONAIR_", "XDG_"))}
    env.update(ONAIR_HOME=str(home), HOME=str(home), QT_QPA_PLATFORM="offscreen", ONAIR_OBS_URL=url,
               ONAIR_OBS_PASSWORD=password, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "main.py", "check", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_cli_exit_codes_output_and_history(fake: FakeObsServer, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data" / "checklists").mkdir(parents=True)
    (home / "data" / "checklists" / "quick.toml").write_text(
        'id = "quick"\ntitle = { en = "Quick", zh_TW = "快速" }\n'
        + "\n[[items]]\n" + probe("scene", "scene_exists", 'name = "Main"')
        + "\n[[items]]\n" + probe("service", "stream_service_configured")
        + "\n[[items]]\n" + manual("camera"), encoding="utf-8")
    ok = _cli(["quick", "--json"], home, fake.url)
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert [i["status"] for i in doc["items"]] == ["pass", "pass", "manual"] and doc["run_id"] == 1
    assert doc["overall"] == "incomplete"
    fake.call_in_loop(lambda s: s.stream_service_settings.__setitem__("server", ""))
    failed = _cli(["quick"], home, fake.url)
    assert failed.returncode == 1, failed.stderr
    assert "[FAIL] service: No stream server is set in OBS" in failed.stdout
    assert "[manual] camera" in failed.stdout
    dead = _cli(["quick"], home, f"ws://127.0.0.1:{free_port()}")
    assert dead.returncode == 2
    assert dead.stderr.count("\n") == 1 and dead.stderr.startswith("Cannot connect to OBS at ws://127.0.0.1:")
    assert "Traceback" not in dead.stderr
    unknown = _cli(["nope"], home, fake.url)
    assert unknown.returncode == 2 and "No checklist 'nope'" in unknown.stderr
    for run in (ok, failed, dead):
        assert KEY not in run.stdout + run.stderr
    conn = sqlite3.connect(home / "data" / "sessions.sqlite3")
    assert [r[0] for r in conn.execute("SELECT overall FROM check_runs ORDER BY id")] == \
        ["incomplete", "blocked", "blocked"]
    conn.close()
    logs = b"".join(p.read_bytes() for p in (home / "logs").glob("*"))
    assert KEY.encode() not in logs
