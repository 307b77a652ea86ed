"""zh_TW translations for the review_player area (merged by scripts/update_translations.py)."""

TRANSLATIONS: dict[str | tuple[str, str], str] = {
    ("VideoPlayer", "Play"): "播放",
    ("VideoPlayer", "Pause"): "暫停",
    ("VideoPlayer", "Play or pause (Space)"): "播放或暫停（空白鍵）",
    ("VideoPlayer", "Position in the recording"): "錄影中的位置",
    ("VideoPlayer", "Position / length"): "目前位置 / 總長度",
    ("VideoPlayer", "No video loaded"): "尚未載入影片",
    ("VideoPlayer", "Press Play to watch the recording"): "按「播放」觀看錄影",
    ("VideoPlayer", "The video cannot be played"): "無法播放此影片",
    ("VideoPlayer", "The video player has been closed."): "影片播放器已關閉。",
    ("VideoPlayer", "Video playback is unavailable: libvlc could not be started."): "無法播放影片：libvlc 無法啟動。",
    ("VideoPlayer", "The recording {path} does not exist."): "錄影檔 {path} 不存在。",
    ("VideoPlayer", "The recording {path} cannot be read (permission denied)."): "無法讀取錄影檔 {path}（權限不足）。",
    ("VideoPlayer", "The recording {path} is empty."): "錄影檔 {path} 是空的。",
    ("VideoPlayer", "The recording {path} cannot be opened."): "無法開啟錄影檔 {path}。",
    ("VideoPlayer", "libvlc could not play {path}; the file may be damaged."):
        "libvlc 無法播放 {path}，檔案可能已損毀。",
    ("VideoPlayer", "{path} is not a video file that can be played."): "{path} 不是可播放的影片檔。",
    ("VideoPlayer", "{path} has no video stream."): "{path} 沒有視訊串流。",
}
