"""Screenshots of the review panel and the chat dialogs, for looking at them (offscreen, no OBS needed).

    .venv/bin/python scripts/screenshot_review.py [--language en|zh_TW] [--out /tmp/visual]

Builds a realistic session in a temporary ONAIR_HOME SQLite database (1 Hz samples with an OBS
outage, scene switches, markers, chat, viewer counts, a YouTube Studio import, goals, three earlier
sessions to compare with) and grabs (``QWidget.grab``, 1600×1000):

* ``review-<lang>.png``: the panel with the Goals tab; ``review-previous-<lang>.png``: the
  previous-sessions tab; ``review-audience-<lang>.png``; ``review-import-error-<lang>.png``: after
  importing files that cannot be read;
* ``chat-compose-<lang>.png``, ``chat-settings-<lang>.png``, ``chat-highlight-<lang>.png``.

Also prints the focusable widgets without an objectName and the review panel's tab order.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
IMPORTS = ROOT / "tests" / "data" / "imports"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en", choices=["en", "zh_TW"])
    parser.add_argument("--out", type=Path, default=Path("/tmp/visual"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ONAIR_HOME"] = tempfile.mkdtemp(prefix="onair-shot-review-")
    args.out.mkdir(parents=True, exist_ok=True)
    lang = args.language

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from controllers import i18n

    app = QApplication([])
    i18n.install_translators(app, lang)

    from review_build import START, make_session

    from controllers.review.goals import make_goal, set_goal
    from controllers.review.imports.service import import_file
    from controllers.sessions.store import SessionStore, connect, migrate
    from ui.review.review_panel import ReviewPanel

    def settle(done: object = None, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)
            if done is not None and done():  # type: ignore[operator]
                break
        for _ in range(30):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        path = args.out / f"{name}-{lang}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    def audit(root: QWidget, label: str) -> None:
        unnamed = [f"{type(w).__name__}({getattr(w, 'text', lambda: '')()!r})" for w in root.findChildren(QWidget)
                   if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.objectName() and w.isVisibleTo(root)
                   and not type(w).__name__.startswith(("QAbstract", "QScrollBar"))
                   and w.parent() is not None and type(w.parent()).__name__ not in ("QAbstractSpinBox",)]
        print(f"{label}: focusable widgets without objectName: {unnamed or 'none'}")

    def tab_chain(root: QWidget, label: str, limit: int = 40) -> None:
        first = root.nextInFocusChain()
        chain, w = [], first
        while w is not None and len(chain) < limit:
            if root.isAncestorOf(w) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root):
                chain.append(w.objectName() or type(w).__name__)
            w = w.nextInFocusChain()
            if w is first:
                break
        print(f"{label}: tab order: {' → '.join(chain)}")

    db = Path(os.environ["ONAIR_HOME"]) / "sessions.sqlite3"
    conn = connect(db)
    migrate(conn, db)
    for i in range(3):
        make_session(conn, hours=2, chat=2_000, events=24, seed=10 + i, start=START - (i + 1) * 86_400.0,
                     title=f"Weekly launch stream #{41 - i}", chatters=30 + 5 * i)
    # realistic: ~40 scene switches and markers in 6 hours, a few dozen regulars in the chat
    sid = make_session(conn, hours=6, chat=20_000, events=44, seed=1, title="Weekly launch stream #42 — Q&A",
                       chatters=48)
    for metric, op, target in (("peak_viewers", ">=", 280), ("dropped_frames_pct", "<=", 0.5),
                               ("avg_bitrate_kbps", ">=", 6000), ("chat_messages", ">=", 30_000),
                               ("encoder_skipped_pct", "<=", 0.1)):
        set_goal(conn, sid, make_goal(metric, op, target))
    conn.commit()
    for name in ("youtube_studio_audience_retention.csv", "youtube_studio_viewer_age.csv",
                 "youtube_studio_geography.csv"):
        try:
            import_file(conn, IMPORTS / name, session_id=sid)
            conn.commit()
        except Exception as exc:  # noqa: BLE001 - a screenshot helper: say it and go on
            print(f"import {name}: {exc}")
    conn.close()

    store = SessionStore(db)
    panel = ReviewPanel(store, player_factory=None, language=lang)
    panel.resize(1600, 1000)
    panel.show()
    panel.refresh_sessions()
    settle(lambda: panel.picker.count() >= 4, 10)
    loaded: list[object] = []
    panel.loaded.connect(loaded.append)
    panel.open_session(sid)
    settle(lambda: bool(loaded), 60)
    settle(timeout=0.5)
    panel.tabs.setCurrentIndex(0)
    settle(timeout=0.3)
    save(panel, "review")
    audit(panel, "review panel")
    tab_chain(panel, "review panel")
    panel.tabs.setCurrentWidget(panel.audience)
    settle(timeout=0.3)
    save(panel, "review-audience")
    panel.tabs.setCurrentWidget(panel.comparison)
    settle(timeout=0.3)
    save(panel, "review-previous")
    panel.tabs.setCurrentIndex(0)
    done: list[str] = []
    panel.failed.connect(done.append)
    panel.import_files([IMPORTS / "bad_number_twitch.csv", IMPORTS / "damaged.zip", IMPORTS / "unknown_header.csv"])
    settle(lambda: bool(done) and panel.import_button.isEnabled(), 30)
    settle(timeout=0.5)
    save(panel, "review-import-error")
    panel.shutdown()
    panel.close()
    store.close()

    from controllers.chat.config import ChatConfig
    from controllers.chat.hub import ChatHub
    from controllers.settings import Settings
    from ui.chat_compose import ChatComposer
    from ui.chat_highlight_dialog import ChatHighlightDialog
    from ui.chat_settings_dialog import ChatSettingsDialog

    hub = ChatHub()
    composer = ChatComposer(hub, Settings())
    composer.resize(420, 90)
    composer.show()
    settle(timeout=0.3)
    save(composer, "chat-compose")
    audit(composer, "chat composer")
    tab_chain(composer, "chat composer")
    dialog = ChatSettingsDialog(ChatConfig(twitch_channel="mychannel", twitch_login="onair_bot",
                                           twitch_token="oauth:abcdef0123456789", youtube_video_id="dQw4w9WgXcQ"),
                                env_overrides=["ONAIR_TWITCH_CHANNEL"])
    dialog.show()
    settle(timeout=0.3)
    save(dialog, "chat-settings")
    audit(dialog, "chat settings")
    tab_chain(dialog, "chat settings")
    dialog.close()
    highlight = ChatHighlightDialog("mychannel", ["giveaway", "re:\\bbug\\b", "@mod"], True)
    highlight.show()
    settle(timeout=0.3)
    save(highlight, "chat-highlight")
    audit(highlight, "chat highlight")
    tab_chain(highlight, "chat highlight")
    highlight.close()
    composer.close()
    hub.stop(2.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
