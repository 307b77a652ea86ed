"""zh_TW translations for the imports area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    # ---- controllers/review/imports: problems, shown after "<file name>: " ----
    ("Imports", "line {line}: the row has {n} of {m} columns (is the file cut short?)"):
        "第 {line} 行：這一列只有 {m} 欄中的 {n} 欄（檔案是否不完整？）",
    ("Imports", "line {line}: '{value}' is {what} in column '{column}'"):
        "第 {line} 行：「{column}」欄的「{value}」{what}",
    ("Imports", "not a duration"): "不是時間長度",
    ("Imports", "not a number"): "不是數字",
    ("Imports", "not a date or time"): "不是日期或時間",
    ("Imports", "not a date"): "不是日期",
    ("Imports", "not a position from 0 to 1"): "不是 0 到 1 之間的位置",
    ("Imports", "not a position from 0 to 100 %"): "不是 0 到 100% 之間的位置",
    ("Imports", "a negative share"): "是負的比例",
    ("Imports", "{what}: import it into a session (--session ID) or give the stream's start with its UTC offset "
                "(--start 2026-08-23T20:00:00+08:00)"):
        "{what}：請匯入到某個工作階段（--session ID），或提供直播開始時間與 UTC 時差"
        "（--start 2026-08-23T20:00:00+08:00）",
    ("Imports", "the times are positions in the stream (seconds from its start)"):
        "時間是直播中的位置（從開始算起的秒數）",
    ("Imports", "no Total row and more than one video"): "沒有「總計」列，且包含多部影片",
    ("Imports", "the export holds no YouTube Studio tables"): "匯出檔中沒有 YouTube 工作室的表格",
    ("Imports", "the timestamps have no date"): "時間戳記沒有日期",
    ("Imports", "the export has no rows"): "匯出檔沒有任何資料列",
    ("Imports", "the export holds {n} videos or posts"): "匯出檔包含 {n} 部影片或貼文",
    ("Imports", "not a recognised YouTube, Twitch or Meta export (header: {header})"):
        "不是可辨識的 YouTube、Twitch 或 Meta 匯出檔（標題列：{header}）",
    ("Imports", "the zip holds no YouTube Studio tables (members: {members})"):
        "這個 zip 檔中沒有 YouTube 工作室的表格（內含：{members}）",
    ("Imports", "the file has no header"): "檔案沒有標題列",
    ("Imports", "this is a {found} export, not {wanted}"): "這是 {found} 的匯出檔，不是 {wanted}",
    ("Imports", "the export holds no values OnAir can use"): "匯出檔中沒有 OnAir 可用的數值",
    ("Imports", "the file is too large to import"): "檔案太大，無法匯入",
    ("Imports", "cannot be read ({reason})"): "無法讀取（{reason}）",
    ("Imports", "Unknown platform {platform}: use youtube, twitch or facebook."):
        "不明的平台 {platform}：請使用 youtube、twitch 或 facebook。",
    ("Imports", "The start time needs a UTC offset, e.g. 2026-08-23T20:00:00+08:00."):
        "開始時間需要 UTC 時差，例如 2026-08-23T20:00:00+08:00。",
    ("Imports", "Session {id} does not exist."): "工作階段 {id} 不存在。",
    ("Imports", "this export covers the channel, not one stream: import it into a session (--session ID)"):
        "這個匯出檔涵蓋整個頻道，而非單一場直播：請匯入到某個工作階段（--session ID）",
    ("Imports", "the file is empty"): "檔案是空的",
    ("Imports", "not a text file (it is neither UTF-8 nor UTF-16)"): "不是文字檔（既非 UTF-8 也非 UTF-16）",
    ("Imports", "not a text file (it holds binary data)"): "不是文字檔（含有二進位資料）",
    ("Imports", "line {line}: the CSV is malformed ({reason})"): "第 {line} 行：CSV 格式錯誤（{reason}）",
    ("Imports", "the zip is too large to import"): "zip 檔太大，無法匯入",
    ("Imports", "the zip file is damaged ({reason})"): "zip 檔已損壞（{reason}）",
    # ---- cli/imports.py ----
    ("cli", "Import failed: --start {value} is not a date and time with a UTC offset "
            "(e.g. 2026-08-23T20:00:00+08:00)."):
        "匯入失敗：--start {value} 不是含 UTC 時差的日期與時間（例如 2026-08-23T20:00:00+08:00）。",
    ("cli", "Import failed: {reason}"): "匯入失敗：{reason}",
    ("cli", "Imported {file} ({kind}) into new session {id}: {metrics} metrics, {points} series points, "
            "{rows} breakdown rows."):
        "已將 {file}（{kind}）匯入新的工作階段 {id}：{metrics} 項指標、{points} 個序列資料點、{rows} 列分項資料。",
    ("cli", "Imported {file} ({kind}) into session {id}: {metrics} metrics, {points} series points, "
            "{rows} breakdown rows."):
        "已將 {file}（{kind}）匯入工作階段 {id}：{metrics} 項指標、{points} 個序列資料點、{rows} 列分項資料。",
    ("cli", "It replaces the earlier import of the same file."): "這次匯入取代了先前匯入的同一個檔案。",
}
