"""zh_TW translations for the review_panel area (merged by scripts/update_translations.py)."""

_C = "ReviewPanel"

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ui/review/cards.py: units and card titles
    (_C, "viewers"): "觀眾",
    (_C, "hours"): "小時",
    (_C, "chatters"): "位聊天者",
    (_C, "messages"): "則訊息",
    (_C, "followers"): "位追隨者",
    (_C, "fps"): "fps",
    (_C, "outages"): "次中斷",
    (_C, "accounts"): "個帳號",
    (_C, "impressions"): "次曝光",
    (_C, "views"): "次觀看",
    (_C, "Engagement rate"): "互動率",
    (_C, "Dropped frames"): "掉格（網路）",
    (_C, "Encoder skipped"): "編碼器略過",
    (_C, "Render lagged"): "算繪延遲",
    (_C, "Avg viewers"): "平均觀眾",
    (_C, "Peak viewers"): "最高同時觀眾",
    (_C, "Impressions CTR"): "曝光點閱率",
    (_C, "Source: {source}"): "來源：{source}",
    (_C, "Goal: {goals}"): "目標：{goals}",
    # ui/review/charts.py
    (_C, "Reset zoom"): "重設縮放",
    (_C, "Show the whole session (wheel: zoom, drag: pan)"): "顯示整個場次（滾輪：縮放，拖曳：平移）",
    (_C, "Hover over the charts for values; click a moment to see it in the recording."):
        "將滑鼠移到圖表上可查看數值；點一下某個時刻即可在錄影中觀看。",
    (_C, "chat/min"): "則/分",
    (_C, "kbit/s"): "kbit/s",
    (_C, "dropped %"): "掉格 %",
    (_C, "CPU %"): "CPU %",
    (_C, "{time} — marker (no note)"): "{time} — 標記（無附註）",
    (_C, "scene switch"): "場景切換",
    (_C, "marker"): "標記",
    (_C, "outage"): "中斷",
    (_C, "video position"): "影片位置",
    (_C, "scene: {name}"): "場景：{name}",
    (_C, "Outage {start} – {end}"): "中斷 {start} – {end}",
    (_C, "marker: {note}"): "標記：{note}",
    # ui/review/comparison_model.py
    (_C, "Date"): "日期",
    (_C, "Title"): "標題",
    (_C, "Untitled"): "未命名",
    (_C, " (this session)"): "（本場次）",
    # ui/review/demographics.py
    (_C, "No audience data for this session. Import the platform's analytics export (YouTube Studio, Twitch, "
         "Meta) to see age, gender, geography and retention."):
        "這個場次沒有觀眾資料。匯入平台的數據分析匯出檔（YouTube 工作室、Twitch、Meta）"
        "即可查看年齡、性別、地區與觀眾續看率。",
    (_C, "Audience retention"): "觀眾續看率",
    (_C, "position in the stream (%)"): "直播進度（%）",
    # ui/review/goals_editor.py
    (_C, "seconds"): "秒",
    (_C, "at least (≥)"): "至少（≥）",
    (_C, "at most (≤)"): "至多（≤）",
    (_C, "target"): "目標值",
    (_C, "Add goal"): "新增目標",
    (_C, "Remove selected"): "移除選取項目",
    (_C, "This session's goals."): "這個場次的目標。",
    (_C, "Goals from the platform's template; changing them here makes them this session's own."):
        "目標來自平台範本；在這裡修改後會成為這個場次自己的目標。",
    (_C, "No goals yet: add targets below (e.g. peak viewers at least 300)."):
        "尚未設定目標：請在下方新增（例如最高同時觀眾至少 300）。",
    (_C, "Goal saved."): "目標已儲存。",
    (_C, "Goal removed."): "目標已移除。",
    (_C, "Saving…"): "正在儲存…",
    (_C, "Indicator"): "指標",
    (_C, "Goal"): "目標",
    (_C, "Result"): "結果",
    (_C, "Met"): "達成",
    (_C, "Select a goal to remove."): "請選取要移除的目標。",
    (_C, "The goal could not be saved: {reason}"): "無法儲存目標：{reason}",
    # ui/review/review_panel.py
    (_C, "Choose a session…"): "選擇場次…",
    (_C, "Reload"): "重新載入",
    (_C, "Import analytics…"): "匯入數據分析…",
    (_C, "Import a platform's analytics export (YouTube Studio, Twitch, Meta) into this session. You can also "
         "drop files on the panel."):
        "將平台的數據分析匯出檔（YouTube 工作室、Twitch、Meta）匯入這個場次。也可以直接把檔案拖放到面板上。",
    (_C, "Export"): "匯出",
    (_C, "Report as HTML…"): "報告（HTML）…",
    (_C, "Report as PDF…"): "報告（PDF）…",
    (_C, "Data as CSV (folder)…"): "資料（CSV，資料夾）…",
    (_C, "Data as JSON…"): "資料（JSON）…",
    (_C, "Session:"): "場次：",
    (_C, "Goals"): "目標",
    (_C, "Audience"): "觀眾",
    (_C, "Previous sessions"): "先前的場次",
    (_C, "No session chosen"): "尚未選擇場次",
    (_C, "Pick a session above, or open one from the Sessions list."): "請在上方選擇場次，或從「場次」清單開啟。",
    (_C, "Loading…"): "正在載入…",
    (_C, "Import analytics export"): "匯入數據分析匯出檔",
    (_C, "Analytics exports (*.csv *.zip *.txt);;All files (*)"): "數據分析匯出檔 (*.csv *.zip *.txt);;所有檔案 (*)",
    (_C, "Sessions are not recorded, so there is nothing to review."): "未記錄場次，因此沒有可檢討的內容。",
    (_C, "The recording's start time is unknown, so it cannot follow the charts."):
        "不知道錄影的開始時間，因此影片無法與圖表同步。",
    (_C, "Video playback needs VLC (python-vlc and libvlc)."): "播放影片需要 VLC（python-vlc 與 libvlc）。",
    (_C, "Click a moment on any chart to see it in the recording."): "在任一圖表上點一下某個時刻，即可在錄影中觀看。",
    (_C, "That moment is before the recording started."): "該時刻在錄影開始之前。",
    (_C, "Imports are not available in this build."): "這個版本無法使用匯入功能。",
    (_C, "Folder for the CSV files"): "CSV 檔案的資料夾",
    (_C, "HTML page (*.html)"): "HTML 網頁 (*.html)",
    (_C, "PDF document (*.pdf)"): "PDF 文件 (*.pdf)",
    (_C, "JSON (*.json)"): "JSON (*.json)",
    (_C, "Export the review"): "匯出檢討報告",
    (_C, "Loaded in {ms} ms"): "已於 {ms} 毫秒內載入",
    (_C, "The review could not be loaded: {reason}"): "無法載入檢討資料：{reason}",
    (_C, "Video: {message}"): "影片：{message}",
    (_C, "Importing {n} file(s)…"): "正在匯入 {n} 個檔案…",
    (_C, "Imported {n} file(s)."): "已匯入 {n} 個檔案。",
    (_C, "Import failed — {reason}"): "匯入失敗 — {reason}",
    (_C, "Exporting {fmt}…"): "正在匯出 {fmt}…",
    (_C, "Exported to {path}"): "已匯出至 {path}",
    (_C, "Export failed — {reason}"): "匯出失敗 — {reason}",
    (_C, "Session {id}"): "場次 {id}",
    (_C, "Session {id} no longer exists."): "場次 {id} 已不存在。",
    (_C, "The recording {path} is not there any more."): "錄影檔 {path} 已不在原處。",
    (_C, "The recording {path} cannot be played."): "無法播放錄影檔 {path}。",
    # ui/main_window.py: the review's entry points
    ("MainWindow", "Post-stream &review"): "直播後檢討(&R)",
    ("MainWindow", "Open review"): "開啟檢討",
    ("MainWindow", "Review"): "檢討",
    ("MainWindow",
     "1–9\tswitch to scene 1–9 (preview in studio mode)\n"
     "Ctrl+T\ttransition (studio mode)\n"
     "Ctrl+Shift+S\tstart/stop streaming\n"
     "Ctrl+Shift+R\tstart/stop recording\n"
     "Ctrl+M\tadd a marker to the session\n"
     "Ctrl+Shift+M\tadd a marker with a note\n"
     "F6\tpost-stream review\n"
     "Ctrl+K\tconnect to OBS…\n"
     "Ctrl+R\treconnect now\n"
     "Ctrl+Q\tquit"):
        "1–9\t切換到場景 1–9（工作室模式下為預覽）\n"
        "Ctrl+T\t轉場（工作室模式）\n"
        "Ctrl+Shift+S\t開始/停止串流\n"
        "Ctrl+Shift+R\t開始/停止錄影\n"
        "Ctrl+M\t在場次中加入標記\n"
        "Ctrl+Shift+M\t加入附註標記\n"
        "F6\t直播後檢討\n"
        "Ctrl+K\t連線到 OBS…\n"
        "Ctrl+R\t立即重新連線\n"
        "Ctrl+Q\t結束",
}
