#!/usr/bin/env python3
"""Regenerate OnAir's Traditional Chinese (zh_TW) translation.

    python scripts/update_translations.py            # lupdate → fill from TRANSLATIONS → lrelease
    python scripts/update_translations.py --check    # exit 1 if a source string lacks a finished translation

Steps of an update:

1. ``pyside6-lupdate`` (from the venv of ``sys.executable``) scans every ``.py`` under ui/, controllers/
   and cli/ and merges into ``assets/i18n/onair_zh_TW.ts`` (existing translations are kept;
   ``-no-obsolete`` drops strings that left the code).
2. lupdate's Python parser cannot see everything, so this script also reads the sources with ``ast``:

   * module-level wrappers such as ``def tr(text): return QCoreApplication.translate("cli", text)``:
     lupdate files their calls under an empty context (the runtime context is "cli"), and
     ``_tr(...)`` is not recognised at all;
   * ``tr(...)`` calls inside f-string replacement fields, which lupdate skips.

   Those messages are fed to lupdate through a generated stub file of explicit
   ``QCoreApplication.translate(context, source)`` calls (so lupdate still does the merging), their
   locations are pointed back at the real call sites, and the bogus empty-context copies are dropped.
3. Unfinished messages get their translation from ``TRANSLATIONS`` below, keyed by
   ``(context, source)`` or just ``source``. Placeholders (``{name}``, ``{s:.0f}``), ``&`` mnemonics,
   line breaks and tabs must match the source.
4. ``pyside6-lrelease`` compiles ``assets/i18n/onair_zh_TW.qm``.

``--check`` runs steps 1–2 on a temporary copy and lists every source string without a finished,
well-formed translation; it also fails if the .qm is not the compiled form of the .ts.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("ui", "controllers", "cli")
LANGUAGE = "zh_TW"
TS_PATH = ROOT / "assets" / "i18n" / f"onair_{LANGUAGE}.ts"
QM_PATH = TS_PATH.with_suffix(".qm")
STUB_NAME = "onair_wrapped_strings.py"

# fmt: off
#: Translations, keyed by ``(context, source)`` (wins) or by ``source`` (any context).
#: Only messages that are unfinished in the .ts are filled (use --overwrite to re-apply all).
TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ---- shared wording ------------------------------------------------------------------------
    "Started": "開始時間",
    "Duration": "持續時間",
    "Title": "標題",
    "Platform": "平台",
    "Status": "狀態",
    "Samples": "取樣數",
    "Events": "事件數",
    "Chat": "聊天",
    "Untitled": "未命名",
    "Rehearsal": "彩排",

    # ---- cli (QCoreApplication.translate("cli", ...)) -------------------------------------------
    "No sessions yet.": "目前還沒有任何場次。",
    "(rehearsal)": "（彩排）",
    "Wrote {path}": "已寫入 {path}",
    "Export failed: {reason}": "匯出失敗：{reason}",
    "Another OnAir is already recording sessions into {path}.": "另一個 OnAir 已在將場次記錄到 {path}。",
    "Session {id} was interrupted by a crash; it is now closed at its last sample.":
        "場次 {id} 因程式當機而中斷，現已在最後一筆取樣處結束。",
    "Rehearsal session {id} started.": "彩排場次 {id} 已開始。",
    "Recording sessions from OBS at {url}; Ctrl+C stops.": "正在記錄 {url} 上 OBS 的場次；按 Ctrl+C 停止。",
    "on": "開啟",
    "off": "關閉",
    "OBS {obs} (obs-websocket {ws}) at {url}": "OBS {obs}（obs-websocket {ws}），位於 {url}",
    "Program scene: {scene}": "節目場景：{scene}",
    "Studio mode: on, preview scene: {scene}": "工作室模式：開啟，預覽場景：{scene}",
    "Scenes:": "場景：",
    "Audio inputs:": "音訊輸入：",
    "muted": "靜音",
    ("cli", "live"): "播送中",  # an audio input that is not muted
    "(none)": "（無）",
    "Stream: {state} {timecode}": "串流：{state} {timecode}",
    "Record: {state} {timecode}": "錄影：{state} {timecode}",
    "Stats: {fps:.1f} fps, CPU {cpu:.1f} %, memory {mem:.0f} MB, render skipped {render:.1f} %, "
    "encoder skipped {enc:.1f} %, disk free {disk:.1f} GB":
        "統計：{fps:.1f} FPS，CPU {cpu:.1f} %，記憶體 {mem:.0f} MB，算圖略過 {render:.1f} %，"
        "編碼略過 {enc:.1f} %，可用磁碟空間 {disk:.1f} GB",
    "Cannot connect to OBS at {url}: {reason}": "無法連線到 {url} 的 OBS：{reason}",

    # ---- app (ui/app.py) ------------------------------------------------------------------------
    "Another OnAir is recording sessions; this one does not.": "另一個 OnAir 正在記錄場次，這個 OnAir 不會記錄。",
    "Sessions are not recorded": "不會記錄場次",
    "Sessions {ids} were interrupted by a crash and have been closed at their last sample.":
        "場次 {ids} 因程式當機而中斷，已在各自最後一筆取樣處結束。",
    "OBS address": "OBS 位址",

    # ---- AudioMixer / AudioStrip ----------------------------------------------------------------
    "Audio mixer": "音訊混音器",
    "No audio inputs": "沒有音訊輸入",
    "Muted": "靜音",
    "Live": "播送中",
    "Unmute {name}": "取消 {name} 的靜音",
    "Mute {name}": "將 {name} 靜音",
    "Set volume of {name}": "設定 {name} 的音量",

    # ---- ConnectionDialog -----------------------------------------------------------------------
    "Connect to OBS": "連線到 OBS",
    "OBS › Tools › WebSocket Server Settings": "OBS › 工具 › WebSocket 伺服器設定",
    "Remember the password in the system keyring": "將密碼記在系統金鑰圈中",
    "Secrets are kept in the system keyring.": "機密資訊會保存在系統金鑰圈中。",
    "No system keyring is available: the password is kept for this session only.":
        "沒有可用的系統金鑰圈：密碼只會在本次執行期間保留。",
    "Host": "主機",
    "Port": "連接埠",
    "Password": "密碼",
    "Connect": "連線",

    # ---- ConnectionIndicator --------------------------------------------------------------------
    "● Connected to OBS {version} at {url}": "● 已連線到 {url} 的 OBS {version}",
    "● Disconnected from {url}": "● 已與 {url} 中斷連線",
    "Ctrl+K to connect": "按 Ctrl+K 連線",
    "● Reconnecting to {url}": "● 正在重新連線到 {url}",
    "● Connecting to {url}": "● 正在連線到 {url}",
    "retry {n} in {s:.0f} s": "{s:.0f} 秒後進行第 {n} 次重試",

    # ---- HealthPanel ----------------------------------------------------------------------------
    "Health": "健康狀態",
    "FPS": "FPS",
    "CPU": "CPU",
    "Memory": "記憶體",
    "Render-skipped frames": "算圖略過的影格",
    "Encoder-skipped frames": "編碼器略過的影格",
    "Network-dropped frames": "網路丟棄的影格",
    "Bitrate": "位元率",
    "Congestion": "壅塞",
    "Free disk": "可用磁碟空間",
    "Stream link": "串流連線",
    "Reconnecting…": "正在重新連線…",
    "OK": "正常",
    "Not streaming": "未在串流",

    # ---- MainWindow -----------------------------------------------------------------------------
    "OnAir — livestream console": "OnAir — 直播控制台",
    "Sessions": "場次",
    "Sessions are not recorded.": "不會記錄場次。",
    "&File": "檔案(&F)",
    "&Connect to OBS…": "連線到 OBS(&C)…",
    "&Reconnect now": "立即重新連線(&R)",
    "&Quit": "結束(&Q)",
    "&Live": "直播(&L)",
    "Start/stop &streaming": "開始/停止串流(&S)",
    "Start/stop &recording": "開始/停止錄影(&R)",
    "&Transition (studio mode)": "轉場（工作室模式）(&T)",
    "Add &marker": "加入標記(&M)",
    "Add marker with &note…": "加入附註標記(&N)…",
    "Start &rehearsal session": "開始彩排場次(&R)",
    "&End rehearsal session": "結束彩排場次(&E)",
    "&View": "檢視(&V)",
    "&Settings": "設定(&S)",
    "&Language": "語言(&L)",
    "System default": "系統預設",
    "&Help": "說明(&H)",
    "&Keyboard shortcuts": "鍵盤快速鍵(&K)",
    "Not connected to OBS": "未連線到 OBS",
    "There is no scene {n}": "沒有第 {n} 個場景",
    "{what} failed — {reason}": "{what}失敗 — {reason}",
    "Sessions not recorded": "未記錄場次",
    "rehearsal": "彩排",
    "stream": "直播",
    "● Recording session {id} ({kind})": "● 正在記錄場次 {id}（{kind}）",
    "Sessions start with the stream": "場次會在開始串流時開始記錄",
    "No session is being recorded: marker not added": "目前沒有正在記錄的場次：未加入標記",
    "Marker added": "已加入標記",
    "Marker": "標記",
    "Note for this moment:": "此時刻的附註：",
    "Title of the rehearsal:": "彩排標題：",
    "A stream session is already being recorded": "已有直播場次正在記錄中",
    "Rehearsal session ended": "彩排場次已結束",
    "No system keyring: the password is kept for this session only.": "沒有系統金鑰圈：密碼只會在本次執行期間保留。",
    "Language": "語言",
    "The new language takes effect when OnAir is restarted.": "新的語言會在重新啟動 OnAir 後生效。",
    "Keyboard shortcuts": "鍵盤快速鍵",
    "1–9\tswitch to scene 1–9 (preview in studio mode)\n"
    "Ctrl+T\ttransition (studio mode)\n"
    "Ctrl+Shift+S\tstart/stop streaming\n"
    "Ctrl+Shift+R\tstart/stop recording\n"
    "Ctrl+M\tadd a marker to the session\n"
    "Ctrl+Shift+M\tadd a marker with a note\n"
    "Ctrl+F\tfilter the chat (Esc clears)\n"
    "Ctrl+1–9\tinsert canned reply 1–9 (Enter sends)\n"
    "F6\tpost-stream review\n"
    "Ctrl+K\tconnect to OBS…\n"
    "Ctrl+R\treconnect now\n"
    "Ctrl+Q\tquit":
        "1–9\t切換到場景 1–9（工作室模式下為預覽）\n"
        "Ctrl+T\t轉場（工作室模式）\n"
        "Ctrl+Shift+S\t開始/停止串流\n"
        "Ctrl+Shift+R\t開始/停止錄影\n"
        "Ctrl+M\t在場次中加入標記\n"
        "Ctrl+Shift+M\t加入附註標記\n"
        "Ctrl+F\t篩選聊天訊息（Esc 清除）\n"
        "Ctrl+1–9\t插入罐頭回覆 1–9（Enter 送出）\n"
        "F6\t直播後檢討\n"
        "Ctrl+K\t連線到 OBS…\n"
        "Ctrl+R\t立即重新連線\n"
        "Ctrl+Q\t結束",

    # ---- OutputControls -------------------------------------------------------------------------
    "Outputs": "輸出",
    "Add marker": "加入標記",
    "Mark this moment in the session (Ctrl+M; Ctrl+Shift+M with a note)":
        "在場次中標記此時刻（Ctrl+M；Ctrl+Shift+M 可附加附註）",
    "Starting…": "正在開始…",
    "Stopping…": "正在停止…",
    "Start streaming": "開始串流",
    "Stop streaming": "停止串流",
    "Start recording": "開始錄影",
    "Stop recording": "停止錄影",
    "Stop streaming?": "要停止串流嗎？",
    "The broadcast ends for every viewer. Stop streaming now?": "所有觀眾的直播都會結束。要立即停止串流嗎？",
    "Stop recording?": "要停止錄影嗎？",
    "Stop recording now?": "要立即停止錄影嗎？",

    # ---- ProgramPreview / ScenesPanel -----------------------------------------------------------
    "No program picture": "沒有節目畫面",
    "Scenes": "場景",
    "Studio mode": "工作室模式",
    "Pick the next scene in preview, then press Transition": "在預覽中選好下一個場景，再按「轉場」",
    "Transition": "轉場",
    "Send the preview scene to program (Ctrl+T)": "將預覽場景送到節目（Ctrl+T）",
    "Set preview scene": "設定預覽場景",
    "Switch scene": "切換場景",

    # ---- SessionsPanel / SessionListModel -------------------------------------------------------
    "Delete…": "刪除…",
    "Refresh": "重新整理",
    "Select a session to delete.": "請選擇要刪除的場次。",
    "Delete session?": "要刪除場次嗎？",
    "Delete session {id} “{title}” ({duration}) with all its samples, events and chat? This cannot be undone.":
        "要刪除場次 {id}「{title}」（{duration}）及其所有取樣、事件與聊天訊息嗎？此動作無法復原。",
    ("SessionListModel", "live"): "直播中",  # session status
    "ended": "已結束",
    "interrupted": "已中斷",
    # ---- chat panel (ui/chat_panel.py, ui/models/chat_model.py) --------------------------------
    ("ChatListModel", "[message removed]"): "[訊息已移除]",
    ("ChatListModel", "{bits} bits"): "{bits} 小奇點",
    ("ChatPanel", "Filter chat…"): "篩選聊天訊息…",
    ("ChatPanel", "Questions only"): "只顯示問題",
    ("ChatPanel", "Feature on stream"): "在直播畫面上顯示",
    ("ChatPanel", " s"): " 秒",
    ("ChatPanel", "OBS is not connected"): "尚未連線到 OBS",
    ("ChatPanel", "Featuring in {scene} for {n} s…"): "正在 {scene} 顯示 {n} 秒…",
    ("ChatPanel", "On stream in {scene}"): "已在 {scene} 顯示",
    ("ChatPanel", "No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID"):
        "沒有聊天來源：請設定 ONAIR_TWITCH_CHANNEL 或 ONAIR_YOUTUBE_VIDEO_ID",
    ("ChatPanel", "connecting"): "連線中",
    ("ChatPanel", "connected"): "已連線",
    ("ChatPanel", "reconnecting"): "重新連線中",
    ("ChatPanel", "disconnected"): "已斷線",
    ("ChatPanel", "{n} msg/min"): "每分鐘 {n} 則",
    ("ChatPanel", "{n} new ↓"): "{n} 則新訊息 ↓",
    # ---- checklist dock (ui/checklist_panel.py) ------------------------------------------------
    ("ChecklistPanel", "by {operator}"): "檢查人：{operator}",
    ("ChecklistPanel", "Any platform"): "任何平台",
    ("ChecklistPanel", "Run checks"): "執行檢查",
    ("ChecklistPanel", "Item"): "項目",
    ("ChecklistPanel", "Severity"): "重要性",
    ("ChecklistPanel", "Reason"): "原因",
    ("ChecklistPanel", "Note"): "備註",
    ("ChecklistPanel", "Checklist:"): "檢查清單：",
    ("ChecklistPanel", "Platform:"): "平台：",
    ("ChecklistPanel", "Past runs"): "過去的檢查紀錄",
    ("ChecklistPanel", "required"): "必要",
    ("ChecklistPanel", "advisory"): "建議",
    ("ChecklistPanel", "Double-click to add a note"): "按兩下以加入備註",
    ("ChecklistPanel", "Video"): "視訊",
    ("ChecklistPanel", "Audio"): "音訊",
    ("ChecklistPanel", "Network"): "網路",
    ("ChecklistPanel", "Recording"): "錄影",
    ("ChecklistPanel", "Maintenance"): "維護",
    ("ChecklistPanel", "Pass"): "通過",
    ("ChecklistPanel", "Fail"): "未通過",
    ("ChecklistPanel", "Error"): "錯誤",
    ("ChecklistPanel", "Could not check"): "無法檢查",
    ("ChecklistPanel", "To confirm"): "待確認",
    ("ChecklistPanel", "Not run"): "尚未執行",
    ("ChecklistPanel", "Readiness: not checked yet"): "就緒狀態：尚未檢查",
    ("ChecklistPanel", "Ready to go live"): "可以開播",
    ("ChecklistPanel", "Blocked"): "受阻",
    ("ChecklistPanel", "Incomplete: manual items to confirm"): "未完成：尚有手動項目待確認",
    ("ChecklistPanel", "Readiness: {state}"): "就緒狀態：{state}",
    ("ChecklistPanel", "Checking…"): "檢查中…",
    ("ChecklistPanel", "The checks could not run: {error}"): "無法執行檢查：{error}",
    ("ChecklistPanel", "Runs are not stored: the session database is not available."):
        "不會儲存檢查紀錄：場次資料庫無法使用。",
    ("ChecklistPanel", "[went live anyway: {reason}]"): "[仍然開播：{reason}]",
    ("ChecklistPanel", "{n} manual item(s) confirmed"): "已確認 {n} 個手動項目",
    ("ChecklistPanel", "ready"): "就緒",
    ("ChecklistPanel", "blocked"): "受阻",
    ("ChecklistPanel", "incomplete"): "未完成",
    ("ChecklistPanel", "Maintenance due: {items}"): "到期的維護項目：{items}",
    ("ChecklistPanel", "Never done: due now"): "從未執行：現在到期",
    ("ChecklistPanel", "Overdue by {days:.0f} day(s)"): "已逾期 {days:.0f} 天",
    ("ChecklistPanel", "not run"): "尚未執行",
    ("GoLiveGateDialog", "Not ready to go live"): "尚未準備好開播",
    ("GoLiveGateDialog", "The pre-stream checklist is not passing. Blocking items:"): "開播前檢查未通過。受阻的項目：",
    ("GoLiveGateDialog", "Why go live anyway? (required, stored in the history)"):
        "為什麼仍要開播？（必填，將記錄於歷史紀錄）",
    ("GoLiveGateDialog", "Go live anyway"): "仍然開播",
    ("GoLiveGateDialog", "Reason for the override:"): "略過檢查的原因：",
    ("MainWindow", "Checklist"): "檢查清單",
    ("MainWindow", "Checklist ⚠ {n} due"): "檢查清單 ⚠ {n} 項到期",
    ("MainWindow", "Maintenance due or overdue: {n} item(s) — see the Checklist"):
        "有 {n} 個維護項目到期或逾期 — 請查看檢查清單",
}
# fmt: on


def _load_area_translations() -> None:
    """Merge ``scripts/translations/*.py`` (each defines ``TRANSLATIONS``): one file per area, so
    parallel work on different panels does not edit the same dict."""
    for path in sorted((Path(__file__).resolve().parent / "translations").glob("*.py")):
        namespace: dict[str, object] = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        extra = namespace.get("TRANSLATIONS", {})
        assert isinstance(extra, dict), f"{path}: TRANSLATIONS must be a dict"
        TRANSLATIONS.update(extra)


_load_area_translations()


# ------------------------------------------------------------------------------------------------
# Tools and sources


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` from the venv that runs this script (falls back to PATH)."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / f"pyside6-{name}", bindir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found next to {sys.executable} or on PATH")
    return found


def source_files(root: Path = ROOT) -> list[Path]:
    """Every .py under the source dirs, sorted by relative path."""
    files = [p for d in SOURCE_DIRS for p in (root / d).rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


# ------------------------------------------------------------------------------------------------
# AST extraction (what lupdate misses)


@dataclass(frozen=True)
class Occurrence:
    context: str
    source: str
    comment: str
    path: Path
    line: int
    via_wrapper: bool  # a module-level translate wrapper (lupdate gets the context wrong or misses it)
    lupdate_blind: bool  # wrapper call, inside an f-string, or keyword arguments: lupdate does not see it


@dataclass
class Extraction:
    occurrences: list[Occurrence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _literal(node: ast.AST | None) -> str | None:
    """A str constant; implicit concatenation is already folded by the parser, ``"a" + "b"`` is folded here."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _callee(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _wrapper_context(fn: ast.FunctionDef) -> str | None:
    """``def tr(text): return QCoreApplication.translate("ctx", text)`` → "ctx"."""
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and _literal(body[0].value) is not None:
        body = body[1:]  # docstring
    if len(body) != 1 or not isinstance(body[0], ast.Return) or not fn.args.args:
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and _callee(call.func) == "translate" and len(call.args) >= 2):
        return None
    param = fn.args.args[0].arg
    context = _literal(call.args[0])
    if context is None or not (isinstance(call.args[1], ast.Name) and call.args[1].id == param):
        return None
    return context


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, rel: str, wrappers: Mapping[str, str], result: Extraction) -> None:
        self.path, self.rel, self.wrappers, self.result = path, rel, wrappers, result
        self.classes: list[str] = []
        self.fstring_depth = 0
        self.in_wrapper = False

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer = self.in_wrapper
        self.in_wrapper = outer or (not self.classes and node.name in self.wrappers)
        self.generic_visit(node)
        self.in_wrapper = outer

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.fstring_depth += 1
        self.generic_visit(node)
        self.fstring_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func, name = node.func, _callee(node.func)
        where = f"{self.rel}:{node.lineno}"
        context: str | None = None
        text_arg: ast.expr | None = None
        comment_arg: ast.expr | None = None
        via_wrapper = False
        if isinstance(func, ast.Name) and func.id in self.wrappers:
            context, via_wrapper = self.wrappers[func.id], True
            text_arg = node.args[0] if node.args else None
            comment_arg = node.args[1] if len(node.args) > 1 else None
        elif name in ("tr", "QT_TR_NOOP") and (name == "QT_TR_NOOP" or (
                isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id in ("self", "cls"))):
            if not self.classes:
                self.result.warnings.append(f"{where}: {name}() outside a class has no translation context")
                return
            context = self.classes[-1]
            text_arg = node.args[0] if node.args else None
            comment_arg = node.args[1] if len(node.args) > 1 else None
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) + len(node.keywords) >= 2:
            named = dict(zip(("context", "sourceText", "disambiguation"), node.args, strict=False))
            named.update({k.arg: k.value for k in node.keywords if k.arg})
            context_arg, text_arg, comment_arg = named.get("context"), named.get("sourceText"), \
                named.get("disambiguation")
            context = _literal(context_arg)
            if context is None:
                if not self.in_wrapper:
                    self.result.warnings.append(f"{where}: translate() with a non-literal context is not extracted")
                return
        elif name in ("tr", "_tr", "_") and node.args:
            self.result.warnings.append(f"{where}: {name}() is neither self.tr() nor a translate wrapper defined in "
                                        "this module; it is not extracted with its runtime context")
            return
        else:
            return
        if self.in_wrapper:
            return
        source = _literal(text_arg)
        if source is None:
            if isinstance(text_arg, ast.JoinedStr):
                self.result.errors.append(f"{where}: f-string passed to a translate call can never match a "
                                          "translation; translate a template and .format() it")
            else:
                self.result.warnings.append(f"{where}: non-literal text passed to a translate call is not extracted")
            return
        assert text_arg is not None
        self.result.occurrences.append(Occurrence(
            context=context, source=source, comment=_literal(comment_arg) or "", path=self.path,
            line=text_arg.lineno, via_wrapper=via_wrapper,
            lupdate_blind=via_wrapper or self.fstring_depth > 0 or bool(node.keywords)))


def _module_path(path: Path, node: ast.ImportFrom, root: Path) -> Path | None:
    """The project file an ``import from`` names (``from .common import tr``, ``from ui.x import tr``)."""
    if node.level:
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
    else:
        base = root
    parts = node.module.split(".") if node.module else []
    target = base.joinpath(*parts)
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate.resolve()
    return None


def extract(files: Iterable[Path], root: Path = ROOT) -> Extraction:
    result = Extraction()
    trees: dict[Path, tuple[str, ast.Module]] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        try:
            trees[path.resolve()] = (rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel))
        except SyntaxError as exc:
            result.errors.append(f"{rel}: cannot parse: {exc}")
    own = {path: {node.name: ctx for node in tree.body if isinstance(node, ast.FunctionDef)
                  and (ctx := _wrapper_context(node)) is not None} for path, (_rel, tree) in trees.items()}
    for path, (rel, tree) in trees.items():
        wrappers = dict(own[path])
        # a wrapper imported from another project module (``from .common import tr``) keeps its context
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                source = _module_path(path, node, root)
                for alias in node.names:
                    if source in own and alias.name in own[source]:
                        wrappers[alias.asname or alias.name] = own[source][alias.name]
        _Visitor(path, rel, wrappers, result).visit(tree)
    return result


def write_stub(occurrences: Iterable[Occurrence], stub: Path) -> dict[int, list[Occurrence]]:
    """Explicit ``QCoreApplication.translate`` calls lupdate understands; returns stub line → call sites."""
    by_key: dict[tuple[str, str, str], list[Occurrence]] = {}
    for occ in occurrences:
        by_key.setdefault((occ.context, occ.source, occ.comment), []).append(occ)
    lines = ["# Generated by scripts/update_translations.py for lupdate; not part of OnAir.",
             "from PySide6.QtCore import QCoreApplication"]
    sites: dict[int, list[Occurrence]] = {}
    for (context, source, comment), occs in sorted(by_key.items()):
        args = [context, source] + ([comment] if comment else [])
        lines.append("QCoreApplication.translate(" + ", ".join(_py_literal(a) for a in args) + ")")
        sites[len(lines)] = occs
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sites


def _py_literal(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\\"":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 32:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# ------------------------------------------------------------------------------------------------
# lupdate / lrelease


def run_lupdate(files: list[Path], ts: Path) -> str:
    cmd = [qt_tool("lupdate"), *map(str, files), "-ts", str(ts), "-no-obsolete", "-locations", "absolute",
           "-source-language", "en", "-target-language", LANGUAGE]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise SystemExit(f"lupdate failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return (proc.stdout + proc.stderr).strip()


def run_lrelease(ts: Path, qm: Path) -> str:
    cmd = [qt_tool("lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0 or not qm.exists():
        raise SystemExit(f"lrelease failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return (proc.stdout + proc.stderr).strip()


# ------------------------------------------------------------------------------------------------
# .ts editing


def _location_key(loc: ET.Element) -> tuple[str, int]:
    return loc.get("filename", ""), int(loc.get("line", "0") or 0)


def fix_contexts(root: ET.Element, ts: Path, stub: Path, sites: Mapping[int, list[Occurrence]],
                 extraction: Extraction) -> list[str]:
    """Point stub locations at the real call sites; drop lupdate's empty-context copies of wrapper calls.

    Returns errors for empty-context messages no wrapper explains (their runtime context is unknown).
    """
    errors: list[str] = []
    stub_resolved = stub.resolve()
    wrapped = {(occ.path.resolve(), occ.source) for occ in extraction.occurrences if occ.via_wrapper}
    for ctx in list(root.iter("context")):
        name = ctx.findtext("name") or ""
        for msg in list(ctx.iter("message")):
            locations = msg.findall("location")
            if not name:
                paths = [(ts.parent / (loc.get("filename") or "")).resolve() for loc in locations]
                source = msg.findtext("source") or ""
                unexplained = [p for p in paths if (p, source) not in wrapped]
                if unexplained or not paths:
                    errors.append(f"message {source!r} at {', '.join(_rel(p) for p in unexplained)} has no "
                                  "translation context: lupdate saw a bare tr() call; use self.tr() in a class or a "
                                  'module-level wrapper def tr(text): return QCoreApplication.translate("ctx", text)')
                ctx.remove(msg)
                continue
            real: dict[tuple[str, int], ET.Element] = {}
            for loc in locations:
                msg.remove(loc)
                if (ts.parent / (loc.get("filename") or "")).resolve() == stub_resolved:
                    for occ in sites.get(int(loc.get("line", "0")), []):
                        new = ET.Element("location", filename=_relpath(occ.path, ts.parent), line=str(occ.line))
                        real.setdefault(_location_key(new), new)
                else:
                    real.setdefault(_location_key(loc), loc)
            for i, loc in enumerate(sorted(real.values(), key=_location_key)):
                msg.insert(i, loc)
        if not ctx.findall("message"):
            root.remove(ctx)
    return errors


def _relpath(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def _rel(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def is_finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = tr.findall("numerusform")
    return all((f.text or "") for f in forms) if forms else bool(tr.text)


def translation_text(msg: ET.Element) -> str:
    tr = msg.find("translation")
    if tr is None:
        return ""
    forms = tr.findall("numerusform")
    return (forms[0].text or "") if forms else (tr.text or "")


def lookup(translations: Mapping[str | tuple[str, str], str], context: str, source: str) -> str | None:
    return translations.get((context, source), translations.get(source))


def fill(root: ET.Element, translations: Mapping[str | tuple[str, str], str], errors: list[str],
         overwrite: bool = False) -> tuple[int, set[str | tuple[str, str]]]:
    """Set translations from the dict on unfinished (or, with overwrite, all) messages.

    Returns (number filled, keys used). Dict entries that break a placeholder, mnemonic or line layout
    are not applied; they are reported in ``errors``.
    """
    filled, used = 0, set[str | tuple[str, str]]()
    for ctx in root.iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            text = lookup(translations, context, source)
            if text is None:
                continue
            used.add((context, source) if (context, source) in translations else source)
            if is_finished(msg) and not overwrite:
                continue
            if problems := format_problems(source, text):
                errors.append(f"TRANSLATIONS entry for [{context}] {source!r} not applied: " + "; ".join(problems))
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if is_finished(msg) and translation_text(msg) == text:
                continue
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                ET.SubElement(tr, "numerusform").text = text  # Chinese has a single plural form
            else:
                tr.text = text
            filled += 1
    return filled, used


def write_ts(root: ET.Element, ts: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# Checks


_FORMATTER = string.Formatter()
_MNEMONIC = re.compile(r"&(?!&)\S")


def placeholders(text: str) -> list[str]:
    """str.format fields (``{name}``, ``{s:.0f}``) plus Qt-style ``%1``/``%n``, as a sorted multiset."""
    fields: list[str] = []
    try:
        for _literal_text, name, spec, conversion in _FORMATTER.parse(text):
            if name is not None:
                conv, fmt = (f"!{conversion}" if conversion else ""), (f":{spec}" if spec else "")
                fields.append("{" + name + conv + fmt + "}")
    except ValueError:
        fields.extend(re.findall(r"\{[^{}]*\}", text))
    fields.extend(re.findall(r"%(?:\d+|n)", text))
    return sorted(fields)


def format_problems(source: str, translation: str) -> list[str]:
    problems = []
    if placeholders(source) != placeholders(translation):
        problems.append(f"placeholders {placeholders(source)} ≠ {placeholders(translation)}")
    if bool(_MNEMONIC.search(source.replace("&&", ""))) != bool(_MNEMONIC.search(translation.replace("&&", ""))):
        problems.append("& mnemonic missing or extra")
    for ch, name in (("\n", "line breaks"), ("\t", "tabs")):
        if source.count(ch) != translation.count(ch):
            problems.append(f"{name}: {source.count(ch)} in source, {translation.count(ch)} in translation")
    if "\t" in source and not problems:
        keys = [line.split("\t", 1)[0] for line in source.split("\n")]
        if keys != [line.split("\t", 1)[0] for line in translation.split("\n")]:
            problems.append("text before the tabs (key names) must stay as in the source")
    return problems


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    finished: bool
    locations: tuple[str, ...]


def read_messages(ts: Path) -> list[Message]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append(Message(context=context, source=msg.findtext("source") or "",
                               comment=msg.findtext("comment") or "", translation=translation_text(msg),
                               finished=is_finished(msg),
                               locations=tuple(f"{loc.get('filename')}:{loc.get('line')}"
                                               for loc in msg.findall("location"))))
    return out


def message_problems(messages: Iterable[Message]) -> list[str]:
    problems = []
    for m in messages:
        label = f"[{m.context}] {m.source!r}"
        if not m.finished:
            entry = lookup(TRANSLATIONS, m.context, m.source)
            if entry is None:
                hint = "add it to TRANSLATIONS in scripts/update_translations.py or scripts/translations/<area>.py"
            elif broken := format_problems(m.source, entry):
                hint = "its TRANSLATIONS entry is broken: " + "; ".join(broken)
            else:
                hint = "TRANSLATIONS has it: run scripts/update_translations.py"
            problems.append(f"untranslated {label} ({hint})")
        elif issues := format_problems(m.source, m.translation):
            problems.append(f"bad translation {label} → {m.translation!r}: " + "; ".join(issues))
    return problems


# ------------------------------------------------------------------------------------------------
# Driver


@dataclass
class Result:
    messages: list[Message]
    errors: list[str]
    warnings: list[str]
    filled: int = 0
    unused_keys: list[str | tuple[str, str]] = field(default_factory=list)
    log: str = ""


def regenerate_ts(ts: Path, translations: Mapping[str | tuple[str, str], str] | None,
                  overwrite: bool = False, root: Path = ROOT) -> Result:
    """lupdate + context fix-ups (+ dict fill when ``translations`` is given) on ``ts`` in place."""
    files = source_files(root)
    extraction = extract(files, root)
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="onair-i18n-") as tmp:
        stub = Path(tmp) / STUB_NAME
        # Only what lupdate cannot see goes through the stub; plain self.tr("...") keeps lupdate's own entry.
        sites = write_stub([o for o in extraction.occurrences if o.lupdate_blind], stub)
        log = run_lupdate([*files, stub], ts)
        tree = ET.parse(ts)
        errors = list(extraction.errors) + fix_contexts(tree.getroot(), ts, stub, sites, extraction)
    filled, used = 0, set[str | tuple[str, str]]()
    if translations is not None:
        filled, used = fill(tree.getroot(), translations, errors, overwrite)
    write_ts(tree.getroot(), ts)
    messages = read_messages(ts)
    present = {(m.context, m.source, m.comment) for m in messages}
    errors += sorted({f"{_rel(o.path)}:{o.line}: [{o.context}] {o.source!r} is missing from the .ts"
                      for o in extraction.occurrences if (o.context, o.source, o.comment) not in present})
    unused = sorted((k for k in (translations or {}) if k not in used), key=str)
    return Result(messages, errors, extraction.warnings, filled, unused, log)


def update(overwrite: bool = False) -> int:
    result = regenerate_ts(TS_PATH, TRANSLATIONS, overwrite)
    print(result.log)
    for w in result.warnings:
        print(f"warning: {w}")
    release_log = run_lrelease(TS_PATH, QM_PATH)
    print(release_log)
    problems = result.errors + message_problems(result.messages)
    done = sum(m.finished for m in result.messages)
    print(f"{_rel(TS_PATH)}: {len(result.messages)} messages, {done} translated "
          f"({result.filled} filled from TRANSLATIONS this run)")
    if result.unused_keys:
        print(f"note: {len(result.unused_keys)} TRANSLATIONS entries match no source string: "
              + ", ".join(map(repr, result.unused_keys)))
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    return 1 if problems else 0


def check(ts: Path = TS_PATH, qm: Path = QM_PATH, warnings: list[str] | None = None) -> list[str]:
    """Problems that make ``--check`` fail (empty list = all good). Never touches ``ts`` or ``qm``.

    Extraction warnings (e.g. ``self.tr(variable)``) are appended to ``warnings`` if given.
    """
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="onair-i18n-check-") as tmp:
        scratch = Path(tmp) / ts.name
        if ts.exists():
            shutil.copyfile(ts, scratch)
        else:
            problems.append(f"{_rel(ts)} does not exist")
        result = regenerate_ts(scratch, None)
        problems += result.errors + message_problems(result.messages)
        if warnings is not None:
            warnings.extend(result.warnings)
        if ts.exists():
            fresh = Path(tmp) / qm.name
            run_lrelease(ts, fresh)
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                problems.append(f"{_rel(qm)} is not the compiled form of {_rel(ts)}: re-run the script")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true",
                        help="do not write anything; exit 1 listing source strings without a finished translation")
    parser.add_argument("--overwrite", action="store_true",
                        help="re-apply TRANSLATIONS to messages that already have a finished translation")
    args = parser.parse_args(argv)
    if args.check:
        warnings: list[str] = []
        problems = check(warnings=warnings)
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
        for p in problems:
            print(p)
        if problems:
            print(f"{len(problems)} translation problem(s); fix TRANSLATIONS and run "
                  "scripts/update_translations.py", file=sys.stderr)
            return 1
        print("translations complete")
        return 0
    return update(args.overwrite)


if __name__ == "__main__":
    sys.exit(main())
