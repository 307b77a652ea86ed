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
            <location filename="../../ui/chat_panel.py" line="169" />
            <source>Filter chat…</source>
            <translation>篩選聊天訊息…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="172" />
            <source>Questions only</source>
            <translation>只顯示問題</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="183" />
            <source>No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID</source>
            <translation>沒有聊天來源：請設定 ONAIR_TWITCH_CHANNEL 或 ONAIR_YOUTUBE_VIDEO_ID</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="258" />
            <location filename="../../ui/chat_panel.py" line="276" />
            <location filename="../../ui/chat_panel.py" line="308" />
            <location filename="../../ui/chat_panel.py" line="324" />
            <source>Feature on stream</source>
            <translation>在直播畫面上顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="266" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="313" />
            <source>OBS is not connected</source>
            <translation>尚未連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="318" />
            <source>Featuring in {scene} for {n} s…</source>
            <translation>正在 {scene} 顯示 {n} 秒…</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="328" />
            <source>On stream in {scene}</source>
            <translation>已在 {scene} 顯示</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="356" />
            <source>connecting</source>
            <translation>連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="356" />
            <source>connected</source>
            <translation>已連線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="357" />
            <source>reconnecting</source>
            <translation>重新連線中</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="357" />
            <source>disconnected</source>
            <translation>已斷線</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="375" />
            <source>{n} msg/min</source>
            <translation>每分鐘 {n} 則</translation>
        </message>
        <message>
            <location filename="../../ui/chat_panel.py" line="384" />
            <source>{n} new ↓</source>
            <translation>{n} 則新訊息 ↓</translation>
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
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="53" />
            <source>OnAir — livestream console</source>
            <translation>OnAir — 直播控制台</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="76" />
            <source>Sessions</source>
            <translation>場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="84" />
            <location filename="../../ui/main_window.py" line="315" />
            <source>Sessions are not recorded.</source>
            <translation>不會記錄場次。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="93" />
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="102" />
            <location filename="../../ui/main_window.py" line="271" />
            <source>Checklist</source>
            <translation>檢查清單</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="130" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="131" />
            <source>&amp;Connect to OBS…</source>
            <translation>連線到 OBS(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="135" />
            <source>&amp;Reconnect now</source>
            <translation>立即重新連線(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="139" />
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="147" />
            <source>&amp;Live</source>
            <translation>直播(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="148" />
            <source>Start/stop &amp;streaming</source>
            <translation>開始/停止串流(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="152" />
            <source>Start/stop &amp;recording</source>
            <translation>開始/停止錄影(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="156" />
            <source>&amp;Transition (studio mode)</source>
            <translation>轉場（工作室模式）(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="160" />
            <source>Add &amp;marker</source>
            <translation>加入標記(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="164" />
            <source>Add marker with &amp;note…</source>
            <translation>加入附註標記(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="168" />
            <source>Start &amp;rehearsal session</source>
            <translation>開始彩排場次(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="171" />
            <source>&amp;End rehearsal session</source>
            <translation>結束彩排場次(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="177" />
            <source>&amp;View</source>
            <translation>檢視(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="190" />
            <source>&amp;Settings</source>
            <translation>設定(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="191" />
            <source>&amp;Language</source>
            <translation>語言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="192" />
            <source>System default</source>
            <translation>系統預設</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="201" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="202" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>鍵盤快速鍵(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="238" />
            <source>Not connected to OBS</source>
            <translation>未連線到 OBS</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="242" />
            <source>There is no scene {n}</source>
            <translation>沒有第 {n} 個場景</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="254" />
            <source>{what} failed — {reason}</source>
            <translation>{what}失敗 — {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="273" />
            <source>Checklist ⚠ {n} due</source>
            <translation>檢查清單 ⚠ {n} 項到期</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="276" />
            <source>Maintenance due or overdue: {n} item(s) — see the Checklist</source>
            <translation>有 {n} 個維護項目到期或逾期 — 請查看檢查清單</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="282" />
            <source>Sessions not recorded</source>
            <translation>未記錄場次</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="286" />
            <source>rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="286" />
            <source>stream</source>
            <translation>直播</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="287" />
            <source>● Recording session {id} ({kind})</source>
            <translation>● 正在記錄場次 {id}（{kind}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="291" />
            <source>Sessions start with the stream</source>
            <translation>場次會在開始串流時開始記錄</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="297" />
            <location filename="../../ui/main_window.py" line="311" />
            <source>No session is being recorded: marker not added</source>
            <translation>目前沒有正在記錄的場次：未加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="299" />
            <source>Marker added</source>
            <translation>已加入標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="309" />
            <source>Marker</source>
            <translation>標記</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="309" />
            <source>Note for this moment:</source>
            <translation>此時刻的附註：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="317" />
            <source>Rehearsal</source>
            <translation>彩排</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="317" />
            <source>Title of the rehearsal:</source>
            <translation>彩排標題：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="321" />
            <source>A stream session is already being recorded</source>
            <translation>已有直播場次正在記錄中</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="326" />
            <source>Rehearsal session ended</source>
            <translation>彩排場次已結束</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="340" />
            <source>No system keyring: the password is kept for this session only.</source>
            <translation>沒有系統金鑰圈：密碼只會在本次執行期間保留。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="352" />
            <source>Language</source>
            <translation>語言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="353" />
            <source>The new language takes effect when OnAir is restarted.</source>
            <translation>新的語言會在重新啟動 OnAir 後生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="356" />
            <source>Keyboard shortcuts</source>
            <translation>鍵盤快速鍵</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="357" />
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
            <location filename="../../ui/app.py" line="48" />
            <source>Another OnAir is recording sessions; this one does not.</source>
            <translation>另一個 OnAir 正在記錄場次，這個 OnAir 不會記錄。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="111" />
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
