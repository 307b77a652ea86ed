"""Automatic checks ("probes"). Each takes a :class:`ProbeContext` and its parameters and returns an
:class:`Outcome` with a reason an operator can act on.

Probes never talk to obs-websocket themselves: ``ctx.obs.request`` goes through the OBS worker thread
(:class:`WorkerRequests`). An :class:`~controllers.obs.errors.ObsError` other than a request failure
escaping a probe means OBS could not be asked: the engine turns it into "could not check".
The stream key is registered with :mod:`controllers.redaction` and never put in a reason or detail.
"""

from __future__ import annotations

import concurrent.futures
import math
import os
import re
import shutil
import socket
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from .. import redaction
from ..obs.errors import ObsRequestError, ObsTimeoutError
from ..obs.model import ConnectionStatus, HealthStats, ObsSnapshot
from ..obs.state import scenes_in_ui_order
from .model import PlatformProfile, Status

RESOURCE_NOT_FOUND = 600
INVALID_RESOURCE_STATE = 604  # e.g. GetInputMute on an input without audio
DEFAULT_RTMP_PORT = 1935
DEFAULT_RTMPS_PORT = 443


class ObsRequests(Protocol):
    def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]: ...


class _Submitter(Protocol):
    def submit(self, request_type: str, data: dict[str, Any] | None = None) -> concurrent.futures.Future[
            dict[str, Any]]: ...


class WorkerRequests:
    """Requests through an :class:`~controllers.obs.worker.ObsWorker` (its thread sends them)."""

    def __init__(self, worker: _Submitter, timeout: float = 5.0) -> None:
        self.worker = worker
        self.timeout = timeout

    def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        future = self.worker.submit(request_type, data)
        try:
            return future.result(self.timeout)
        except concurrent.futures.TimeoutError as exc:
            future.cancel()
            raise ObsTimeoutError(f"OBS did not answer {request_type} within {self.timeout:g} s") from exc


class MeterTap:
    """An OBS listener that keeps the last ``keep_s`` seconds of InputVolumeMeters (thread-safe).

    Add it to the worker's listeners (``FanOutListener([..., tap])``); ``on_meters`` arrives on the
    meters receive thread at ~20 Hz. Only inputs on the program output appear in OBS's meters."""

    def __init__(self, keep_s: float = 120.0) -> None:
        self.keep_s = keep_s
        self._lock = threading.Lock()
        self._frames: deque[tuple[float, dict[str, tuple[float, float]]]] = deque()

    def on_meters(self, levels: dict[str, tuple[float, float]]) -> None:
        now = time.monotonic()
        with self._lock:
            self._frames.append((now, dict(levels)))
            while self._frames and self._frames[0][0] < now - self.keep_s:
                self._frames.popleft()

    def frames_since(self, since: float) -> list[dict[str, tuple[float, float]]]:
        with self._lock:
            return [levels for t, levels in self._frames if t >= since]

    # The rest of the listener protocol: nothing to do.
    def on_status(self, status: ConnectionStatus) -> None:
        pass

    def on_snapshot(self, snapshot: ObsSnapshot) -> None:
        pass

    def on_event(self, event_type: str, data: dict[str, Any]) -> None:
        pass

    def on_stats(self, stats: HealthStats) -> None:
        pass


@dataclass
class ProbeContext:
    obs: ObsRequests
    profile: PlatformProfile | None = None
    meters: MeterTap | None = None
    #: OBS runs on this machine (its recording folder can be checked here).
    obs_is_local: bool = True
    sleep: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class Outcome:
    status: Status
    reason: str
    detail: dict[str, Any] = field(default_factory=dict)


def _pass(reason: str, **detail: Any) -> Outcome:
    return Outcome(Status.PASS, reason, detail)


def _fail(reason: str, **detail: Any) -> Outcome:
    return Outcome(Status.FAIL, reason, detail)


def _cannot(reason: str, **detail: Any) -> Outcome:
    return Outcome(Status.COULD_NOT_CHECK, reason, detail)


def _error(reason: str, **detail: Any) -> Outcome:
    return Outcome(Status.ERROR, reason, detail)


def _db(value: float) -> str:
    return "-inf dBFS" if math.isinf(value) and value < 0 else f"{value:.1f} dBFS"


def _not_found(exc: ObsRequestError) -> bool:
    return exc.code == RESOURCE_NOT_FOUND


# -- scenes and inputs --------------------------------------------------------------------------------


def scene_exists(ctx: ProbeContext, name: str) -> Outcome:
    scenes = list(scenes_in_ui_order(ctx.obs.request("GetSceneList")))
    if name in scenes:
        return _pass(f"Scene “{name}” exists", scenes=scenes)
    return _fail(f"No scene named “{name}” (OBS has: {', '.join(scenes) or 'none'})", scenes=scenes)


def input_exists_active(ctx: ProbeContext, name: str) -> Outcome:
    try:
        data = ctx.obs.request("GetSourceActive", {"sourceName": name})
    except ObsRequestError as exc:
        if _not_found(exc):
            return _fail(f"No input named “{name}”")
        raise
    if data.get("videoActive"):
        return _pass(f"“{name}” exists and is on the program output", **data)
    return _fail(f"“{name}” exists but is not on the program output (not in the current scene, or hidden)", **data)


def input_not_muted(ctx: ProbeContext, name: str) -> Outcome:
    try:
        muted = bool(ctx.obs.request("GetInputMute", {"inputName": name}).get("inputMuted"))
    except ObsRequestError as exc:
        if _not_found(exc):
            return _fail(f"No input named “{name}”")
        if exc.code == INVALID_RESOURCE_STATE:
            return _fail(f"“{name}” has no audio")
        raise
    return _fail(f"“{name}” is muted", muted=True) if muted else _pass(f"“{name}” is not muted", muted=False)


def audio_level(ctx: ProbeContext, input: str, min_db: float = -50.0, max_db: float = -1.0,
                seconds: float = 3.0) -> Outcome:
    """The loudest meter magnitude of ``input`` over ``seconds`` must lie in [min_db, max_db]."""
    if ctx.meters is None:
        return _cannot("No audio meter feed from OBS (OnAir is not listening to meters)")
    muted = input_not_muted(ctx, input)
    if muted.status is not Status.PASS:
        return Outcome(muted.status, f"{muted.reason}: no sound can reach the stream", muted.detail)
    started = time.monotonic()
    ctx.sleep(float(seconds))
    frames = ctx.meters.frames_since(started)
    # OBS may have gone away during the window: readings from before that are no proof (raises ObsError).
    ctx.obs.request("GetInputMute", {"inputName": input})
    if not frames:
        return _cannot(f"OBS sent no audio meters in {seconds:g} s")
    levels = [f[input] for f in frames if input in f]
    if not levels:
        return _fail(f"“{input}” is silent: it is not on the program output (no meter readings in {seconds:g} s)",
                     frames=len(frames))
    loudest = max(mag for mag, _ in levels)
    peak = max(pk for _, pk in levels)
    detail = {"loudest_db": None if math.isinf(loudest) else round(loudest, 1),
              "peak_db": None if math.isinf(peak) else round(peak, 1), "readings": len(levels)}
    if loudest < min_db:
        return _fail(f"“{input}” is silent: loudest {_db(loudest)} over {seconds:g} s (needs at least "
                     f"{min_db:g} dBFS)", **detail)
    if loudest > max_db:
        return _fail(f"“{input}” is too loud: {_db(loudest)} (at most {max_db:g} dBFS)", **detail)
    return _pass(f"“{input}” level {_db(loudest)} over {seconds:g} s (range {min_db:g} to {max_db:g} dBFS)",
                 **detail)


# -- video and encoder ---------------------------------------------------------------------------------


def video_settings(ctx: ProbeContext, base_width: int | None = None, base_height: int | None = None,
                   output_width: int | None = None, output_height: int | None = None,
                   fps: float | None = None) -> Outcome:
    """Explicit values must match exactly; otherwise the platform profile's resolutions and fps apply."""
    v = ctx.obs.request("GetVideoSettings")
    num, den = float(v.get("fpsNumerator") or 0), float(v.get("fpsDenominator") or 1)
    have = {"base_width": int(v.get("baseWidth") or 0), "base_height": int(v.get("baseHeight") or 0),
            "output_width": int(v.get("outputWidth") or 0), "output_height": int(v.get("outputHeight") or 0),
            "fps": round(num / den, 3) if den else 0.0}
    text = (f"base {have['base_width']}×{have['base_height']}, output {have['output_width']}×"
            f"{have['output_height']} at {have['fps']:g} fps")
    wanted = {"base_width": base_width, "base_height": base_height, "output_width": output_width,
              "output_height": output_height, "fps": fps}
    problems = [f"{key.replace('_', ' ')} is {have[key]:g}, expected {value:g}"
                for key, value in wanted.items()
                if value is not None and abs(float(have[key]) - float(value)) > 0.01]
    profile = ctx.profile
    if profile is not None:
        size = (have["output_width"], have["output_height"])
        if output_width is None and output_height is None and profile.resolutions and size not in profile.resolutions:
            allowed = ", ".join(f"{w}×{h}" for w, h in profile.resolutions)
            problems.append(f"output {size[0]}×{size[1]} is not one {profile.title.en} recommends ({allowed})")
        if fps is None and profile.fps and not any(abs(have["fps"] - f) < 0.02 for f in profile.fps):
            problems.append(f"{have['fps']:g} fps is not one {profile.title.en} recommends "
                            f"({', '.join(f'{f:g}' for f in profile.fps)})")
    if not any(value is not None for value in wanted.values()) and profile is None:
        return _cannot(f"No platform chosen and no expected values given ({text})", **have)
    if problems:
        return _fail("; ".join(problems) + f" ({text})", **have)
    return _pass(text.capitalize(), **have)


def _profile_parameter(ctx: ProbeContext, category: str, name: str) -> str | None:
    data = ctx.obs.request("GetProfileParameter", {"parameterCategory": category, "parameterName": name})
    value = data.get("parameterValue")
    if value is None:
        value = data.get("defaultParameterValue")
    return None if value is None else str(value)


def encoder_settings(ctx: ProbeContext, min_kbps: int | None = None, max_kbps: int | None = None) -> Outcome:
    """The stream video bitrate vs the platform's range for the output resolution and fps.

    obs-websocket 5.1 exposes the profile's basic.ini (GetProfileParameter): in Simple output mode the
    bitrate is SimpleOutput/VBitrate. In Advanced mode the encoder settings live in streamEncoder.json,
    which no request exposes: could not check."""
    mode = _profile_parameter(ctx, "Output", "Mode") or "Simple"
    if mode != "Simple":
        return _cannot(f"OBS is in {mode} output mode: its encoder settings are not exposed over obs-websocket "
                       "(check the bitrate and keyframe interval in OBS › Settings › Output)", mode=mode)
    raw = _profile_parameter(ctx, "SimpleOutput", "VBitrate")
    try:
        kbps = int(float(raw or ""))
    except ValueError:
        return _error(f"OBS reports an unreadable video bitrate {raw!r}", mode=mode)
    detail: dict[str, Any] = {"mode": mode, "video_kbps": kbps}
    low, high, what = min_kbps, max_kbps, "the checklist's range"
    if low is None and high is None:
        if ctx.profile is None:
            return _cannot(f"No platform chosen to compare the video bitrate ({kbps} kbit/s) with", **detail)
        v = ctx.obs.request("GetVideoSettings")
        height = int(v.get("outputHeight") or 0)
        num, den = float(v.get("fpsNumerator") or 0), float(v.get("fpsDenominator") or 1)
        rate = num / den if den else 0.0
        row = ctx.profile.bitrate_for(height, rate)
        if row is None:
            return _cannot(f"{ctx.profile.title.en}'s guidance lists no bitrate for {height}p at {rate:g} fps "
                           f"(video bitrate {kbps} kbit/s)", **detail)
        low, high, what = row.min_kbps, row.max_kbps, f"{ctx.profile.title.en}'s range for {height}p{rate:g}"
    detail.update(min_kbps=low, max_kbps=high)
    if low is not None and kbps < low:
        return _fail(f"Video bitrate {kbps} kbit/s is below {what} ({low}–{high} kbit/s)", **detail)
    if high is not None and kbps > high:
        return _fail(f"Video bitrate {kbps} kbit/s is above {what} ({low}–{high} kbit/s)", **detail)
    return _pass(f"Video bitrate {kbps} kbit/s is within {what} ({low}–{high} kbit/s)", **detail)


# -- stream service and network --------------------------------------------------------------------


def _stream_service(ctx: ProbeContext) -> tuple[str, str, str, str]:
    """(type, server, service name, key); the key is registered for redaction before anything else."""
    data = ctx.obs.request("GetStreamServiceSettings")
    settings = data.get("streamServiceSettings") or {}
    key = str(settings.get("key") or "")
    redaction.register(key)
    return (str(data.get("streamServiceType") or ""), str(settings.get("server") or "").strip(),
            str(settings.get("service") or ""), key)


def stream_service_configured(ctx: ProbeContext) -> Outcome:
    kind, server, service, key = _stream_service(ctx)
    where = f"{service} ({server})" if service else server
    detail = {"type": kind, "server": redaction.redact(server), "service": service, "key_set": bool(key)}
    if not server:
        return _fail("No stream server is set in OBS (Settings › Stream)", **detail)
    if not key.strip():
        return _fail(f"The stream key is empty (server {redaction.redact(where)})", **detail)
    profile = ctx.profile
    if profile is not None:
        if kind == "rtmp_common" and profile.obs_services and service not in profile.obs_services:
            return _fail(f"OBS streams to {service or 'an unnamed service'}, not {profile.title.en}", **detail)
        if kind != "rtmp_common" and profile.ingest_patterns and not any(
                re.search(p, server) for p in profile.ingest_patterns):
            return _fail(f"The server {redaction.redact(server)} is not a {profile.title.en} ingest URL", **detail)
    return _pass(f"Stream server {redaction.redact(where)} and a stream key ({redaction.mask(key)}) are set",
                 **detail)


def parse_ingest(server: str) -> tuple[str, int]:
    """rtmp://host[:port]/app → (host, port); 1935 for rtmp, 443 for rtmps. Raises ValueError."""
    parts = urlsplit(server)
    if parts.scheme not in ("rtmp", "rtmps") or not parts.hostname:
        raise ValueError(f"not an rtmp:// or rtmps:// URL: {server!r}")
    return parts.hostname, parts.port or (DEFAULT_RTMPS_PORT if parts.scheme == "rtmps" else DEFAULT_RTMP_PORT)


def ingest_reachable(ctx: ProbeContext, url: str | None = None, timeout_s: float = 3.0) -> Outcome:
    server = url or _stream_service(ctx)[1]
    shown = redaction.redact(server)
    if not server:
        return _fail("No stream server is set in OBS, so there is nothing to reach")
    try:
        host, port = parse_ingest(server)
    except ValueError:
        return _cannot(f"The stream server {shown!r} is not an rtmp:// URL (OBS picks the server itself)")
    started = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=float(timeout_s)):
            pass
    except TimeoutError:
        return _fail(f"{host}:{port} did not answer within {timeout_s:g} s", host=host, port=port)
    except OSError as exc:
        return _fail(f"Cannot reach {host}:{port}: {exc.strerror or exc}", host=host, port=port)
    ms = (time.monotonic() - started) * 1000
    return _pass(f"{host}:{port} accepts connections ({ms:.0f} ms)", host=host, port=port, connect_ms=round(ms))


# -- system ------------------------------------------------------------------------------------------


def disk_free_gb(ctx: ProbeContext, min_gb: float) -> Outcome:
    """OBS's own figure (GetStats availableDiskSpace: the recording drive), in GB (1024 MB)."""
    free_mb = float(ctx.obs.request("GetStats").get("availableDiskSpace") or 0.0)
    free_gb = free_mb / 1024
    detail = {"free_gb": round(free_gb, 2)}
    if free_gb < float(min_gb):
        return _fail(f"Only {free_gb:.1f} GB free on the recording drive (needs {min_gb:g} GB)", **detail)
    return _pass(f"{free_gb:.1f} GB free on the recording drive (needs {min_gb:g} GB)", **detail)


def cpu_below(ctx: ProbeContext, percent: float) -> Outcome:
    cpu = float(ctx.obs.request("GetStats").get("cpuUsage") or 0.0)
    if cpu >= float(percent):
        return _fail(f"OBS uses {cpu:.1f} % CPU (limit {percent:g} %)", cpu=round(cpu, 1))
    return _pass(f"OBS uses {cpu:.1f} % CPU (limit {percent:g} %)", cpu=round(cpu, 1))


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)[:4])


def obs_version_at_least(ctx: ProbeContext, obs: str | None = None, websocket: str | None = None) -> Outcome:
    data = ctx.obs.request("GetVersion")
    have_obs, have_ws = str(data.get("obsVersion") or ""), str(data.get("obsWebSocketVersion") or "")
    detail = {"obs": have_obs, "websocket": have_ws}
    problems = []
    if obs and version_tuple(have_obs) < version_tuple(obs):
        problems.append(f"OBS {have_obs} is older than {obs}")
    if websocket and version_tuple(have_ws) < version_tuple(websocket):
        problems.append(f"obs-websocket {have_ws} is older than {websocket}")
    if problems:
        return _fail("; ".join(problems), **detail)
    return _pass(f"OBS {have_obs}, obs-websocket {have_ws}", **detail)


def recording_folder_writable(ctx: ProbeContext) -> Outcome:
    folder = str(ctx.obs.request("GetRecordDirectory").get("recordDirectory") or "")
    if not folder:
        return _fail("OBS has no recording folder set")
    if not ctx.obs_is_local:
        return _cannot(f"OBS runs on another machine: its recording folder {folder} cannot be checked from here",
                       folder=folder)
    path = Path(folder)
    if not path.is_dir():
        return _fail(f"The recording folder {folder} does not exist", folder=folder)
    try:
        with tempfile.NamedTemporaryFile(dir=path, prefix=".onair-check-"):
            pass
    except OSError as exc:
        return _fail(f"Cannot write to the recording folder {folder}: {exc.strerror or exc}", folder=folder)
    free_gb = shutil.disk_usage(path).free / 1024 ** 3
    return _pass(f"The recording folder {folder} is writable ({free_gb:.1f} GB free)", folder=folder,
                 free_gb=round(free_gb, 2), writable=os.access(path, os.W_OK))


@dataclass(frozen=True)
class ProbeSpec:
    fn: Callable[..., Outcome]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    #: Extra seconds this probe needs beyond its timeout (e.g. audio_level's listening window).
    extra_time: Callable[[dict[str, Any]], float] = lambda _params: 0.0


PROBES: dict[str, ProbeSpec] = {
    "scene_exists": ProbeSpec(scene_exists, ("name",)),
    "input_exists_active": ProbeSpec(input_exists_active, ("name",)),
    "input_not_muted": ProbeSpec(input_not_muted, ("name",)),
    "audio_level": ProbeSpec(audio_level, ("input",), ("min_db", "max_db", "seconds"),
                             lambda p: float(p.get("seconds", 3.0))),
    "video_settings": ProbeSpec(video_settings, (), ("base_width", "base_height", "output_width", "output_height",
                                                     "fps")),
    "encoder_settings": ProbeSpec(encoder_settings, (), ("min_kbps", "max_kbps")),
    "stream_service_configured": ProbeSpec(stream_service_configured),
    "ingest_reachable": ProbeSpec(ingest_reachable, (), ("url", "timeout_s"),
                                  lambda p: float(p.get("timeout_s", 3.0))),
    "disk_free_gb": ProbeSpec(disk_free_gb, ("min_gb",)),
    "cpu_below": ProbeSpec(cpu_below, ("percent",)),
    "obs_version_at_least": ProbeSpec(obs_version_at_least, (), ("obs", "websocket")),
    "recording_folder_writable": ProbeSpec(recording_folder_writable),
}
