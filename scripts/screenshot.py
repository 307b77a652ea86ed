"""Take screenshots of OnAir's main window against a real OBS started by the test harness.

    .venv/bin/python scripts/screenshot.py [--language en|zh_TW] [--stream] --out assets/screenshots/live.png
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", default="en", choices=["en", "zh_TW"])
    parser.add_argument("--stream", action="store_true", help="stream to a local RTMP sink first")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ONAIR_HOME"] = tempfile.mkdtemp(prefix="onair-shot-")

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from controllers import i18n
    from controllers.obs.model import LinkState
    from controllers.obs.worker import ObsEndpoint
    from controllers.settings import Settings
    from tests.support.real_obs import ObsProcess, RtmpSink, make_test_clip, populate_show
    from ui.app import OnAirApp

    app = QApplication([])
    i18n.install_translators(app, args.language)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    clip = make_test_clip(Path(tempfile.gettempdir()) / "onair-shot-clip.mp4")
    with ObsProcess() as obs, RtmpSink() as sink:
        populate_show(obs, clip)
        bare = obs.connect()
        sink.apply_to(bare)
        from obswebsocket import requests

        bare.call(requests.SetCurrentProgramScene(sceneName="Main"))
        bare.call(requests.SetInputVolume(inputName="Music", inputVolumeDb=-8.5))
        if args.stream:
            bare.call(requests.StartStream())
            wait(2500)
        onair = OnAirApp(Settings(), ObsEndpoint(obs.host, obs.port, obs.password), language=args.language)
        client, window = onair.client, onair.window
        window.resize(1600, 950)
        onair.start()
        for _ in range(100):
            wait(100)
            if client.status.state is LinkState.CONNECTED:
                break
        wait(3500)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(f"wrote {args.out}")
        if args.stream:
            bare.call(requests.StopStream())
        bare.disconnect()
        onair.shutdown()
        window.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
