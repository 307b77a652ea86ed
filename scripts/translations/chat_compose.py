"""zh_TW translations for the chat_compose area (merged by scripts/update_translations.py)."""

_C = "ChatComposer"
_D = "CannedRepliesDialog"
_S = "ChatSettingsDialog"
_K = "ChatSettingsController"
_G = "ChatConfig"

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ---- ui/chat_compose.py: the composer ----------------------------------------------------------
    (_C, "Reply in chat… (Enter sends)"): "在聊天室回覆…（按 Enter 送出）",
    (_C, "Send"): "送出",
    (_C, "Where the message goes"): "訊息要送到哪裡",
    (_C, "To:"): "送到：",
    (_C, "All"): "全部",
    (_C, "Canned replies"): "預設回覆",
    (_C, "Insert a canned reply (Ctrl+1 … Ctrl+9)"): "插入預設回覆（Ctrl+1 … Ctrl+9）",
    (_C, "Type a message first."): "請先輸入訊息。",
    (_C, "Too long for {platform}: {n} characters, the limit is {limit}."):
        "對 {platform} 來說太長：{n} 個字元，上限是 {limit}。",
    (_C, "Nothing was sent."): "沒有送出任何訊息。",
    (_C, "not connected — {reason}"): "未連線 — {reason}",
    (_C, "queued — goes out once the chat is connected again"): "已排入佇列 — 聊天室重新連線後送出",
    (_C, "sending…"): "傳送中…",
    (_C, "queued ({n} waiting) — Twitch's rate limit lets it out shortly"):
        "已排入佇列（{n} 則等待中）— Twitch 的速率限制稍後就會放行",
    (_C, "sent"): "已送出",
    (_C, "quota exceeded — YouTube takes more messages once the daily quota resets"):
        "配額已用完 — 每日配額重設後 YouTube 才會再接受訊息",
    (_C, "sending too fast — wait a moment and try again"): "傳送太快 — 請稍候再試",
    (_C, "the live chat is closed ({reason})"): "聊天室已關閉（{reason}）",
    (_C, "this account may not post in this chat ({reason})"): "這個帳號不能在此聊天室發言（{reason}）",
    (_C, "sign-in rejected — renew the OAuth token in Settings ▸ Chat sources"):
        "登入遭拒 — 請在「設定 ▸ 聊天來源」更新 OAuth 權杖",
    (_C, "YouTube refused the text (messageTextInvalid)"): "YouTube 拒絕了這段文字（messageTextInvalid）",
    (_C, "not connected yet — try again in a moment"): "尚未連線 — 請稍後再試",
    (_C, "failed (HTTP {status} {reason})"): "失敗（HTTP {status} {reason}）",
    (_C, "cannot reach YouTube — check the network"): "無法連上 YouTube — 請檢查網路",
    (_C, "failed ({error})"): "失敗（{error}）",
    (_C, "No chat to send to: set up Twitch or YouTube in Settings ▸ Chat sources."):
        "沒有可傳送的聊天室：請在「設定 ▸ 聊天來源」設定 Twitch 或 YouTube。",
    (_C, "Twitch: not logged in — add an OAuth token in Settings ▸ Chat sources"):
        "Twitch：未登入 — 請在「設定 ▸ 聊天來源」加入 OAuth 權杖",
    (_C, "YouTube: reading with an API key only — add an OAuth token in Settings ▸ Chat sources"):
        "YouTube：只用 API 金鑰讀取 — 請在「設定 ▸ 聊天來源」加入 OAuth 權杖",
    (_C, "Nothing to send to."): "沒有可傳送的對象。",
    (_C, "No canned replies yet"): "還沒有預設回覆",
    (_C, "Edit canned replies…"): "編輯預設回覆…",
    (_C, "There is no canned reply {n}."): "沒有第 {n} 則預設回覆。",
    # ---- ui/chat_compose.py: the canned replies editor ----------------------------------------------
    (_D, "Canned replies"): "預設回覆",
    (_D, "One reply per line. Ctrl+1 … Ctrl+9 insert the first nine while you type."):
        "每行一則回覆。輸入時按 Ctrl+1 … Ctrl+9 可插入前九則。",
    # ---- ui/chat_settings_dialog.py -------------------------------------------------------------------
    (_S, "Chat sources"): "聊天來源",
    (_S, "e.g. mychannel"): "例如 mychannel",
    (_S, "the account that sends (often the channel)"): "用來發言的帳號（通常就是頻道）",
    (_S, "needed to send (scopes chat:read chat:edit)"): "發言時需要（範圍 chat:read chat:edit）",
    (_S, "optional: viewer counts (Helix)"): "選填：觀眾人數（Helix）",
    (_S, "Twitch"): "Twitch",
    (_S, "Channel"): "頻道",
    (_S, "Login name"): "登入名稱",
    (_S, "OAuth token"): "OAuth 權杖",
    (_S, "Client id"): "用戶端 ID",
    (_S, "video id or link of the live stream"): "直播的影片 ID 或連結",
    (_S, "reads chat"): "讀取聊天",
    (_S, "reads and sends (youtube.force-ssl scope)"): "讀取並發言（youtube.force-ssl 範圍）",
    (_S, "YouTube"): "YouTube",
    (_S, "Video"): "影片",
    (_S, "API key"): "API 金鑰",
    (_S, "highlights mentions (default: the Twitch channel)"): "用於標示提及（預設：Twitch 頻道）",
    (_S, "Chat panel"): "聊天面板",
    (_S, "Streamer name"): "實況主名稱",
    (_S, "Remember tokens and keys in the system keyring"): "將權杖和金鑰記在系統鑰匙圈",
    (_S, "Tokens and keys are stored in the OS keyring, never in the settings file or the log."):
        "權杖和金鑰存放在作業系統鑰匙圈，絕不寫入設定檔或記錄檔。",
    (_S, "No system keyring is available: tokens and keys are kept in memory only, for this session."):
        "沒有可用的系統鑰匙圈：權杖和金鑰只保留在記憶體中，僅限本次使用。",
    (_S, "Set in the environment, these win over the settings here: {names}"):
        "以下環境變數已設定，會優先於此處的設定：{names}",
    (_S, "Apply and connect"): "套用並連線",
    (_S, "Show"): "顯示",
    (_S, "Hide"): "隱藏",
    (_S, "Show or hide the secret"): "顯示或隱藏機密內容",
    (_K, "&Chat sources…"): "聊天來源(&C)…",
    (_K, "Chat sources applied."): "已套用聊天來源。",
    (_K, "Chat sources applied. Tokens and keys are kept in memory for this session only."):
        "已套用聊天來源。權杖和金鑰只保留在記憶體中，僅限本次使用。",
    # ---- controllers/chat/config.py: validation ------------------------------------------------------
    (_G, "Twitch channel: use the channel's login name (letters, digits and _, up to 25), e.g. \"mychannel\"."):
        "Twitch 頻道：請用頻道的登入名稱（英文字母、數字和 _，最多 25 個），例如 \"mychannel\"。",
    (_G, "Twitch login: letters, digits and _ only (up to 25)."):
        "Twitch 登入名稱：只能用英文字母、數字和 _（最多 25 個）。",
    (_G, "Twitch: sending needs the login name of the account the OAuth token belongs to."):
        "Twitch：發言需要 OAuth 權杖所屬帳號的登入名稱。",
    (_G, "Twitch: enter the channel to join."): "Twitch：請輸入要加入的頻道。",
    (_G, "Twitch viewer counts need an OAuth token as well as the client id."):
        "Twitch 觀眾人數除了用戶端 ID 之外，還需要 OAuth 權杖。",
    (_G, "Tokens, keys and client ids cannot contain spaces."): "權杖、金鑰和用戶端 ID 不能包含空白。",
    (_G, "YouTube video id: 11 letters, digits, - or _ (or paste the video's link)."):
        "YouTube 影片 ID：11 個英文字母、數字、- 或 _（也可以貼上影片連結）。",
    (_G, "YouTube: add an API key (read only) or an OAuth token (read and send)."):
        "YouTube：請加入 API 金鑰（只能讀取）或 OAuth 權杖（可讀取並發言）。",
    (_G, "YouTube: enter the video id of the live stream."): "YouTube：請輸入直播的影片 ID。",
}
