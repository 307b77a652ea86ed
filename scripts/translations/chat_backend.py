"""zh_TW translations for the chat_backend area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ---- controllers/chat/replay.py (context "ChatReplay") ---------------------------------------
    ("ChatReplay", "no “{key}”"): "缺少「{key}」",
    ("ChatReplay", "“{key}” is not a string"): "「{key}」不是字串",
    ("ChatReplay", "not UTF-8 (byte {n})"): "不是 UTF-8（第 {n} 個位元組）",
    ("ChatReplay", "not JSON ({error})"): "不是 JSON（{error}）",
    ("ChatReplay", "not a JSON object"): "不是 JSON 物件",
    ("ChatReplay", "no time “t”"): "缺少時間「t」",
    ("ChatReplay", "line {n}: {why}"): "第 {n} 行：{why}",
    ("ChatReplay", "and {n} more"): "以及另外 {n} 行",
    ("ChatReplay", "Chat replay skipped {count} unreadable line(s) of {file} — {lines}"):
        "聊天重播略過了 {file} 中 {count} 行無法讀取的內容 — {lines}",
    ("ChatReplay", "Chat replay stopped after an unexpected error: {error}"): "聊天重播因非預期的錯誤而停止：{error}",
    ("ChatReplay", "Reading {file}"): "正在讀取 {file}",
    ("ChatReplay", "Cannot read the chat replay file {file}: {error}"): "無法讀取聊天重播檔案 {file}：{error}",
    ("ChatReplay", "Nothing to replay in {file}."): "{file} 中沒有可重播的內容。",
    ("ChatReplay", "as fast as possible"): "盡可能快速",
    ("ChatReplay", "Replaying {n} messages from {file} ({speed})"): "正在重播 {file} 中的 {n} 則訊息（{speed}）",
    ("ChatReplay", "Stopped after {n} of {total} messages."): "已在 {total} 則訊息中的第 {n} 則後停止。",
    ("ChatReplay", "Replay finished: {n} messages."): "重播完成：{n} 則訊息。",
    # ---- controllers/chat/helix.py (context "TwitchViewers") -------------------------------------
    ("TwitchViewers", "Asking Twitch for the viewer count of {channel}"): "正在向 Twitch 查詢 {channel} 的觀眾人數",
    ("TwitchViewers", "Twitch token rejected ({message}): viewer counts are off until the Twitch client id and "
                      "token are set again."):
        "Twitch 權杖遭拒（{message}）：在重新設定 Twitch 用戶端 ID 與權杖之前，不會讀取觀眾人數。",
    ("TwitchViewers", "Twitch rate limit reached; next viewer count in {s:.0f} s."):
        "已達 Twitch 速率限制；{s:.0f} 秒後再讀取觀眾人數。",
    ("TwitchViewers", "Twitch viewer count failed ({error}); retrying in {s:.0f} s."):
        "讀取 Twitch 觀眾人數失敗（{error}）；{s:.0f} 秒後重試。",
    ("TwitchViewers", "Cannot reach the Twitch API ({error}); retrying in {s:.0f} s."):
        "無法連上 Twitch API（{error}）；{s:.0f} 秒後重試。",
    ("TwitchViewers", "{channel} is offline"): "{channel} 目前未開台",
    ("TwitchViewers", "{channel}: {n} viewers"): "{channel}：{n} 位觀眾",
    ("TwitchViewers", "Stopped."): "已停止。",
}
