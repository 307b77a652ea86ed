<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AudioMixer</name>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="107" />
            <source>Audio mixer</source>
            <translation>音訊混音器</translation>
        </message>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="111" />
            <source>No audio inputs</source>
            <translation>沒有音訊輸入</translation>
        </message>
    </context>
    <context>
        <name>AudioStrip</name>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="72" />
            <source>Muted</source>
            <translation>靜音</translation>
        </message>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="72" />
            <source>Live</source>
            <translation>播送中</translation>
        </message>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="74" />
            <source>Unmute {name}</source>
            <translation>取消 {name} 的靜音</translation>
        </message>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="75" />
            <location filename="../../ui/live/audio_mixer.py" line="87" />
            <source>Mute {name}</source>
            <translation>將 {name} 靜音</translation>
        </message>
        <message>
            <location filename="../../ui/live/audio_mixer.py" line="98" />
            <source>Set volume of {name}</source>
            <translation>設定 {name} 的音量</translation>
        </message>
    </context>
    <context>
        <name>CannedRepliesDialog</name>
        <message>
            <location filename="../../ui/chat_compose.py" line="82" />
            <source>Canned replies</source>
            <translation>預設回覆</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="83" />
            <source>One reply per line. Ctrl+1 … Ctrl+9 insert the first nine while you type.</source>
            <translation>每行一則回覆。輸入時按 Ctrl+1 … Ctrl+9 可插入前九則。</translation>
        </message>
    </context>
    <context>
        <name>ChatComposer</name>
        <message>
            <location filename="../../ui/chat_compose.py" line="124" />
            <source>Reply in chat… (Enter sends)</source>
            <translation>在聊天室回覆…（按 Enter 送出）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="128" />
            <source>Send</source>
            <translation>送出</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="134" />
            <source>Where the message goes</source>
            <translation>訊息要送到哪裡</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="137" />
            <source>To:</source>
            <translation>送到：</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="144" />
            <source>Canned replies</source>
            <translation>預設回覆</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="146" />
            <source>Insert a canned reply (Ctrl+1 … Ctrl+9)</source>
            <translation>插入預設回覆（Ctrl+1 … Ctrl+9）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="216" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="251" />
            <source>Type a message first.</source>
            <translation>請先輸入訊息。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="259" />
            <source>Too long for {platform}: {n} characters, the limit is {limit}.</source>
            <translation>對 {platform} 來說太長：{n} 個字元，上限是 {limit}。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="261" />
            <source>Nothing was sent.</source>
            <translation>沒有送出任何訊息。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="278" />
            <location filename="../../ui/chat_compose.py" line="301" />
            <source>not connected — {reason}</source>
            <translation>未連線 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="284" />
            <source>queued — goes out once the chat is connected again</source>
            <translation>已排入佇列 — 聊天室重新連線後送出</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="287" />
            <location filename="../../ui/chat_compose.py" line="305" />
            <location filename="../../ui/chat_compose.py" line="306" />
            <source>sending…</source>
            <translation>傳送中…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="295" />
            <source>queued ({n} waiting) — Twitch's rate limit lets it out shortly</source>
            <translation>已排入佇列（{n} 則等待中）— Twitch 的速率限制稍後就會放行</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="318" />
            <location filename="../../ui/chat_compose.py" line="330" />
            <source>sent</source>
            <translation>已送出</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="338" />
            <source>quota exceeded — YouTube takes more messages once the daily quota resets</source>
            <translation>配額已用完 — 每日配額重設後 YouTube 才會再接受訊息</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="340" />
            <source>sending too fast — wait a moment and try again</source>
            <translation>傳送太快 — 請稍候再試</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="342" />
            <source>the live chat is closed ({reason})</source>
            <translation>聊天室已關閉（{reason}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="344" />
            <source>this account may not post in this chat ({reason})</source>
            <translation>這個帳號不能在此聊天室發言（{reason}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="346" />
            <source>sign-in rejected — renew the OAuth token in Settings ▸ Chat sources</source>
            <translation>登入遭拒 — 請在「設定 ▸ 聊天來源」更新 OAuth 權杖</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="348" />
            <source>YouTube refused the text (messageTextInvalid)</source>
            <translation>YouTube 拒絕了這段文字（messageTextInvalid）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="350" />
            <source>not connected yet — try again in a moment</source>
            <translation>尚未連線 — 請稍後再試</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="351" />
            <source>failed (HTTP {status} {reason})</source>
            <translation>失敗（HTTP {status} {reason}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="353" />
            <source>cannot reach YouTube — check the network</source>
            <translation>無法連上 YouTube — 請檢查網路</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="354" />
            <source>failed ({error})</source>
            <translation>失敗（{error}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="359" />
            <source>No chat to send to: set up Twitch or YouTube in Settings ▸ Chat sources.</source>
            <translation>沒有可傳送的聊天室：請在「設定 ▸ 聊天來源」設定 Twitch 或 YouTube。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="363" />
            <source>Twitch: not logged in — add an OAuth token in Settings ▸ Chat sources</source>
            <translation>Twitch：未登入 — 請在「設定 ▸ 聊天來源」加入 OAuth 權杖</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="365" />
            <source>YouTube: reading with an API key only — add an OAuth token in Settings ▸ Chat sources</source>
            <translation>YouTube：只用 API 金鑰讀取 — 請在「設定 ▸ 聊天來源」加入 OAuth 權杖</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="367" />
            <source>Nothing to send to.</source>
            <translation>沒有可傳送的對象。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="408" />
            <source>No canned replies yet</source>
            <translation>還沒有預設回覆</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="411" />
            <source>Edit canned replies…</source>
            <translation>編輯預設回覆…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_compose.py" line="431" />
            <source>There is no canned reply {n}.</source>
            <translation>沒有第 {n} 則預設回覆。</translation>
        </message>
    </context>
    <context>
        <name>ChatConfig</name>
        <message>
            <location filename="../../controllers/chat/config.py" line="168" />
            <source>Tokens, keys and client ids cannot contain spaces.</source>
            <translation>權杖、金鑰和用戶端 ID 不能包含空白。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="157" />
            <source>Twitch channel: use the channel's login name (letters, digits and _, up to 25), e.g. "mychannel".</source>
            <translation>Twitch 頻道：請用頻道的登入名稱（英文字母、數字和 _，最多 25 個），例如 "mychannel"。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="160" />
            <source>Twitch login: letters, digits and _ only (up to 25).</source>
            <translation>Twitch 登入名稱：只能用英文字母、數字和 _（最多 25 個）。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="166" />
            <source>Twitch viewer counts need an OAuth token as well as the client id.</source>
            <translation>Twitch 觀眾人數除了用戶端 ID 之外，還需要 OAuth 權杖。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="164" />
            <source>Twitch: enter the channel to join.</source>
            <translation>Twitch：請輸入要加入的頻道。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="162" />
            <source>Twitch: sending needs the login name of the account the OAuth token belongs to.</source>
            <translation>Twitch：發言需要 OAuth 權杖所屬帳號的登入名稱。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="170" />
            <source>YouTube video id: 11 letters, digits, - or _ (or paste the video's link).</source>
            <translation>YouTube 影片 ID：11 個英文字母、數字、- 或 _（也可以貼上影片連結）。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="172" />
            <source>YouTube: add an API key (read only) or an OAuth token (read and send).</source>
            <translation>YouTube：請加入 API 金鑰（只能讀取）或 OAuth 權杖（可讀取並發言）。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/config.py" line="174" />
            <source>YouTube: enter the video id of the live stream.</source>
            <translation>YouTube：請輸入直播的影片 ID。</translation>
        </message>
    </context>
    <context>
        <name>ChatHighlightDialog</name>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="36" />
            <source>Chat highlights</source>
            <translation>聊天醒目提示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="40" />
            <source>Default: the Twitch channel</source>
            <translation>預設：Twitch 頻道名稱</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="42" />
            <source>Highlight mentions of the streamer</source>
            <translation>醒目提示提及實況主的訊息</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="46" />
            <source>Streamer name:</source>
            <translation>實況主名稱：</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="49" />
            <source>Highlight messages that contain a keyword, or that a user wrote (@name):</source>
            <translation>醒目提示含有關鍵字的訊息，或某位使用者發送的訊息（@名稱）：</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="58" />
            <source>Keyword or @user</source>
            <translation>關鍵字或 @使用者</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="61" />
            <source>Add</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../ui/chat_highlight_dialog.py" line="65" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
    </context>
    <context>
        <name>ChatListModel</name>
        <message>
            <location filename="../../ui/models/chat_model.py" line="135" />
            <source>[message removed]</source>
            <translation>[訊息已移除]</translation>
        </message>
        <message>
            <location filename="../../ui/models/chat_model.py" line="118" />
            <source>{bits} bits</source>
            <translation>{bits} 小奇點</translation>
        </message>
    </context>
    <context>
        <name>ChatPanel</name>
        <message>
            <location filename="../../ui/chat_panel.py" line="346" />
            <source>Filter chat…</source>
            <translation>篩選聊天訊息…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="349" />
            <source>Questions only</source>
            <translation>只顯示問題</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="362" />
            <source>No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID</source>
            <translation>沒有聊天來源：請設定 ONAIR_TWITCH_CHANNEL 或 ONAIR_YOUTUBE_VIDEO_ID</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="368" />
            <source>Loading older messages…</source>
            <translation>正在載入較早的訊息…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="454" />
            <source>Mentions of the streamer</source>
            <translation>提及實況主的訊息</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="455" />
            <source>Moderators only</source>
            <translation>僅限管理員</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="456" />
            <source>Members / subscribers only</source>
            <translation>僅限會員／訂閱者</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="457" />
            <source>Paid only (Super Chat, bits)</source>
            <translation>僅限付費訊息（超級留言、小奇點）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="468" />
            <source>Highlights…</source>
            <translation>醒目提示…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="535" />
            <location filename="../../ui/chat_panel.py" line="553" />
            <location filename="../../ui/chat_panel.py" line="779" />
            <location filename="../../ui/chat_panel.py" line="795" />
            <source>Feature on stream</source>
            <translation>在直播畫面上顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="543" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="582" />
            <source>Hide messages from {author}</source>
            <translation>隱藏 {author} 的訊息</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="615" />
            <source>Hidden ({n})</source>
            <translation>已隱藏（{n}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="619" />
            <source>Show {author} ({platform})</source>
            <translation>顯示 {author}（{platform}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="626" />
            <source>Show everyone</source>
            <translation>全部顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="644" />
            <source>Filters ({n})</source>
            <translation>篩選（{n}）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="644" />
            <source>Filters</source>
            <translation>篩選</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="648" />
            <source>Set the streamer's name in Highlights…</source>
            <translation>請在「醒目提示…」中設定實況主名稱</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="746" />
            <source>Older messages could not be read: {reason}</source>
            <translation>無法讀取較早的訊息：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="784" />
            <source>OBS is not connected</source>
            <translation>尚未連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="789" />
            <source>Featuring in {scene} for {n} s…</source>
            <translation>正在 {scene} 顯示 {n} 秒…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="799" />
            <source>On stream in {scene}</source>
            <translation>已在 {scene} 顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="835" />
            <source>connecting</source>
            <translation>連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="835" />
            <source>connected</source>
            <translation>已連線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="836" />
            <source>reconnecting</source>
            <translation>重新連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="836" />
            <source>disconnected</source>
            <translation>已斷線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="854" />
            <source>{n} msg/min</source>
            <translation>每分鐘 {n} 則</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="868" />
            <source>{n} new ↓</source>
            <translation>{n} 則新訊息 ↓</translation>
        </message>
    </context>
    <context>
        <name>ChatReplay</name>
        <message>
            <location filename="../../controllers/chat/replay.py" line="244" />
            <source>Cannot read the chat replay file {file}: {error}</source>
            <translation>無法讀取聊天重播檔案 {file}：{error}</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="184" />
            <source>Chat replay skipped {count} unreadable line(s) of {file} — {lines}</source>
            <translation>聊天重播略過了 {file} 中 {count} 行無法讀取的內容 — {lines}</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="236" />
            <source>Chat replay stopped after an unexpected error: {error}</source>
            <translation>聊天重播因非預期的錯誤而停止：{error}</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="252" />
            <source>Nothing to replay in {file}.</source>
            <translation>{file} 中沒有可重播的內容。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="240" />
            <source>Reading {file}</source>
            <translation>正在讀取 {file}</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="274" />
            <source>Replay finished: {n} messages.</source>
            <translation>重播完成：{n} 則訊息。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="254" />
            <source>Replaying {n} messages from {file} ({speed})</source>
            <translation>正在重播 {file} 中的 {n} 則訊息（{speed}）</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="262" />
            <location filename="../../controllers/chat/replay.py" line="267" />
            <source>Stopped after {n} of {total} messages.</source>
            <translation>已在 {total} 則訊息中的第 {n} 則後停止。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="183" />
            <source>and {n} more</source>
            <translation>以及另外 {n} 行</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="253" />
            <source>as fast as possible</source>
            <translation>盡可能快速</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="180" />
            <source>line {n}: {why}</source>
            <translation>第 {n} 行：{why}</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="99" />
            <source>no time “t”</source>
            <translation>缺少時間「t」</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="70" />
            <source>no “{key}”</source>
            <translation>缺少「{key}」</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="94" />
            <source>not JSON ({error})</source>
            <translation>不是 JSON（{error}）</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="88" />
            <source>not UTF-8 (byte {n})</source>
            <translation>不是 UTF-8（第 {n} 個位元組）</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="96" />
            <source>not a JSON object</source>
            <translation>不是 JSON 物件</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/replay.py" line="73" />
            <source>“{key}” is not a string</source>
            <translation>「{key}」不是字串</translation>
        </message>
    </context>
    <context>
        <name>ChatSettingsController</name>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="228" />
            <source>&amp;Chat sources…</source>
            <translation>聊天來源(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="265" />
            <source>Chat sources applied.</source>
            <translation>已套用聊天來源。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="267" />
            <source>Chat sources applied. Tokens and keys are kept in memory for this session only.</source>
            <translation>已套用聊天來源。權杖和金鑰只保留在記憶體中，僅限本次使用。</translation>
        </message>
    </context>
    <context>
        <name>ChatSettingsDialog</name>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="50" />
            <source>Chat sources</source>
            <translation>聊天來源</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="53" />
            <source>e.g. mychannel</source>
            <translation>例如 mychannel</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="55" />
            <source>the account that sends (often the channel)</source>
            <translation>用來發言的帳號（通常就是頻道）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="57" />
            <source>needed to send (scopes chat:read chat:edit)</source>
            <translation>發言時需要（範圍 chat:read chat:edit）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="59" />
            <source>optional: viewer counts (Helix)</source>
            <translation>選填：觀眾人數（Helix）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="60" />
            <source>Twitch</source>
            <translation>Twitch</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="63" />
            <source>Channel</source>
            <translation>頻道</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="64" />
            <source>Login name</source>
            <translation>登入名稱</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="65" />
            <location filename="../../ui/chat_settings_dialog.py" line="78" />
            <source>OAuth token</source>
            <translation>OAuth 權杖</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="66" />
            <source>Client id</source>
            <translation>用戶端 ID</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="69" />
            <source>video id or link of the live stream</source>
            <translation>直播的影片 ID 或連結</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="70" />
            <source>reads chat</source>
            <translation>讀取聊天</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="72" />
            <source>reads and sends (youtube.force-ssl scope)</source>
            <translation>讀取並發言（youtube.force-ssl 範圍）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="73" />
            <source>YouTube</source>
            <translation>YouTube</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="76" />
            <source>Video</source>
            <translation>影片</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="77" />
            <source>API key</source>
            <translation>API 金鑰</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="81" />
            <source>highlights mentions (default: the Twitch channel)</source>
            <translation>用於標示提及（預設：Twitch 頻道）</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="82" />
            <source>Chat panel</source>
            <translation>聊天面板</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="85" />
            <source>Streamer name</source>
            <translation>實況主名稱</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="90" />
            <source>Remember tokens and keys in the system keyring</source>
            <translation>將權杖和金鑰記在系統鑰匙圈</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="94" />
            <source>Tokens and keys are stored in the OS keyring, never in the settings file or the log.</source>
            <translation>權杖和金鑰存放在作業系統鑰匙圈，絕不寫入設定檔或記錄檔。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="96" />
            <source>No system keyring is available: tokens and keys are kept in memory only, for this session.</source>
            <translation>沒有可用的系統鑰匙圈：權杖和金鑰只保留在記憶體中，僅限本次使用。</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="99" />
            <source>Set in the environment, these win over the settings here: {names}</source>
            <translation>以下環境變數已設定，會優先於此處的設定：{names}</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="108" />
            <source>Apply and connect</source>
            <translation>套用並連線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="169" />
            <location filename="../../ui/chat_settings_dialog.py" line="189" />
            <source>Show</source>
            <translation>顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="171" />
            <source>Show or hide the secret</source>
            <translation>顯示或隱藏機密內容</translation>
        </message>
        <message>
            <location filename="../../ui/chat_settings_dialog.py" line="189" />
            <source>Hide</source>
            <translation>隱藏</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <location filename="../../ui/checklist_panel.py" line="175" />
            <source>Any platform</source>
            <extracomment>The maintenance items due or overdue (list[DueItem]), after each history read. A run finished (RunResult), before it is stored. The newest pre-stream run known (stored, or just finished and on its way to the database).</extracomment>
            <translation>任何平台</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="178" />
            <source>Run checks</source>
            <translation>執行檢查</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="191" />
            <source>Item</source>
            <translation>項目</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="191" />
            <source>Severity</source>
            <translation>重要性</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="191" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="191" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="192" />
            <source>Note</source>
            <translation>備註</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="209" />
            <source>Checklist:</source>
            <translation>檢查清單：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="211" />
            <source>Platform:</source>
            <translation>平台：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="221" />
            <source>Past runs</source>
            <translation>過去的檢查紀錄</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="269" />
            <source>required</source>
            <translation>必要</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="269" />
            <source>advisory</source>
            <translation>建議</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="274" />
            <source>Double-click to add a note</source>
            <translation>按兩下以加入備註</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="282" />
            <source>Platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="282" />
            <source>Video</source>
            <translation>視訊</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="282" />
            <source>Audio</source>
            <translation>音訊</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="283" />
            <source>Network</source>
            <translation>網路</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="283" />
            <source>Scenes</source>
            <translation>場景</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="283" />
            <source>Recording</source>
            <translation>錄影</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="284" />
            <source>Maintenance</source>
            <translation>維護</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="299" />
            <source>Pass</source>
            <translation>通過</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="299" />
            <source>Fail</source>
            <translation>未通過</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="299" />
            <source>Error</source>
            <translation>錯誤</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="300" />
            <source>Could not check</source>
            <translation>無法檢查</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="300" />
            <location filename="../../ui/checklist_panel.py" line="305" />
            <source>To confirm</source>
            <translation>待確認</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="305" />
            <source>Not run</source>
            <translation>尚未執行</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="326" />
            <source>Readiness: not checked yet</source>
            <translation>就緒狀態：尚未檢查</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="329" />
            <source>Ready to go live</source>
            <translation>可以開播</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="329" />
            <source>Blocked</source>
            <translation>受阻</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="330" />
            <source>Incomplete: manual items to confirm</source>
            <translation>未完成：尚有手動項目待確認</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="331" />
            <source>Readiness: {state}</source>
            <translation>就緒狀態：{state}</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="365" />
            <source>Checking…</source>
            <translation>檢查中…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="384" />
            <source>The checks could not run: {error}</source>
            <translation>無法執行檢查：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="444" />
            <source>Runs are not stored: the session database is not available.</source>
            <translation>不會儲存檢查紀錄：場次資料庫無法使用。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="465" />
            <source>by {operator}</source>
            <translation>檢查人：{operator}</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="467" />
            <source>[went live anyway: {reason}]</source>
            <translation>[仍然開播：{reason}]</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="471" />
            <source>{n} manual item(s) confirmed</source>
            <translation>已確認 {n} 個手動項目</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="484" />
            <source>ready</source>
            <translation>就緒</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="484" />
            <source>blocked</source>
            <translation>受阻</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="485" />
            <source>incomplete</source>
            <translation>未完成</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="493" />
            <source>Maintenance due: {items}</source>
            <translation>到期的維護項目：{items}</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="504" />
            <source>Never done: due now</source>
            <translation>從未執行：現在到期</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="505" />
            <source>Overdue by {days:.0f} day(s)</source>
            <translation>已逾期 {days:.0f} 天</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="534" />
            <source>not run</source>
            <translation>尚未執行</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <location filename="../../ui/connection_dialog.py" line="27" />
            <source>Connect to OBS</source>
            <translation>連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="37" />
            <source>OBS › Tools › WebSocket Server Settings</source>
            <translation>OBS › 工具 › WebSocket 伺服器設定</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="38" />
            <source>Remember the password in the system keyring</source>
            <translation>將密碼記在系統金鑰圈中</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="42" />
            <source>Secrets are kept in the system keyring.</source>
            <translation>機密資訊會保存在系統金鑰圈中。</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="43" />
            <source>No system keyring is available: the password is kept for this session only.</source>
            <translation>沒有可用的系統金鑰圈：密碼只會在本次執行期間保留。</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="48" />
            <source>Host</source>
            <translation>主機</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="49" />
            <source>Port</source>
            <translation>連接埠</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="50" />
            <source>Password</source>
            <translation>密碼</translation>
        </message>
        <message>
            <location filename="../../ui/connection_dialog.py" line="53" />
            <source>Connect</source>
            <translation>連線</translation>
        </message>
    </context>
    <context>
        <name>ConnectionIndicator</name>
        <message>
            <location filename="../../ui/status_indicator.py" line="25" />
            <source>● Connected to OBS {version} at {url}</source>
            <translation>● 已連線到 {url} 的 OBS {version}</translation>
        </message>
        <message>
            <location filename="../../ui/status_indicator.py" line="27" />
            <source>● Disconnected from {url}</source>
            <translation>● 已與 {url} 中斷連線</translation>
        </message>
        <message>
            <location filename="../../ui/status_indicator.py" line="30" />
            <source>Ctrl+K to connect</source>
            <translation>按 Ctrl+K 連線</translation>
        </message>
        <message>
            <location filename="../../ui/status_indicator.py" line="32" />
            <source>● Reconnecting to {url}</source>
            <translation>● 正在重新連線到 {url}</translation>
        </message>
        <message>
            <location filename="../../ui/status_indicator.py" line="34" />
            <source>● Connecting to {url}</source>
            <translation>● 正在連線到 {url}</translation>
        </message>
        <message>
            <location filename="../../ui/status_indicator.py" line="38" />
            <source>retry {n} in {s:.0f} s</source>
            <translation>{s:.0f} 秒後進行第 {n} 次重試</translation>
        </message>
    </context>
    <context>
        <name>GoLiveGateDialog</name>
        <message>
            <location filename="../../ui/checklist_panel.py" line="103" />
            <source>Not ready to go live</source>
            <translation>尚未準備好開播</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="104" />
            <source>The pre-stream checklist is not passing. Blocking items:</source>
            <translation>開播前檢查未通過。受阻的項目：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="112" />
            <source>Why go live anyway? (required, stored in the history)</source>
            <translation>為什麼仍要開播？（必填，將記錄於歷史紀錄）</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="114" />
            <source>Go live anyway</source>
            <translation>仍然開播</translation>
        </message>
        <message>
            <location filename="../../ui/checklist_panel.py" line="125" />
            <source>Reason for the override:</source>
            <translation>略過檢查的原因：</translation>
        </message>
    </context>
    <context>
        <name>HealthPanel</name>
        <message>
            <location filename="../../ui/live/health_panel.py" line="19" />
            <source>Health</source>
            <translation>健康狀態</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="21" />
            <source>FPS</source>
            <translation>FPS</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="21" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="21" />
            <source>Memory</source>
            <translation>記憶體</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="22" />
            <source>Render-skipped frames</source>
            <translation>算圖略過的影格</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="22" />
            <source>Encoder-skipped frames</source>
            <translation>編碼器略過的影格</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="23" />
            <source>Network-dropped frames</source>
            <translation>網路丟棄的影格</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="23" />
            <source>Bitrate</source>
            <translation>位元率</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="24" />
            <source>Congestion</source>
            <translation>壅塞</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="24" />
            <source>Free disk</source>
            <translation>可用磁碟空間</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="25" />
            <source>Stream link</source>
            <translation>串流連線</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="57" />
            <source>Reconnecting…</source>
            <translation>正在重新連線…</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="57" />
            <source>OK</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/live/health_panel.py" line="62" />
            <source>Not streaming</source>
            <translation>未在串流</translation>
        </message>
    </context>
    <context>
        <name>Imports</name>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="75" />
            <source>Session {id} does not exist.</source>
            <translation>工作階段 {id} 不存在。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="70" />
            <source>The start time needs a UTC offset, e.g. 2026-08-23T20:00:00+08:00.</source>
            <translation>開始時間需要 UTC 時差，例如 2026-08-23T20:00:00+08:00。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="67" />
            <source>Unknown platform {platform}: use youtube, twitch or facebook.</source>
            <translation>不明的平台 {platform}：請使用 youtube、twitch 或 facebook。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="309" />
            <source>a negative share</source>
            <translation>是負的比例</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="52" />
            <source>cannot be read ({reason})</source>
            <translation>無法讀取（{reason}）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="102" />
            <source>line {line}: '{value}' is {what} in column '{column}'</source>
            <translation>第 {line} 行：「{column}」欄的「{value}」{what}</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="90" />
            <source>line {line}: the CSV is malformed ({reason})</source>
            <translation>第 {line} 行：CSV 格式錯誤（{reason}）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="92" />
            <source>line {line}: the row has {n} of {m} columns (is the file cut short?)</source>
            <translation>第 {line} 行：這一列只有 {m} 欄中的 {n} 欄（檔案是否不完整？）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="237" />
            <source>no Total row and more than one video</source>
            <translation>沒有「總計」列，且包含多部影片</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="125" />
            <source>not a date</source>
            <translation>不是日期</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="120" />
            <source>not a date or time</source>
            <translation>不是日期或時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="113" />
            <source>not a duration</source>
            <translation>不是時間長度</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="113" />
            <location filename="../../controllers/review/imports/formats.py" line="176" />
            <source>not a number</source>
            <translation>不是數字</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="301" />
            <source>not a position from 0 to 1</source>
            <translation>不是 0 到 1 之間的位置</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="302" />
            <source>not a position from 0 to 100 %</source>
            <translation>不是 0 到 100% 之間的位置</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="447" />
            <source>not a recognised YouTube, Twitch or Meta export (header: {header})</source>
            <translation>不是可辨識的 YouTube、Twitch 或 Meta 匯出檔（標題列：{header}）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="68" />
            <source>not a text file (it holds binary data)</source>
            <translation>不是文字檔（含有二進位資料）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="65" />
            <source>not a text file (it is neither UTF-8 nor UTF-16)</source>
            <translation>不是文字檔（既非 UTF-8 也非 UTF-16）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="312" />
            <location filename="../../controllers/review/imports/formats.py" line="356" />
            <location filename="../../controllers/review/imports/formats.py" line="384" />
            <location filename="../../controllers/review/imports/formats.py" line="395" />
            <source>the export has no rows</source>
            <translation>匯出檔沒有任何資料列</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="273" />
            <source>the export holds no YouTube Studio tables</source>
            <translation>匯出檔中沒有 YouTube 工作室的表格</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="528" />
            <source>the export holds no values OnAir can use</source>
            <translation>匯出檔中沒有 OnAir 可用的數值</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="405" />
            <source>the export holds {n} videos or posts</source>
            <translation>匯出檔包含 {n} 部影片或貼文</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="502" />
            <source>the file has no header</source>
            <translation>檔案沒有標題列</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="46" />
            <source>the file is empty</source>
            <translation>檔案是空的</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="49" />
            <source>the file is too large to import</source>
            <translation>檔案太大，無法匯入</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="181" />
            <source>the times are positions in the stream (seconds from its start)</source>
            <translation>時間是直播中的位置（從開始算起的秒數）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="338" />
            <source>the timestamps have no date</source>
            <translation>時間戳記沒有日期</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="140" />
            <source>the zip file is damaged ({reason})</source>
            <translation>zip 檔已損壞（{reason}）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="496" />
            <source>the zip holds no YouTube Studio tables (members: {members})</source>
            <translation>這個 zip 檔中沒有 YouTube 工作室的表格（內含：{members}）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/text.py" line="136" />
            <source>the zip is too large to import</source>
            <translation>zip 檔太大，無法匯入</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/service.py" line="81" />
            <source>this export covers the channel, not one stream: import it into a session (--session ID)</source>
            <translation>這個匯出檔涵蓋整個頻道，而非單一場直播：請匯入到某個工作階段（--session ID）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="525" />
            <source>this is a {found} export, not {wanted}</source>
            <translation>這是 {found} 的匯出檔，不是 {wanted}</translation>
        </message>
        <message>
            <location filename="../../controllers/review/imports/formats.py" line="157" />
            <source>{what}: import it into a session (--session ID) or give the stream's start with its UTC offset (--start 2026-08-23T20:00:00+08:00)</source>
            <translation>{what}：請匯入到某個工作階段（--session ID），或提供直播開始時間與 UTC 時差（--start 2026-08-23T20:00:00+08:00）</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="58" />
            <source>OnAir — livestream console</source>
            <translation>OnAir — 直播控制台</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="81" />
            <source>Sessions</source>
            <translation>場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="90" />
            <location filename="../../ui/main_window.py" line="340" />
            <location filename="../../ui/main_window.py" line="383" />
            <source>Sessions are not recorded.</source>
            <translation>不會記錄場次。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="99" />
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="111" />
            <location filename="../../ui/main_window.py" line="290" />
            <source>Checklist</source>
            <translation>檢查清單</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="139" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>&amp;Connect to OBS…</source>
            <translation>連線到 OBS(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="144" />
            <source>&amp;Reconnect now</source>
            <translation>立即重新連線(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="148" />
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="156" />
            <source>&amp;Live</source>
            <translation>直播(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="157" />
            <source>Start/stop &amp;streaming</source>
            <translation>開始/停止串流(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="161" />
            <source>Start/stop &amp;recording</source>
            <translation>開始/停止錄影(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="165" />
            <source>&amp;Transition (studio mode)</source>
            <translation>轉場（工作室模式）(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="169" />
            <source>Add &amp;marker</source>
            <translation>加入標記(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="173" />
            <source>Add marker with &amp;note…</source>
            <translation>加入附註標記(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="177" />
            <source>Start &amp;rehearsal session</source>
            <translation>開始彩排場次(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="180" />
            <source>&amp;End rehearsal session</source>
            <translation>結束彩排場次(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="186" />
            <source>&amp;View</source>
            <translation>檢視(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="198" />
            <source>Post-stream &amp;review</source>
            <translation>直播後檢討(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="206" />
            <source>&amp;Settings</source>
            <translation>設定(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>&amp;Language</source>
            <translation>語言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="211" />
            <source>System default</source>
            <translation>系統預設</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="220" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="221" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>鍵盤快速鍵(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="257" />
            <source>Not connected to OBS</source>
            <translation>未連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>There is no scene {n}</source>
            <translation>沒有第 {n} 個場景</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="273" />
            <source>{what} failed — {reason}</source>
            <translation>{what}失敗 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="292" />
            <source>Checklist ⚠ {n} due</source>
            <translation>檢查清單 ⚠ {n} 項到期</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="295" />
            <source>Maintenance due or overdue: {n} item(s) — see the Checklist</source>
            <translation>有 {n} 個維護項目到期或逾期 — 請查看檢查清單</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="301" />
            <source>Sessions not recorded</source>
            <translation>未記錄場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="305" />
            <source>rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="305" />
            <source>stream</source>
            <translation>直播</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="306" />
            <source>● Recording session {id} ({kind})</source>
            <translation>● 正在記錄場次 {id}（{kind}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="310" />
            <source>Sessions start with the stream</source>
            <translation>場次會在開始串流時開始記錄</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="321" />
            <source>Open review</source>
            <translation>開啟檢討</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="345" />
            <source>Review</source>
            <translation>檢討</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="365" />
            <location filename="../../ui/main_window.py" line="379" />
            <source>No session is being recorded: marker not added</source>
            <translation>目前沒有正在記錄的場次：未加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="367" />
            <source>Marker added</source>
            <translation>已加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="377" />
            <source>Marker</source>
            <translation>標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="377" />
            <source>Note for this moment:</source>
            <translation>此時刻的附註：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="385" />
            <source>Rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="385" />
            <source>Title of the rehearsal:</source>
            <translation>彩排標題：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="389" />
            <source>A stream session is already being recorded</source>
            <translation>已有直播場次正在記錄中</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="394" />
            <source>Rehearsal session ended</source>
            <translation>彩排場次已結束</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="408" />
            <source>No system keyring: the password is kept for this session only.</source>
            <translation>沒有系統金鑰圈：密碼只會在本次執行期間保留。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="420" />
            <source>Language</source>
            <translation>語言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="421" />
            <source>The new language takes effect when OnAir is restarted.</source>
            <translation>新的語言會在重新啟動 OnAir 後生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="424" />
            <source>Keyboard shortcuts</source>
            <translation>鍵盤快速鍵</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="425" />
            <source>1–9	switch to scene 1–9 (preview in studio mode)
Ctrl+T	transition (studio mode)
Ctrl+Shift+S	start/stop streaming
Ctrl+Shift+R	start/stop recording
Ctrl+M	add a marker to the session
Ctrl+Shift+M	add a marker with a note
Ctrl+F	filter the chat (Esc clears)
Ctrl+1–9	insert canned reply 1–9 (Enter sends)
F6	post-stream review
Ctrl+K	connect to OBS…
Ctrl+R	reconnect now
Ctrl+Q	quit</source>
            <translation>1–9	切換到場景 1–9（工作室模式下為預覽）
Ctrl+T	轉場（工作室模式）
Ctrl+Shift+S	開始/停止串流
Ctrl+Shift+R	開始/停止錄影
Ctrl+M	在場次中加入標記
Ctrl+Shift+M	加入附註標記
Ctrl+F	篩選聊天訊息（Esc 清除）
Ctrl+1–9	插入罐頭回覆 1–9（Enter 送出）
F6	直播後檢討
Ctrl+K	連線到 OBS…
Ctrl+R	立即重新連線
Ctrl+Q	結束</translation>
        </message>
    </context>
    <context>
        <name>OutputControls</name>
        <message>
            <location filename="../../ui/live/output_controls.py" line="23" />
            <source>Outputs</source>
            <translation>輸出</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="42" />
            <source>Add marker</source>
            <translation>加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="44" />
            <source>Mark this moment in the session (Ctrl+M; Ctrl+Shift+M with a note)</source>
            <translation>在場次中標記此時刻（Ctrl+M；Ctrl+Shift+M 可附加附註）</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="63" />
            <source>Starting…</source>
            <extracomment>Asked before OnAir starts the stream (e.g. the checklist's go-live gate): False stops it.</extracomment>
            <translation>正在開始…</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="63" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="65" />
            <location filename="../../ui/live/output_controls.py" line="94" />
            <source>Stop streaming</source>
            <translation>停止串流</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="65" />
            <location filename="../../ui/live/output_controls.py" line="91" />
            <source>Start streaming</source>
            <translation>開始串流</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="68" />
            <location filename="../../ui/live/output_controls.py" line="100" />
            <source>Stop recording</source>
            <translation>停止錄影</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="68" />
            <location filename="../../ui/live/output_controls.py" line="98" />
            <source>Start recording</source>
            <translation>開始錄影</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="92" />
            <source>Stop streaming?</source>
            <translation>要停止串流嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="93" />
            <source>The broadcast ends for every viewer. Stop streaming now?</source>
            <translation>所有觀眾的直播都會結束。要立即停止串流嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="99" />
            <source>Stop recording?</source>
            <translation>要停止錄影嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="99" />
            <source>Stop recording now?</source>
            <translation>要立即停止錄影嗎？</translation>
        </message>
    </context>
    <context>
        <name>ProgramPreview</name>
        <message>
            <location filename="../../ui/live/program_preview.py" line="39" />
            <location filename="../../ui/live/program_preview.py" line="59" />
            <source>No program picture</source>
            <translation>沒有節目畫面</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <location filename="../../ui/review/comparison_model.py" line="78" />
            <source> (this session)</source>
            <translation>（本場次）</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="90" />
            <source>Add goal</source>
            <translation>新增目標</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="468" />
            <source>Analytics exports (*.csv *.zip *.txt);;All files (*)</source>
            <translation>數據分析匯出檔 (*.csv *.zip *.txt);;所有檔案 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="227" />
            <source>Audience</source>
            <translation>觀眾</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="75" />
            <source>Audience retention</source>
            <translation>觀眾續看率</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="33" />
            <source>Avg viewers</source>
            <translation>平均觀眾</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="338" />
            <source>CPU %</source>
            <translation>CPU %</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="140" />
            <source>Choose a session…</source>
            <translation>選擇場次…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="428" />
            <source>Click a moment on any chart to see it in the recording.</source>
            <translation>在任一圖表上點一下某個時刻，即可在錄影中觀看。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="156" />
            <source>Data as CSV (folder)…</source>
            <translation>資料（CSV，資料夾）…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="157" />
            <source>Data as JSON…</source>
            <translation>資料（JSON）…</translation>
        </message>
        <message>
            <location filename="../../ui/review/comparison_model.py" line="55" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="31" />
            <source>Dropped frames</source>
            <translation>掉格（網路）</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="32" />
            <source>Encoder skipped</source>
            <translation>編碼器略過</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="31" />
            <source>Engagement rate</source>
            <translation>互動率</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="152" />
            <source>Export</source>
            <translation>匯出</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="583" />
            <source>Export failed — {reason}</source>
            <translation>匯出失敗 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="551" />
            <source>Export the review</source>
            <translation>匯出檢討報告</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="578" />
            <source>Exported to {path}</source>
            <translation>已匯出至 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="561" />
            <source>Exporting {fmt}…</source>
            <translation>正在匯出 {fmt}…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="547" />
            <source>Folder for the CSV files</source>
            <translation>CSV 檔案的資料夾</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="65" />
            <source>Goal</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="198" />
            <source>Goal removed.</source>
            <translation>目標已移除。</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="177" />
            <source>Goal saved.</source>
            <translation>目標已儲存。</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="139" />
            <source>Goal: {goals}</source>
            <translation>目標：{goals}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="226" />
            <source>Goals</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="134" />
            <source>Goals from the platform's template; changing them here makes them this session's own.</source>
            <translation>目標來自平台範本；在這裡修改後會成為這個場次自己的目標。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="549" />
            <source>HTML page (*.html)</source>
            <translation>HTML 網頁 (*.html)</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="167" />
            <source>Hover over the charts for values; click a moment to see it in the recording.</source>
            <translation>將滑鼠移到圖表上可查看數值；點一下某個時刻即可在錄影中觀看。</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="168" />
            <source>Hover over the charts for values; wheel to zoom, drag to pan.</source>
            <translation>將滑鼠移到圖表上可查看數值；滾輪縮放，拖曳平移。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="147" />
            <source>Import a platform's analytics export (YouTube Studio, Twitch, Meta) into this session. You can also drop files on the panel.</source>
            <translation>將平台的數據分析匯出檔（YouTube 工作室、Twitch、Meta）匯入這個場次。也可以直接把檔案拖放到面板上。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="467" />
            <source>Import analytics export</source>
            <translation>匯入數據分析匯出檔</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="145" />
            <source>Import analytics…</source>
            <translation>匯入數據分析…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="507" />
            <source>Import failed — {reason}</source>
            <translation>匯入失敗 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="508" />
            <source>Imported {n} file(s).</source>
            <translation>已匯入 {n} 個檔案。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="491" />
            <source>Importing {name}…</source>
            <translation>正在匯入 {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="475" />
            <source>Imports are not available in this build.</source>
            <translation>這個版本無法使用匯入功能。</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="34" />
            <source>Impressions CTR</source>
            <translation>曝光點閱率</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="65" />
            <source>Indicator</source>
            <translation>指標</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="550" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="355" />
            <source>Loaded in {ms} ms</source>
            <translation>已於 {ms} 毫秒內載入</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="326" />
            <source>Loading…</source>
            <translation>正在載入…</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="65" />
            <source>Met</source>
            <translation>達成</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="44" />
            <source>No audience data for this session. Import the platform's analytics export (YouTube Studio, Twitch, Meta) to see age, gender, geography and retention.</source>
            <translation>這個場次沒有觀眾資料。匯入平台的數據分析匯出檔（YouTube 工作室、Twitch、Meta）即可查看年齡、性別、地區與觀眾續看率。</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="136" />
            <source>No goals yet: add targets below (e.g. peak viewers at least 300).</source>
            <translation>尚未設定目標：請在下方新增（例如最高同時觀眾至少 300）。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="251" />
            <source>No session chosen</source>
            <translation>尚未選擇場次</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="270" />
            <source>Outage {start} – {end}</source>
            <translation>中斷 {start} – {end}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="549" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="33" />
            <source>Peak viewers</source>
            <translation>最高同時觀眾</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="252" />
            <source>Pick a session above, or open one from the Sessions list.</source>
            <translation>請在上方選擇場次，或從「場次」清單開啟。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="228" />
            <source>Previous sessions</source>
            <translation>先前的場次</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="142" />
            <source>Reload</source>
            <translation>重新載入</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="93" />
            <source>Remove selected</source>
            <translation>移除選取項目</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="32" />
            <source>Render lagged</source>
            <translation>算繪延遲</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="156" />
            <source>Report as HTML…</source>
            <translation>報告（HTML）…</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="156" />
            <source>Report as PDF…</source>
            <translation>報告（PDF）…</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="123" />
            <source>Reset zoom</source>
            <translation>重設縮放</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="65" />
            <source>Result</source>
            <translation>結果</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="203" />
            <source>Saving…</source>
            <translation>正在儲存…</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="184" />
            <source>Select a goal to remove.</source>
            <translation>請選取要移除的目標。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="306" />
            <source>Session {id}</source>
            <translation>場次 {id}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="348" />
            <source>Session {id} no longer exists.</source>
            <translation>場次 {id} 已不存在。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="165" />
            <source>Session:</source>
            <translation>場次：</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="321" />
            <source>Sessions are not recorded, so there is nothing to review.</source>
            <translation>未記錄場次，因此沒有可檢討的內容。</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="125" />
            <source>Show the whole session (wheel: zoom, drag: pan)</source>
            <translation>顯示整個場次（滾輪：縮放，拖曳：平移）</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="144" />
            <source>Source: {source}</source>
            <translation>來源：{source}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="451" />
            <source>That moment is before the recording started.</source>
            <translation>該時刻在錄影開始之前。</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="213" />
            <source>The goal could not be saved: {reason}</source>
            <translation>無法儲存目標：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="430" />
            <source>The recording {path} cannot be played.</source>
            <translation>無法播放錄影檔 {path}。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="411" />
            <source>The recording {path} is not there any more.</source>
            <translation>錄影檔 {path} 已不在原處。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="416" />
            <source>The recording's start time is unknown, so it cannot follow the charts.</source>
            <translation>不知道錄影的開始時間，因此影片無法與圖表同步。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="367" />
            <source>The review could not be loaded: {reason}</source>
            <translation>無法載入檢討資料：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="133" />
            <source>This session's goals.</source>
            <translation>這個場次的目標。</translation>
        </message>
        <message>
            <location filename="../../ui/review/comparison_model.py" line="57" />
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
            <location filename="../../ui/review/comparison_model.py" line="78" />
            <location filename="../../ui/review/review_panel.py" line="79" />
            <location filename="../../ui/review/review_panel.py" line="380" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="419" />
            <source>Video playback needs VLC (python-vlc and libvlc).</source>
            <translation>播放影片需要 VLC（python-vlc 與 libvlc）。</translation>
        </message>
        <message>
            <location filename="../../ui/review/review_panel.py" line="462" />
            <source>Video: {message}</source>
            <translation>影片：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="44" />
            <source>accounts</source>
            <translation>個帳號</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="81" />
            <source>at least (≥)</source>
            <translation>至少（≥）</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="82" />
            <source>at most (≤)</source>
            <translation>至多（≤）</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="25" />
            <source>average % viewed</source>
            <translation>平均觀看百分比</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="25" />
            <source>average view duration</source>
            <translation>平均觀看時長</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="337" />
            <source>chat/min</source>
            <translation>則/分</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="43" />
            <source>chatters</source>
            <translation>位聊天者</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="338" />
            <source>dropped %</source>
            <translation>掉格 %</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="44" />
            <source>followers</source>
            <translation>位追隨者</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="44" />
            <location filename="../../ui/review/charts.py" line="338" />
            <source>fps</source>
            <translation>fps</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="43" />
            <source>hours</source>
            <translation>小時</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="45" />
            <source>impressions</source>
            <translation>次曝光</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="337" />
            <source>kbit/s</source>
            <translation>kbit/s</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="182" />
            <source>marker</source>
            <translation>標記</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="362" />
            <source>marker: {note}</source>
            <translation>標記：{note}</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="43" />
            <source>messages</source>
            <translation>則訊息</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="183" />
            <source>outage</source>
            <translation>中斷</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="44" />
            <source>outages</source>
            <translation>次中斷</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="76" />
            <source>position in the stream (%)</source>
            <translation>直播進度（%）</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="181" />
            <source>scene switch</source>
            <translation>場景切換</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="357" />
            <source>scene: {name}</source>
            <translation>場景：{name}</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="41" />
            <source>seconds</source>
            <translation>秒</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="77" />
            <source>still watching (%)</source>
            <translation>仍在觀看（%）</translation>
        </message>
        <message>
            <location filename="../../ui/review/goals_editor.py" line="85" />
            <source>target</source>
            <translation>目標值</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="185" />
            <source>video position</source>
            <translation>影片位置</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="24" />
            <source>view count</source>
            <translation>觀看次數</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="43" />
            <location filename="../../ui/review/charts.py" line="337" />
            <source>viewers</source>
            <translation>觀眾</translation>
        </message>
        <message>
            <location filename="../../ui/review/cards.py" line="45" />
            <source>views</source>
            <translation>次觀看</translation>
        </message>
        <message>
            <location filename="../../ui/review/demographics.py" line="24" />
            <source>watch time (hours)</source>
            <translation>觀看時間（小時）</translation>
        </message>
        <message>
            <location filename="../../ui/review/charts.py" line="369" />
            <source>{time} — marker (no note)</source>
            <translation>{time} — 標記（無附註）</translation>
        </message>
    </context>
    <context>
        <name>ScenesPanel</name>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="27" />
            <source>Scenes</source>
            <translation>場景</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="41" />
            <location filename="../../ui/live/scenes_panel.py" line="94" />
            <source>Studio mode</source>
            <translation>工作室模式</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="43" />
            <source>Pick the next scene in preview, then press Transition</source>
            <translation>在預覽中選好下一個場景，再按「轉場」</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="45" />
            <location filename="../../ui/live/scenes_panel.py" line="86" />
            <source>Transition</source>
            <translation>轉場</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="47" />
            <source>Send the preview scene to program (Ctrl+T)</source>
            <translation>將預覽場景送到節目（Ctrl+T）</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="80" />
            <source>Set preview scene</source>
            <translation>設定預覽場景</translation>
        </message>
        <message>
            <location filename="../../ui/live/scenes_panel.py" line="82" />
            <source>Switch scene</source>
            <translation>切換場景</translation>
        </message>
    </context>
    <context>
        <name>SessionListModel</name>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="55" />
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="53" />
            <source>Duration</source>
            <translation>持續時間</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="55" />
            <source>Events</source>
            <translation>事件數</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="54" />
            <source>Platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="81" />
            <source>Rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="54" />
            <source>Samples</source>
            <translation>取樣數</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="53" />
            <source>Started</source>
            <translation>開始時間</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="54" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="53" />
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="81" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="77" />
            <source>ended</source>
            <translation>已結束</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="77" />
            <source>interrupted</source>
            <translation>已中斷</translation>
        </message>
        <message>
            <location filename="../../ui/models/session_list_model.py" line="77" />
            <source>live</source>
            <translation>直播中</translation>
        </message>
    </context>
    <context>
        <name>SessionsPanel</name>
        <message>
            <location filename="../../ui/sessions_panel.py" line="43" />
            <source>Delete…</source>
            <translation>刪除…</translation>
        </message>
        <message>
            <location filename="../../ui/sessions_panel.py" line="46" />
            <source>Refresh</source>
            <translation>重新整理</translation>
        </message>
        <message>
            <location filename="../../ui/sessions_panel.py" line="84" />
            <source>Select a session to delete.</source>
            <translation>請選擇要刪除的場次。</translation>
        </message>
        <message>
            <location filename="../../ui/sessions_panel.py" line="86" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../ui/sessions_panel.py" line="87" />
            <source>Delete session?</source>
            <translation>要刪除場次嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/sessions_panel.py" line="88" />
            <source>Delete session {id} “{title}” ({duration}) with all its samples, events and chat? This cannot be undone.</source>
            <translation>要刪除場次 {id}「{title}」（{duration}）及其所有取樣、事件與聊天訊息嗎？此動作無法復原。</translation>
        </message>
    </context>
    <context>
        <name>TwitchViewers</name>
        <message>
            <location filename="../../controllers/chat/helix.py" line="176" />
            <source>Asking Twitch for the viewer count of {channel}</source>
            <translation>正在向 Twitch 查詢 {channel} 的觀眾人數</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="196" />
            <source>Cannot reach the Twitch API ({error}); retrying in {s:.0f} s.</source>
            <translation>無法連上 Twitch API（{error}）；{s:.0f} 秒後重試。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="207" />
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="190" />
            <source>Twitch rate limit reached; next viewer count in {s:.0f} s.</source>
            <translation>已達 Twitch 速率限制；{s:.0f} 秒後再讀取觀眾人數。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="184" />
            <source>Twitch token rejected ({message}): viewer counts are off until the Twitch client id and token are set again.</source>
            <translation>Twitch 權杖遭拒（{message}）：在重新設定 Twitch 用戶端 ID 與權杖之前，不會讀取觀眾人數。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="193" />
            <source>Twitch viewer count failed ({error}); retrying in {s:.0f} s.</source>
            <translation>讀取 Twitch 觀眾人數失敗（{error}）；{s:.0f} 秒後重試。</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="201" />
            <source>{channel} is offline</source>
            <translation>{channel} 目前未開台</translation>
        </message>
        <message>
            <location filename="../../controllers/chat/helix.py" line="203" />
            <source>{channel}: {n} viewers</source>
            <translation>{channel}：{n} 位觀眾</translation>
        </message>
    </context>
    <context>
        <name>VideoPlayer</name>
        <message>
            <location filename="../../ui/review/player.py" line="323" />
            <location filename="../../ui/review/player.py" line="522" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="325" />
            <source>Play or pause (Space)</source>
            <translation>播放或暫停（空白鍵）</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="332" />
            <source>Position in the recording</source>
            <translation>錄影中的位置</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="338" />
            <source>Position / length</source>
            <translation>目前位置 / 總長度</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="354" />
            <source>The video cannot be played</source>
            <translation>無法播放此影片</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="355" />
            <source>No video loaded</source>
            <translation>尚未載入影片</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="355" />
            <source>Press Play to watch the recording</source>
            <translation>按「播放」觀看錄影</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="388" />
            <source>The video player has been closed.</source>
            <translation>影片播放器已關閉。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="389" />
            <source>Video playback is unavailable: libvlc could not be started.</source>
            <translation>無法播放影片：libvlc 無法啟動。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="395" />
            <source>The recording {path} does not exist.</source>
            <translation>錄影檔 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="397" />
            <source>The recording {path} cannot be read (permission denied).</source>
            <translation>無法讀取錄影檔 {path}（權限不足）。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="399" />
            <source>The recording {path} is empty.</source>
            <translation>錄影檔 {path} 是空的。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="404" />
            <source>The recording {path} cannot be opened.</source>
            <translation>無法開啟錄影檔 {path}。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="522" />
            <source>Pause</source>
            <translation>暫停</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="646" />
            <source>libvlc could not play {path}; the file may be damaged.</source>
            <translation>libvlc 無法播放 {path}，檔案可能已損毀。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="656" />
            <location filename="../../ui/review/player.py" line="667" />
            <source>{path} is not a video file that can be played.</source>
            <translation>{path} 不是可播放的影片檔。</translation>
        </message>
        <message>
            <location filename="../../ui/review/player.py" line="671" />
            <source>{path} has no video stream.</source>
            <translation>{path} 沒有視訊串流。</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../ui/app.py" line="48" />
            <source>Another OnAir is recording sessions; this one does not.</source>
            <translation>另一個 OnAir 正在記錄場次，這個 OnAir 不會記錄。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="115" />
            <source>OBS address</source>
            <translation>OBS 位址</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="69" />
            <source>Sessions are not recorded</source>
            <translation>不會記錄場次</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="72" />
            <source>Sessions {ids} were interrupted by a crash and have been closed at their last sample.</source>
            <translation>場次 {ids} 因程式當機而中斷，已在各自最後一筆取樣處結束。</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <location filename="../../cli/report.py" line="177" />
            <source>(Sessions of this platform use the template for any platform, '*'.)</source>
            <translation>（此平台的場次會套用適用所有平台的範本「*」。）</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="88" />
            <source>(none)</source>
            <translation>（無）</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="64" />
            <source>(rehearsal)</source>
            <translation>（彩排）</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="93" />
            <source>Another OnAir is already recording sessions into {path}.</source>
            <translation>另一個 OnAir 已在將場次記錄到 {path}。</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="83" />
            <source>Audio inputs:</source>
            <translation>音訊輸入：</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="108" />
            <source>Cannot connect to OBS at {url}: {reason}</source>
            <translation>無法連線到 {url} 的 OBS：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="60" />
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="59" />
            <source>Duration</source>
            <translation>持續時間</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="60" />
            <source>Events</source>
            <translation>事件數</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="79" />
            <source>Export failed: {reason}</source>
            <translation>匯出失敗：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="158" />
            <source>Goals failed: {reason}</source>
            <translation>目標設定失敗：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/imports.py" line="39" />
            <source>Import failed: --start {value} is not a date and time with a UTC offset (e.g. 2026-08-23T20:00:00+08:00).</source>
            <translation>匯入失敗：--start {value} 不是含 UTC 時差的日期與時間（例如 2026-08-23T20:00:00+08:00）。</translation>
        </message>
        <message>
            <location filename="../../cli/imports.py" line="51" />
            <source>Import failed: {reason}</source>
            <translation>匯入失敗：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/imports.py" line="54" />
            <source>Imported {file} ({kind}) into new session {id}: {metrics} metrics, {points} series points, {rows} breakdown rows.</source>
            <translation>已將 {file}（{kind}）匯入新的工作階段 {id}：{metrics} 項指標、{points} 個序列資料點、{rows} 列分項資料。</translation>
        </message>
        <message>
            <location filename="../../cli/imports.py" line="57" />
            <source>Imported {file} ({kind}) into session {id}: {metrics} metrics, {points} series points, {rows} breakdown rows.</source>
            <translation>已將 {file}（{kind}）匯入工作階段 {id}：{metrics} 項指標、{points} 個序列資料點、{rows} 列分項資料。</translation>
        </message>
        <message>
            <location filename="../../cli/imports.py" line="62" />
            <source>It replaces the earlier import of the same file.</source>
            <translation>這次匯入取代了先前匯入的同一個檔案。</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="57" />
            <source>No sessions yet.</source>
            <translation>目前還沒有任何場次。</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="75" />
            <source>OBS {obs} (obs-websocket {ws}) at {url}</source>
            <translation>OBS {obs}（obs-websocket {ws}），位於 {url}</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="59" />
            <source>Platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="77" />
            <source>Program scene: {scene}</source>
            <translation>節目場景：{scene}</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="92" />
            <source>Record: {state} {timecode}</source>
            <translation>錄影：{state} {timecode}</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="108" />
            <source>Recording sessions from OBS at {url}; Ctrl+C stops.</source>
            <translation>正在記錄 {url} 上 OBS 的場次；按 Ctrl+C 停止。</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="107" />
            <source>Rehearsal session {id} started.</source>
            <translation>彩排場次 {id} 已開始。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="82" />
            <source>Report failed: there is no session {id}.</source>
            <translation>報表產生失敗：沒有場次 {id}。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="92" />
            <source>Report failed: {format} reports are not available in this build of OnAir.</source>
            <translation>報表產生失敗：此版本的 OnAir 無法產生 {format} 報表。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="72" />
            <source>Report failed: {id} is not a session id (a positive whole number).</source>
            <translation>報表產生失敗：{id} 不是場次編號（須為正整數）。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="98" />
            <location filename="../../cli/report.py" line="101" />
            <source>Report failed: {reason}</source>
            <translation>報表產生失敗：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="60" />
            <source>Samples</source>
            <translation>取樣數</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="80" />
            <source>Scenes:</source>
            <translation>場景：</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="151" />
            <source>Session {id} has no goals of its own; its platform's template applies:</source>
            <translation>場次 {id} 沒有自己的目標，套用其平台的目標範本：</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="149" />
            <source>Session {id} has no goals.</source>
            <translation>場次 {id} 沒有設定目標。</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="97" />
            <source>Session {id} was interrupted by a crash; it is now closed at its last sample.</source>
            <translation>場次 {id} 因程式當機而中斷，現已在最後一筆取樣處結束。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="141" />
            <source>Session {id}: goal {metric} {op} {target} set.</source>
            <translation>場次 {id}：已設定目標 {metric} {op} {target}。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="145" />
            <source>Session {id}: {count} goal(s) removed.</source>
            <translation>場次 {id}：已移除 {count} 個目標。</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="59" />
            <source>Started</source>
            <translation>開始時間</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="96" />
            <source>Stats: {fps:.1f} fps, CPU {cpu:.1f} %, memory {mem:.0f} MB, render skipped {render:.1f} %, encoder skipped {enc:.1f} %, disk free {disk:.1f} GB</source>
            <translation>統計：{fps:.1f} FPS，CPU {cpu:.1f} %，記憶體 {mem:.0f} MB，算圖略過 {render:.1f} %，編碼略過 {enc:.1f} %，可用磁碟空間 {disk:.1f} GB</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="59" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="90" />
            <source>Stream: {state} {timecode}</source>
            <translation>串流：{state} {timecode}</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="79" />
            <source>Studio mode: on, preview scene: {scene}</source>
            <translation>工作室模式：開啟，預覽場景：{scene}</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="175" />
            <source>Template {platform} has no goals.</source>
            <translation>{platform} 範本沒有設定目標。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="167" />
            <source>Template {platform}: goal {metric} {op} {target} set.</source>
            <translation>{platform} 範本：已設定目標 {metric} {op} {target}。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="171" />
            <source>Template {platform}: {count} goal(s) removed.</source>
            <translation>{platform} 範本：已移除 {count} 個目標。</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="137" />
            <source>There is no session {id}.</source>
            <translation>沒有場次 {id}。</translation>
        </message>
        <message>
            <location filename="../../cli/sessions.py" line="60" />
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="124" />
            <source>Usage: goals ID clear [METRIC]</source>
            <translation>用法：goals ID clear [METRIC]</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="129" />
            <source>Usage: goals ID list</source>
            <translation>用法：goals ID list</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="118" />
            <source>Usage: goals ID set METRIC OP VALUE (for example: goals 12 set peak_viewers '&gt;=' 300)</source>
            <translation>用法：goals ID set METRIC OP VALUE（例如：goals 12 set peak_viewers '&gt;=' 300）</translation>
        </message>
        <message>
            <location filename="../../cli/report.py" line="104" />
            <location filename="../../cli/sessions.py" line="74" />
            <location filename="../../cli/sessions.py" line="77" />
            <source>Wrote {path}</source>
            <translation>已寫入 {path}</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="85" />
            <source>live</source>
            <translation>播送中</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="85" />
            <source>muted</source>
            <translation>靜音</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="74" />
            <source>off</source>
            <translation>關閉</translation>
        </message>
        <message>
            <location filename="../../cli/status.py" line="74" />
            <source>on</source>
            <translation>開啟</translation>
        </message>
    </context>
    <context>
        <name>report</name>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="95" />
            <source>Audience</source>
            <translation>觀眾</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="94" />
            <location filename="../../controllers/review/render/document.py" line="253" />
            <source>Audience retention</source>
            <translation>觀眾留存率</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="113" />
            <source>Average bitrate</source>
            <translation>平均位元率</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="103" />
            <source>Average concurrent viewers</source>
            <translation>平均同時觀看人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="307" />
            <source>Average of previous</source>
            <translation>先前場次平均</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="129" />
            <source>Average view duration</source>
            <translation>平均觀看時間長度</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="106" />
            <source>Average watch time</source>
            <translation>平均觀看時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="177" />
            <source>Avg. viewers</source>
            <translation>平均觀看人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="147" />
            <source>Bitrate (kbit/s)</source>
            <translation>位元率（kbit/s）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="149" />
            <source>CPU usage (%)</source>
            <translation>CPU 使用率（%）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="120" />
            <source>CPU, 95th percentile</source>
            <translation>CPU 第 95 百分位數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="119" />
            <source>CPU, mean</source>
            <translation>CPU 平均</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="108" />
            <location filename="../../controllers/review/render/labels.py" line="178" />
            <source>Chat messages</source>
            <translation>聊天訊息數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="146" />
            <source>Chat messages per minute</source>
            <translation>每分鐘聊天訊息數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="137" />
            <source>Chatters</source>
            <translation>聊天者</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="135" />
            <source>Comments</source>
            <translation>留言</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="288" />
            <source>Comparison with previous sessions</source>
            <translation>與先前場次比較</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="145" />
            <source>Concurrent viewers</source>
            <translation>同時觀看人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="258" />
            <source>Demographics</source>
            <translation>觀眾組成</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="134" />
            <source>Dislikes</source>
            <translation>不喜歡</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="179" />
            <source>Dropped frames</source>
            <translation>丟棄的影格</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="148" />
            <source>Dropped frames (%)</source>
            <translation>丟棄的影格（%）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="115" />
            <source>Dropped frames (network)</source>
            <translation>丟棄的影格（網路）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="154" />
            <location filename="../../controllers/review/render/labels.py" line="101" />
            <location filename="../../controllers/review/render/labels.py" line="177" />
            <source>Duration</source>
            <translation>持續時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="153" />
            <source>Ended</source>
            <translation>結束時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="95" />
            <location filename="../../controllers/review/render/labels.py" line="179" />
            <source>Engagement</source>
            <translation>互動</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="109" />
            <source>Engagement rate (chatters per average viewer)</source>
            <translation>互動率（聊天者／平均觀看人數）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="121" />
            <source>FPS, mean</source>
            <translation>FPS 平均</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="122" />
            <source>FPS, minimum</source>
            <translation>FPS 最低</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="278" />
            <source>File</source>
            <translation>檔案</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="150" />
            <source>Frames per second</source>
            <translation>每秒影格數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="316" />
            <source>Generated by OnAir on {time}.</source>
            <translation>由 OnAir 於 {time} 產生。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="159" />
            <source>Geography</source>
            <translation>地理位置</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="203" />
            <source>Goal</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="197" />
            <source>Goals</source>
            <translation>目標</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="155" />
            <source>Good</source>
            <translation>良好</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="104" />
            <location filename="../../controllers/review/render/labels.py" line="178" />
            <source>Hours watched</source>
            <translation>觀看時數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="172" />
            <source>Imported</source>
            <translation>匯入</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="268" />
            <source>Imported analytics</source>
            <translation>匯入的分析資料</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="277" />
            <source>Imported files</source>
            <translation>匯入的檔案</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="279" />
            <source>Imported on</source>
            <translation>匯入時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="125" />
            <source>Impressions</source>
            <translation>曝光次數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="126" />
            <source>Impressions click-through rate</source>
            <translation>曝光點閱率</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="181" />
            <source>Indicator</source>
            <translation>指標</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="175" />
            <source>Indicators</source>
            <translation>指標</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="243" />
            <source>Into the session</source>
            <translation>場次經過時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="278" />
            <source>Kind</source>
            <translation>類型</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="117" />
            <source>Lagged frames (rendering)</source>
            <translation>延遲的影格（算繪）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="133" />
            <source>Likes</source>
            <translation>喜歡</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="130" />
            <source>Live views</source>
            <translation>直播觀看次數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="225" />
            <source>Local time {start} to {end}. Coloured strip: the active scene (dashed lines at switches when they are few); orange lines: markers (numbered); red shading: OBS outages.</source>
            <translation>當地時間 {start} 至 {end}。彩色條：當時的場景（切換次數少時以虛線標示切換）；橘色線：標記（附編號）；紅色陰影：OBS 中斷。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="241" />
            <source>Markers</source>
            <translation>標記</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="201" />
            <source>Met</source>
            <translation>達成</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="271" />
            <source>Metric</source>
            <translation>指標</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="114" />
            <source>Minimum bitrate</source>
            <translation>最低位元率</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="138" />
            <source>Minutes watched</source>
            <translation>觀看分鐘數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="112" />
            <source>New followers</source>
            <translation>新追隨者</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="82" />
            <location filename="../../controllers/review/render/document.py" line="171" />
            <location filename="../../controllers/review/render/document.py" line="201" />
            <location filename="../../controllers/review/render/document.py" line="221" />
            <source>No data</source>
            <translation>無資料</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="236" />
            <source>No data for: {charts}.</source>
            <translation>無資料：{charts}。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="199" />
            <source>No goals were set for this session.</source>
            <translation>此場次未設定目標。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="167" />
            <source>No notes.</source>
            <translation>沒有備註。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="201" />
            <source>Not met</source>
            <translation>未達成</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="244" />
            <source>Note</source>
            <translation>說明</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="163" />
            <source>Notes</source>
            <translation>備註</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="123" />
            <source>OBS outages</source>
            <translation>OBS 中斷次數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="146" />
            <source>OnAir session report</source>
            <translation>OnAir 場次報告</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="111" />
            <source>Paid amount</source>
            <translation>付費金額</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="110" />
            <source>Paid messages</source>
            <translation>付費訊息數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="102" />
            <source>Peak concurrent viewers</source>
            <translation>最高同時觀看人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="177" />
            <source>Peak viewers</source>
            <translation>最高觀看人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="278" />
            <source>Platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="155" />
            <source>Poor</source>
            <translation>不佳</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="124" />
            <source>Reach</source>
            <translation>觸及人數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="139" />
            <source>Reactions</source>
            <translation>心情反應</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="157" />
            <source>Recording</source>
            <translation>錄影檔</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="172" />
            <source>Rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="204" />
            <source>Result</source>
            <translation>結果</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/_qt.py" line="131" />
            <location filename="../../controllers/review/render/document.py" line="144" />
            <source>Session report</source>
            <translation>場次報告</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="147" />
            <source>Session {id}</source>
            <translation>場次 {id}</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="254" />
            <source>Share of the audience still watching, by position in the stream.</source>
            <translation>依直播進度，仍在觀看的觀眾比例。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="136" />
            <source>Shares</source>
            <translation>分享</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="116" />
            <source>Skipped frames (encoder)</source>
            <translation>跳過的影格（編碼器）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="152" />
            <location filename="../../controllers/review/render/document.py" line="296" />
            <source>Started</source>
            <translation>開始時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="182" />
            <location filename="../../controllers/review/render/document.py" line="204" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="172" />
            <source>Stream</source>
            <translation>直播</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="95" />
            <source>Stream health</source>
            <translation>串流健康度</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="131" />
            <source>Subscribers gained</source>
            <translation>新增訂閱者</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="132" />
            <source>Subscribers lost</source>
            <translation>流失訂閱者</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="203" />
            <source>Target</source>
            <translation>目標值</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="290" />
            <source>There are no earlier sessions on this platform to compare with.</source>
            <translation>此平台沒有更早的場次可供比較。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="312" />
            <source>This session</source>
            <translation>本場次</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="243" />
            <source>Time</source>
            <translation>時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="118" />
            <source>Time reconnecting</source>
            <translation>重新連線時間</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="219" />
            <source>Timeline</source>
            <translation>時間軸</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="296" />
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="107" />
            <source>Unique chatters</source>
            <translation>不重複聊天者</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="105" />
            <source>Unique viewers</source>
            <translation>不重複觀眾</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/__init__.py" line="61" />
            <location filename="../../controllers/review/render/document.py" line="141" />
            <location filename="../../controllers/review/render/document.py" line="301" />
            <source>Untitled session</source>
            <translation>未命名場次</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="181" />
            <location filename="../../controllers/review/render/document.py" line="271" />
            <source>Value</source>
            <translation>數值</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="159" />
            <source>Viewer age</source>
            <translation>觀眾年齡</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="159" />
            <source>Viewer gender</source>
            <translation>觀眾性別</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="127" />
            <source>Views</source>
            <translation>觀看次數</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="155" />
            <source>Warning</source>
            <translation>注意</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="128" />
            <source>Watch time (hours)</source>
            <translation>觀看時間（小時）</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="168" />
            <source>ended</source>
            <translation>已結束</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="168" />
            <source>interrupted</source>
            <translation>已中斷</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="168" />
            <source>live</source>
            <translation>進行中</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="164" />
            <source>share of audience</source>
            <translation>觀眾占比</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="163" />
            <source>share of views</source>
            <translation>觀看次數占比</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/labels.py" line="163" />
            <source>share of watch time</source>
            <translation>觀看時間占比</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="222" />
            <source>there is no time-series data to chart for this session.</source>
            <translation>此場次沒有可繪製圖表的時間序列資料。</translation>
        </message>
        <message>
            <location filename="../../controllers/review/render/document.py" line="172" />
            <source>this session has no samples, chat, viewer counts or imported analytics.</source>
            <translation>此場次沒有取樣、聊天、觀看人數或匯入的分析資料。</translation>
        </message>
    </context>
</TS>
