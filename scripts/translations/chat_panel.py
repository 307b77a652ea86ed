"""zh_TW translations for the chat_panel area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ChatPanel: scroll-back, filters, hidden users
    ("ChatPanel", "Loading older messages…"): "正在載入較早的訊息…",
    ("ChatPanel", "Older messages could not be read: {reason}"): "無法讀取較早的訊息：{reason}",
    ("ChatPanel", "Filters"): "篩選",
    ("ChatPanel", "Filters ({n})"): "篩選（{n}）",
    ("ChatPanel", "Mentions of the streamer"): "提及實況主的訊息",
    ("ChatPanel", "Moderators only"): "僅限管理員",
    ("ChatPanel", "Members / subscribers only"): "僅限會員／訂閱者",
    ("ChatPanel", "Paid only (Super Chat, bits)"): "僅限付費訊息（超級留言、小奇點）",
    ("ChatPanel", "Highlights…"): "醒目提示…",
    ("ChatPanel", "Hide messages from {author}"): "隱藏 {author} 的訊息",
    ("ChatPanel", "Hidden ({n})"): "已隱藏（{n}）",
    ("ChatPanel", "Show {author} ({platform})"): "顯示 {author}（{platform}）",
    ("ChatPanel", "Show everyone"): "全部顯示",
    ("ChatPanel", "Set the streamer's name in Highlights…"): "請在「醒目提示…」中設定實況主名稱",
    # ChatHighlightDialog
    ("ChatHighlightDialog", "Chat highlights"): "聊天醒目提示",
    ("ChatHighlightDialog", "Streamer name:"): "實況主名稱：",
    ("ChatHighlightDialog", "Default: the Twitch channel"): "預設：Twitch 頻道名稱",
    ("ChatHighlightDialog", "Highlight mentions of the streamer"): "醒目提示提及實況主的訊息",
    ("ChatHighlightDialog", "Highlight messages that contain a keyword, or that a user wrote (@name):"):
        "醒目提示含有關鍵字的訊息，或某位使用者發送的訊息（@名稱）：",
    ("ChatHighlightDialog", "Keyword or @user"): "關鍵字或 @使用者",
    ("ChatHighlightDialog", "Add"): "新增",
    ("ChatHighlightDialog", "Remove"): "移除",
}
