"""Harness for integration tests against a real OBS Studio (obs-websocket v5) under Xvfb.

Typical use::

    clip = make_test_clip(tmp_path / "clip.mp4")
    with ObsProcess() as obs:
        populate_show(obs, clip)
        client = obs.connect()          # obswebsocket.obsws, already connected
        ...
        obs.kill(); obs.restart()       # crash + recovery, same HOME/port/password

Facts measured on Debian OBS 29.0.2 (obs-websocket 5.1.0), see the module's report:
* ``FirstRun=true`` in ``[General]`` of global.ini suppresses the auto-config wizard.
* 29.0.2 has no "safe mode"/"did not shut down properly" dialog after SIGKILL, and
  ``--multi`` suppresses "OBS is already running".  ``--disable-shutdown-check`` (OBS >= 30)
  is passed only if ``obs --help`` advertises it.
* SIGINT = clean exit (rc 0, "Shutting down" in log); SIGTERM = immediate death (rc -15).
* InputVolumeMeters (~20/s) only lists inputs that are active (on program).
* GetSceneList ``sceneIndex`` 0 is the *bottom* of the UI list; the returned array is
  bottom-to-top.  CreateScene appends at the bottom of the UI list.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import secrets
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.support.media import make_test_clip

__all__ = [
    "ObsStartError",
    "ObsProcess",
    "RtmpSink",
    "ensure_display",
    "obs_available",
    "make_test_clip",
    "populate_show",
    "ui_scene_order",
    "count_events",
    "reidentify",
    "free_port",
    "SHOW_SCENES",
    "EVENT_SUB_ALL",
    "EVENT_SUB_INPUT_VOLUME_METERS",
]

SHOW_SCENES: tuple[str, ...] = ("Intro", "Main", "BRB")
"""Scene names created by :func:`populate_show`, in UI order top to bottom."""

EVENT_SUB_ALL = 2047  # EventSubscription::All in obs-websocket 5.x (obs-websocket-py sends 1023)
EVENT_SUB_INPUT_VOLUME_METERS = 1 << 16

_COLLECTION = "OnAirTest"
_PROFILE = "OnAirTest"


class ObsStartError(RuntimeError):
    """OBS (or Xvfb/ffmpeg) could not be started; message includes the tail of the log."""


def free_port() -> int:
    """Return a currently free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "<no log>"
    return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- display

_display_lock = threading.Lock()
_xvfb: subprocess.Popen[bytes] | None = None
_xvfb_display: str | None = None


def _display_works(display: str) -> bool:
    """True if an X server answers on *display* (xdpyinfo, else the unix socket)."""
    if shutil.which("xdpyinfo"):
        try:
            r = subprocess.run(
                ["xdpyinfo"], env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=5,
            )
            return r.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix"):
        return False  # remote display and no xdpyinfo: can't tell cheaply
    num = rest.split(".")[0]
    for addr in (f"/tmp/.X11-unix/X{num}", f"\0/tmp/.X11-unix/X{num}"):
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(2)
                s.connect(addr)
                return True
        except OSError:
            continue
    return False


def _stop_xvfb() -> None:
    global _xvfb, _xvfb_display
    if _xvfb is not None and _xvfb.poll() is None:
        _xvfb.terminate()
        try:
            _xvfb.wait(5)
        except subprocess.TimeoutExpired:
            _xvfb.kill()
            _xvfb.wait()
    _xvfb = None
    _xvfb_display = None


def ensure_display(timeout: float = 10.0) -> str:
    """Return a working X display: $DISPLAY if it answers, else a per-process Xvfb.

    Xvfb is started with ``-displayfd`` so it picks a free display number itself (no race),
    and is terminated at interpreter exit.
    """
    global _xvfb, _xvfb_display
    with _display_lock:
        if _xvfb_display is not None and _xvfb is not None and _xvfb.poll() is None:
            return _xvfb_display
        env_display = os.environ.get("DISPLAY")
        if env_display and _display_works(env_display):
            return env_display
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            raise ObsStartError("no working $DISPLAY and Xvfb is not installed")
        rfd, wfd = os.pipe()
        try:
            proc = subprocess.Popen(
                [xvfb, "-displayfd", str(wfd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                pass_fds=(wfd,), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
            )
        finally:
            os.close(wfd)
        atexit.register(_stop_xvfb)
        _xvfb = proc
        buf = b""
        deadline = time.monotonic() + timeout
        with os.fdopen(rfd, "rb", buffering=0) as r:
            # Xvfb writes "N\n" once it is ready to accept connections.
            while b"\n" not in buf and time.monotonic() < deadline:
                ready, _, _ = select.select([r], [], [], 0.1)
                if ready:
                    chunk = r.read(64)
                    if not chunk:
                        break
                    buf += chunk
                elif proc.poll() is not None:
                    break
        if b"\n" not in buf:
            err = b""
            if proc.poll() is not None and proc.stderr is not None:
                err = proc.stderr.read()
            _stop_xvfb()
            raise ObsStartError(f"Xvfb did not start: {err.decode(errors='replace')[-2000:]}")
        display = f":{int(buf.strip())}"
        while not _display_works(display):
            if time.monotonic() > deadline:
                _stop_xvfb()
                raise ObsStartError(f"Xvfb on {display} does not accept connections")
            time.sleep(0.05)
        _xvfb_display = display
        return display


# --------------------------------------------------------------------------- availability


def obs_available() -> str | None:
    """None if obs, ffmpeg and an X display (or Xvfb) are available, else a reason string."""
    missing = [exe for exe in ("obs", "ffmpeg") if shutil.which(exe) is None]
    env_display = os.environ.get("DISPLAY")
    if shutil.which("Xvfb") is None and not (env_display and _display_works(env_display)):
        missing.append("Xvfb (or a working $DISPLAY)")
    if missing:
        return "real OBS tests need: " + ", ".join(missing)
    return None


# --------------------------------------------------------------------------- OBS process

_obs_help: str | None = None


def _obs_help_text() -> str:
    global _obs_help
    if _obs_help is None:
        try:
            r = subprocess.run(["obs", "--help"], capture_output=True, text=True, timeout=20,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            _obs_help = r.stdout + r.stderr
        except (OSError, subprocess.TimeoutExpired):
            _obs_help = ""
    return _obs_help


_live: weakref.WeakSet[ObsProcess] = weakref.WeakSet()


@atexit.register
def _kill_leftovers() -> None:
    for obs in list(_live):
        with contextlib.suppress(Exception):  # best effort at exit
            obs.kill()


class ObsProcess:
    """One real OBS instance with a private HOME, fixed websocket port and password.

    The config (global.ini, a profile and a minimal scene collection with a single
    "Scene" and *no* desktop/mic audio devices) is written on the first :meth:`start`;
    :meth:`restart` reuses it, so everything OBS saved survives a stop/kill.
    """

    host = "127.0.0.1"

    def __init__(self, port: int | None = None, password: str | None = None,
                 workdir: Path | None = None, extra_args: tuple[str, ...] = ()) -> None:
        self._tmp = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="onair-obs-"))
        self._owns_tmp = workdir is None
        self._port = port or free_port()
        self._password = password or secrets.token_urlsafe(12)
        self._extra_args = tuple(extra_args)
        self._proc: subprocess.Popen[bytes] | None = None
        self._configured = False
        self._starts = 0
        self.startup_seconds: float | None = None
        """Seconds from spawn to websocket Hello for the last start."""
        self.display: str | None = None

    # ----- properties
    @property
    def port(self) -> int:
        return self._port

    @property
    def password(self) -> str:
        return self._password

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self._port}"

    @property
    def home(self) -> Path:
        return self._tmp / "home"

    @property
    def config_dir(self) -> Path:
        return self.home / ".config" / "obs-studio"

    @property
    def log_path(self) -> Path:
        return self._tmp / "obs.log"

    @property
    def recordings_dir(self) -> Path:
        return self._tmp / "recordings"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def log_text(self) -> str:
        """Everything OBS printed to stdout/stderr, across all (re)starts."""
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    # ----- config
    def _write_config(self) -> None:
        cfg = self.config_dir
        (cfg / "basic" / "scenes").mkdir(parents=True, exist_ok=True)
        (cfg / "basic" / "profiles" / _PROFILE).mkdir(parents=True, exist_ok=True)
        self.recordings_dir.mkdir(parents=True, exist_ok=True)
        (cfg / "global.ini").write_text(
            "[General]\n"
            "FirstRun=true\n"
            "EnableAutoUpdates=false\n"
            "ConfirmOnExit=false\n"
            "Pre19Defaults=false\nPre21Defaults=false\nPre23Defaults=false\nPre24.1Defaults=false\n"
            "\n[Basic]\n"
            f"Profile={_PROFILE}\nProfileDir={_PROFILE}\n"
            f"SceneCollection={_COLLECTION}\nSceneCollectionFile={_COLLECTION}\n"
            "\n[BasicWindow]\n"
            "SysTrayEnabled=false\n"
            "WarnBeforeStartingStream=false\nWarnBeforeStoppingStream=false\n"
            "WarnBeforeStoppingRecord=false\n"
            "\n[OBSWebSocket]\n"
            "FirstLoad=false\nServerEnabled=true\n"
            f"ServerPort={self._port}\nAlertsEnabled=false\n"
            f"AuthRequired=true\nServerPassword={self._password}\n"
        )
        (cfg / "basic" / "profiles" / _PROFILE / "basic.ini").write_text(
            f"[General]\nName={_PROFILE}\n"
            "\n[Video]\nBaseCX=1280\nBaseCY=720\nOutputCX=640\nOutputCY=360\n"
            "FPSType=0\nFPSCommon=30\n"
            "\n[Audio]\nSampleRate=48000\nChannelSetup=Stereo\n"
            "\n[Output]\nMode=Simple\n"
            "\n[SimpleOutput]\nVBitrate=800\nABitrate=128\nStreamEncoder=x264\nPreset=ultrafast\n"
            f"RecFormat=mkv\nRecQuality=Stream\nFilePath={self.recordings_dir}\n"
        )
        scene = {
            "id": "scene", "versioned_id": "scene", "name": "Scene",
            "settings": {"custom_size": False, "id_counter": 0, "items": []},
        }
        collection = {
            "name": _COLLECTION,
            "current_scene": "Scene",
            "current_program_scene": "Scene",
            "current_transition": "Fade",
            "transition_duration": 300,
            "scene_order": [{"name": "Scene"}],
            "sources": [scene],
            "groups": [],
            "transitions": [],
            "quick_transitions": [],
            "saved_projectors": [],
            "preview_locked": False,
        }
        (cfg / "basic" / "scenes" / f"{_COLLECTION}.json").write_text(json.dumps(collection, indent=1))
        self._configured = True

    def _command(self) -> list[str]:
        cmd = ["obs", "--multi", "--minimize-to-tray", "--collection", _COLLECTION, "--profile", _PROFILE]
        help_text = _obs_help_text()
        for flag in ("--disable-shutdown-check", "--disable-missing-files-check", "--disable-updater"):
            if flag in help_text:
                cmd.append(flag)
        cmd.extend(self._extra_args)
        return cmd

    # ----- lifecycle
    def start(self, timeout: float = 30.0) -> ObsProcess:
        """Spawn OBS and block until the websocket port accepts and sends a Hello (op 0)."""
        if self.running:
            raise RuntimeError("OBS is already running")
        if not self._configured:
            self._write_config()
        self.display = ensure_display()
        env = dict(os.environ)
        for k in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM", "XDG_CONFIG_HOME",
                  "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(k, None)
        env.update(
            DISPLAY=self.display,
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            LIBGL_ALWAYS_SOFTWARE="1",
            QT_QPA_PLATFORM="xcb",
        )
        self._starts += 1
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== onair harness: start #{self._starts} {time.ctime()} =====\n".encode())
            log.flush()
            t0 = time.monotonic()
            self._proc = subprocess.Popen(
                self._command(), cwd=self.home, env=env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        _live.add(self)
        try:
            self._wait_ready(t0 + timeout)
        except BaseException:
            self.kill()
            raise
        self.startup_seconds = time.monotonic() - t0
        return self

    def _wait_ready(self, deadline: float) -> None:
        import websocket  # websocket-client

        last_err: str = ""
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise ObsStartError(
                    f"OBS exited with {self._proc.returncode} during startup; log tail:\n"
                    f"{_tail(self.log_path)}")
            try:
                with socket.create_connection((self.host, self._port), timeout=1):
                    pass
                ws = websocket.create_connection(self.url, timeout=3)
                try:
                    hello = json.loads(ws.recv())
                finally:
                    ws.close()
                if hello.get("op") == 0:
                    return
                last_err = f"unexpected first message {hello!r}"
            except (OSError, websocket.WebSocketException, ValueError) as e:
                last_err = repr(e)
            time.sleep(0.1)
        raise ObsStartError(
            f"OBS websocket on {self.url} not ready within timeout ({last_err}); log tail:\n"
            f"{_tail(self.log_path)}")

    def _signal(self, sig: int) -> None:
        if self._proc is None or self._proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._proc.pid, sig)  # own session: also hits ffmpeg-mux children

    def stop(self, timeout: float = 15.0) -> int | None:
        """Graceful shutdown, SIGKILL after *timeout*.

        OBS 29 exits cleanly (rc 0, saves config) on SIGINT; SIGTERM kills it without saving.
        """
        if self._proc is None:
            return None
        self._signal(signal.SIGINT)
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._signal(signal.SIGKILL)
            self._proc.wait(10)
        return self._proc.returncode

    def kill(self) -> None:
        """SIGKILL the OBS process group (simulates a crash; no config save)."""
        if self._proc is None:
            return
        self._signal(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(10)

    def restart(self, timeout: float = 30.0) -> ObsProcess:
        """Stop (if running) and start again with the same HOME, port and password."""
        if self.running:
            self.stop()
        return self.start(timeout)

    def close(self) -> None:
        """Stop OBS and delete the temporary directory (if the harness created it)."""
        self.stop()
        _live.discard(self)
        if self._owns_tmp and os.environ.get("ONAIR_KEEP_OBS_HOME") != "1":
            shutil.rmtree(self._tmp, ignore_errors=True)

    def connect(self, timeout: float = 10.0) -> Any:
        """Return a connected ``obswebsocket.obsws`` (v5) client; caller disconnects it."""
        from obswebsocket import obsws

        client = obsws(self.host, self._port, self._password, legacy=False, timeout=timeout)
        client.connect()
        return client

    def __enter__(self) -> ObsProcess:
        if not self.running:
            self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


# --------------------------------------------------------------------------- show content


def _call(client: Any, name: str, **data: Any) -> dict[str, Any]:
    """Call request *name*; raise RuntimeError on failure; return responseData."""
    from obswebsocket import requests

    resp = client.call(getattr(requests, name)(**data))
    if not resp.status:
        raise RuntimeError(f"{name}({data}) failed: {resp.datain}")
    return dict(resp.datain)


def ui_scene_order(client: Any) -> list[str]:
    """Scene names as shown in the OBS UI, top to bottom.

    obs-websocket 5.1 returns ``scenes`` bottom-to-top (``sceneIndex`` 0 = bottom of the list).
    """
    scenes = _call(client, "GetSceneList")["scenes"]
    return [s["sceneName"] for s in sorted(scenes, key=lambda s: s["sceneIndex"], reverse=True)]


def _clip_settings(media_clip: Path) -> dict[str, Any]:
    return {
        "local_file": str(Path(media_clip).resolve()),
        "is_local_file": True,
        "looping": True,
        # Play (and meter) even while the scene is not on program, so both inputs always
        # produce InputVolumeMeters data.
        "restart_on_activate": False,
        "close_when_inactive": False,
    }


def populate_show(obs: ObsProcess, media_clip: Path) -> None:
    """Make the collection exactly: scenes Intro, Main, BRB (UI top->bottom), inputs
    "Music" (ffmpeg_source, in Intro) and "Clip" (ffmpeg_source, in Main), program = Intro.

    Idempotent: safe to call again after a restart.
    """
    client = obs.connect()
    try:
        names = ui_scene_order(client)
        if names != list(SHOW_SCENES):
            present = set(names)
            if "Intro" not in present:
                if names == ["Scene"]:
                    _call(client, "SetSceneName", sceneName="Scene", newSceneName="Intro")
                else:
                    _call(client, "CreateScene", sceneName="Intro")
            for name in SHOW_SCENES[1:]:
                if name not in present:
                    _call(client, "CreateScene", sceneName=name)  # appended at the UI bottom
            _call(client, "SetCurrentProgramScene", sceneName="Intro")
            for name in ui_scene_order(client):
                if name not in SHOW_SCENES:
                    _call(client, "RemoveScene", sceneName=name)
            names = ui_scene_order(client)
            if names != list(SHOW_SCENES):
                raise RuntimeError(f"cannot establish scene order {SHOW_SCENES}; got {names}")
        inputs = {i["inputName"]: i for i in _call(client, "GetInputList")["inputs"]}
        for input_name, scene in (("Music", "Intro"), ("Clip", "Main")):
            settings = _clip_settings(media_clip)
            if input_name in inputs:
                _call(client, "SetInputSettings", inputName=input_name, inputSettings=settings)
            else:
                _call(client, "CreateInput", sceneName=scene, inputName=input_name,
                      inputKind="ffmpeg_source", inputSettings=settings, sceneItemEnabled=True)
            _call(client, "SetInputMute", inputName=input_name, inputMuted=False)
        _call(client, "SetCurrentProgramScene", sceneName="Intro")
    finally:
        client.disconnect()


def count_events(client: Any, event_name: str, seconds: float,
                 on_event: Callable[[Any], None] | None = None) -> int:
    """Count events named *event_name* received by an obsws *client* over *seconds*."""
    n = 0
    lock = threading.Lock()

    def cb(ev: Any) -> None:
        nonlocal n
        if getattr(ev, "name", None) == event_name:
            with lock:
                n += 1
            if on_event:
                on_event(ev)

    client.register(cb)
    try:
        time.sleep(seconds)
    finally:
        client.unregister(cb)
    return n


def reidentify(client: Any, event_subscriptions: int) -> None:
    """Send a raw Reidentify (op 3) over an obsws client's socket.

    The server's Identified (op 2) reply is logged as "Unknown message" by obs-websocket-py
    and otherwise ignored.
    """
    client.ws.send(json.dumps({"op": 3, "d": {"eventSubscriptions": event_subscriptions}}))


# --------------------------------------------------------------------------- RTMP sink


def _tcp_listening(port: int) -> bool:
    """Check /proc/net/tcp{,6} for a LISTEN socket on *port* (without connecting to it)."""
    hexport = f"{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[1].rsplit(":", 1)[1] == hexport and parts[3] == "0A":
                        return True
        except (OSError, StopIteration):
            continue
    return False


class RtmpSink:
    """A one-shot RTMP server: ``ffmpeg -listen 1`` receiving into an FLV file (or null).

    ffmpeg accepts exactly ONE publisher connection and exits when it ends, so call
    :meth:`restart` (same port/key) before every further StartStream.
    """

    def __init__(self, key: str = "onair", output: Path | None = None, port: int | None = None) -> None:
        self._key = key
        self._port = port or free_port()
        self.output = Path(output) if output else None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = Path(tempfile.mkstemp(prefix="onair-rtmp-", suffix=".log")[1])

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        """Server part for OBS ``rtmp_custom`` settings."""
        return f"rtmp://127.0.0.1:{self._port}/live"

    @property
    def key(self) -> str:
        return self._key

    @property
    def full_url(self) -> str:
        return f"{self.url}/{self._key}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def log_text(self) -> str:
        return self._log.read_text(errors="replace") if self._log.exists() else ""

    def bytes_received(self) -> int:
        """Size of the output file (0 when writing to null)."""
        return self.output.stat().st_size if self.output and self.output.exists() else 0

    def start(self, timeout: float = 10.0) -> RtmpSink:
        if self.running:
            raise RuntimeError("RTMP sink already running")
        sink = ["-f", "flv", "-y", str(self.output)] if self.output else ["-f", "null", "-"]
        cmd = ["ffmpeg", "-hide_banner", "-loglevel", "warning", "-nostdin",
               "-listen", "1", "-i", self.full_url, "-c", "copy", *sink]
        with open(self._log, "ab") as log:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while not _tcp_listening(self._port):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise ObsStartError(f"ffmpeg RTMP listener failed:\n{self.log_text()[-2000:]}")
            time.sleep(0.05)
        return self

    def stop(self, timeout: float = 5.0) -> int | None:
        if self._proc is None:
            return None
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGINT)  # lets ffmpeg finalize the FLV
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        return self._proc.returncode

    def restart(self) -> RtmpSink:
        """New listener on the same port/key (needed for each new publish)."""
        self.stop()
        return self.start()

    def apply_to(self, client: Any) -> None:
        """Point OBS at this sink: SetStreamServiceSettings(rtmp_custom, server, key)."""
        _call(client, "SetStreamServiceSettings", streamServiceType="rtmp_custom",
              streamServiceSettings={"server": self.url, "key": self._key})

    def __enter__(self) -> RtmpSink:
        if not self.running:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        with contextlib.suppress(OSError):
            self._log.unlink()
