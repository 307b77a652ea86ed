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
        <name>ChatListModel</name>
        <message>
            <location filename="../../ui/models/chat_model.py" line="108" />
            <source>[message removed]</source>
            <translation>[訊息已移除]</translation>
        </message>
        <message>
            <location filename="../../ui/models/chat_model.py" line="91" />
            <source>{bits} bits</source>
            <translation>{bits} 小奇點</translation>
        </message>
    </context>
    <context>
        <name>ChatPanel</name>
        <message>
            <location filename="../../ui/chat_panel.py" line="127" />
            <source>Filter chat…</source>
            <translation>篩選聊天訊息…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="130" />
            <source>Questions only</source>
            <translation>只顯示問題</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="141" />
            <source>No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID</source>
            <translation>沒有聊天來源：請設定 ONAIR_TWITCH_CHANNEL 或 ONAIR_YOUTUBE_VIDEO_ID</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="231" />
            <source>connecting</source>
            <translation>連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="231" />
            <source>connected</source>
            <translation>已連線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="232" />
            <source>reconnecting</source>
            <translation>重新連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="232" />
            <source>disconnected</source>
            <translation>已斷線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="250" />
            <source>{n} msg/min</source>
            <translation>每分鐘 {n} 則</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="259" />
            <source>{n} new ↓</source>
            <translation>{n} 則新訊息 ↓</translation>
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
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="48" />
            <source>OnAir — livestream console</source>
            <translation>OnAir — 直播控制台</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="70" />
            <source>Sessions</source>
            <translation>場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="78" />
            <location filename="../../ui/main_window.py" line="269" />
            <source>Sessions are not recorded.</source>
            <translation>不會記錄場次。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="87" />
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="106" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="107" />
            <source>&amp;Connect to OBS…</source>
            <translation>連線到 OBS(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="111" />
            <source>&amp;Reconnect now</source>
            <translation>立即重新連線(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="115" />
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="123" />
            <source>&amp;Live</source>
            <translation>直播(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="124" />
            <source>Start/stop &amp;streaming</source>
            <translation>開始/停止串流(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="128" />
            <source>Start/stop &amp;recording</source>
            <translation>開始/停止錄影(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="132" />
            <source>&amp;Transition (studio mode)</source>
            <translation>轉場（工作室模式）(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="136" />
            <source>Add &amp;marker</source>
            <translation>加入標記(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>Add marker with &amp;note…</source>
            <translation>加入附註標記(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="144" />
            <source>Start &amp;rehearsal session</source>
            <translation>開始彩排場次(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="147" />
            <source>&amp;End rehearsal session</source>
            <translation>結束彩排場次(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="153" />
            <source>&amp;View</source>
            <translation>檢視(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="162" />
            <source>&amp;Settings</source>
            <translation>設定(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="163" />
            <source>&amp;Language</source>
            <translation>語言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="164" />
            <source>System default</source>
            <translation>系統預設</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="173" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="174" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>鍵盤快速鍵(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>Not connected to OBS</source>
            <translation>未連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="214" />
            <source>There is no scene {n}</source>
            <translation>沒有第 {n} 個場景</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="226" />
            <source>{what} failed — {reason}</source>
            <translation>{what}失敗 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="236" />
            <source>Sessions not recorded</source>
            <translation>未記錄場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="240" />
            <source>rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="240" />
            <source>stream</source>
            <translation>直播</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="241" />
            <source>● Recording session {id} ({kind})</source>
            <translation>● 正在記錄場次 {id}（{kind}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="245" />
            <source>Sessions start with the stream</source>
            <translation>場次會在開始串流時開始記錄</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="251" />
            <location filename="../../ui/main_window.py" line="265" />
            <source>No session is being recorded: marker not added</source>
            <translation>目前沒有正在記錄的場次：未加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="253" />
            <source>Marker added</source>
            <translation>已加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="263" />
            <source>Marker</source>
            <translation>標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="263" />
            <source>Note for this moment:</source>
            <translation>此時刻的附註：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>Rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>Title of the rehearsal:</source>
            <translation>彩排標題：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="275" />
            <source>A stream session is already being recorded</source>
            <translation>已有直播場次正在記錄中</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="280" />
            <source>Rehearsal session ended</source>
            <translation>彩排場次已結束</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="294" />
            <source>No system keyring: the password is kept for this session only.</source>
            <translation>沒有系統金鑰圈：密碼只會在本次執行期間保留。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="306" />
            <source>Language</source>
            <translation>語言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="307" />
            <source>The new language takes effect when OnAir is restarted.</source>
            <translation>新的語言會在重新啟動 OnAir 後生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="310" />
            <source>Keyboard shortcuts</source>
            <translation>鍵盤快速鍵</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="311" />
            <source>1–9	switch to scene 1–9 (preview in studio mode)
Ctrl+T	transition (studio mode)
Ctrl+Shift+S	start/stop streaming
Ctrl+Shift+R	start/stop recording
Ctrl+M	add a marker to the session
Ctrl+Shift+M	add a marker with a note
Ctrl+K	connect to OBS…
Ctrl+R	reconnect now
Ctrl+Q	quit</source>
            <translation>1–9	切換到場景 1–9（工作室模式下為預覽）
Ctrl+T	轉場（工作室模式）
Ctrl+Shift+S	開始/停止串流
Ctrl+Shift+R	開始/停止錄影
Ctrl+M	在場次中加入標記
Ctrl+Shift+M	加入附註標記
Ctrl+K	連線到 OBS…
Ctrl+R	立即重新連線
Ctrl+Q	結束</translation>
        </message>
    </context>
    <context>
        <name>OutputControls</name>
        <message>
            <location filename="../../ui/live/output_controls.py" line="21" />
            <source>Outputs</source>
            <translation>輸出</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="40" />
            <source>Add marker</source>
            <translation>加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="42" />
            <source>Mark this moment in the session (Ctrl+M; Ctrl+Shift+M with a note)</source>
            <translation>在場次中標記此時刻（Ctrl+M；Ctrl+Shift+M 可附加附註）</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="59" />
            <source>Starting…</source>
            <translation>正在開始…</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="59" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="61" />
            <location filename="../../ui/live/output_controls.py" line="88" />
            <source>Stop streaming</source>
            <translation>停止串流</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="61" />
            <location filename="../../ui/live/output_controls.py" line="85" />
            <source>Start streaming</source>
            <translation>開始串流</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="64" />
            <location filename="../../ui/live/output_controls.py" line="94" />
            <source>Stop recording</source>
            <translation>停止錄影</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="64" />
            <location filename="../../ui/live/output_controls.py" line="92" />
            <source>Start recording</source>
            <translation>開始錄影</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="86" />
            <source>Stop streaming?</source>
            <translation>要停止串流嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="87" />
            <source>The broadcast ends for every viewer. Stop streaming now?</source>
            <translation>所有觀眾的直播都會結束。要立即停止串流嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="93" />
            <source>Stop recording?</source>
            <translation>要停止錄影嗎？</translation>
        </message>
        <message>
            <location filename="../../ui/live/output_controls.py" line="93" />
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
        <name>app</name>
        <message>
            <location filename="../../ui/app.py" line="45" />
            <source>Another OnAir is recording sessions; this one does not.</source>
            <translation>另一個 OnAir 正在記錄場次，這個 OnAir 不會記錄。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="102" />
            <source>OBS address</source>
            <translation>OBS 位址</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="62" />
            <source>Sessions are not recorded</source>
            <translation>不會記錄場次</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="65" />
            <source>Sessions {ids} were interrupted by a crash and have been closed at their last sample.</source>
            <translation>場次 {ids} 因程式當機而中斷，已在各自最後一筆取樣處結束。</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
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
            <location filename="../../cli/sessions.py" line="97" />
            <source>Session {id} was interrupted by a crash; it is now closed at its last sample.</source>
            <translation>場次 {id} 因程式當機而中斷，現已在最後一筆取樣處結束。</translation>
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
            <location filename="../../cli/sessions.py" line="60" />
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
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
</TS>
