"""Header alias table: column names as the platforms write them (English, zh-TW) → tokens.

A token is a canonical metric key (``controllers/review/model.py`` IMPORTED_METRICS) or a role
starting with ``@`` (a dimension or a time column) or ``~`` (a value the parsers convert, e.g.
seconds viewed → watch_time_hours). Matching ignores case, whitespace and full-width forms, so
``觀看時間(小時)`` and ``觀看時間 (小時)`` are the same header. Sources: tests/data/imports/FORMATS.md.
"""

from __future__ import annotations

import re
import unicodedata

ALIASES: dict[str, tuple[str, ...]] = {
    # -- dimensions and time columns --
    "@content": ("Content", "內容", "Video", "影片"),
    "@title": ("Video title", "Title", "影片標題", "標題", "Post title", "貼文標題"),
    "@publish_time": ("Video publish time", "Publish time", "Published", "影片發布時間", "發布時間", "發佈時間",
                      "Scheduled publish time"),
    "@duration": ("Duration", "Duration (sec)", "Duration (seconds)", "時間長度", "長度", "影片長度", "長度 (秒)",
                  "Stream length"),
    "@date": ("Date", "日期", "Day", "Stream date"),
    "@timestamp": ("Timestamp", "Time", "時間戳記", "時間"),
    "@position_s": ("Live stream position (seconds)", "Stream position (seconds)", "直播位置 (秒)",
                    "直播時間點 (秒)"),
    "@video_id": ("Video ID", "影片 ID", "影片編號"),
    "@post_id": ("Post ID", "貼文 ID", "貼文編號"),
    "@permalink": ("Permalink", "永久連結"),
    "@age": ("Viewer age", "觀眾年齡", "Age", "年齡"),
    "@gender": ("Viewer gender", "觀眾性別", "Gender", "性別"),
    "@geography": ("Geography", "地理位置", "Country", "Countries", "Top countries", "國家/地區", "國家"),
    "@city": ("City", "Cities", "Top cities", "城市", "熱門城市"),
    "@women": ("Women", "Female", "女性"),
    "@men": ("Men", "Male", "男性"),
    "@value": ("Value", "Primary", "值", "主要"),
    # -- metrics (IMPORTED_METRICS keys) --
    "views": ("Views", "觀看次數", "Plays"),
    "unique_viewers": ("Unique viewers", "不重複觀眾", "不重複觀眾人數", "Unique Viewers"),
    "watch_time_hours": ("Watch time (hours)", "觀看時間 (小時)", "Hours watched", "觀看時數"),
    "avg_view_duration_s": ("Average view duration", "平均觀看時間長度", "平均觀看時間", "Average live view duration"),
    "impressions": ("Impressions", "Thumbnail impressions", "曝光次數", "縮圖曝光次數"),
    "impressions_ctr_pct": ("Impressions click-through rate (%)", "Thumbnail impressions click-through rate (%)",
                            "曝光點閱率 (%)", "縮圖曝光點閱率 (%)", "Impressions click-through rate"),
    "subscribers_net": ("Subscribers", "訂閱人數"),
    "subscribers_gained": ("Subscribers gained", "獲得的訂閱人數", "New subscribers", "新訂閱者"),
    "subscribers_lost": ("Subscribers lost", "失去的訂閱人數"),
    "likes": ("Likes", "喜歡", "喜歡人數", "按讚數"),
    "dislikes": ("Dislikes", "不喜歡", "不喜歡人數"),
    "comments": ("Comments", "Comments added", "留言", "留言數", "新增的留言"),
    "shares": ("Shares", "分享", "分享次數"),
    "viewers": ("Concurrent viewers", "同時觀看人數", "Viewers"),
    "avg_viewers": ("Average concurrent viewers", "Average Viewers", "Avg Viewers", "平均同時觀看人數",
                    "平均觀眾人數", "平均觀眾"),
    "peak_viewers": ("Peak concurrent viewers", "Peak concurrents", "Max Viewers", "Peak viewers",
                     "Peak live viewers", "最高同時觀看人數", "同時觀看人數高峰", "最多觀眾人數", "觀眾人數高峰"),
    "chat_messages": ("Live chat messages", "Chat Messages", "聊天訊息", "即時聊天訊息", "聊天室訊息"),
    "chatters": ("Chatters", "Unique chatters", "聊天者", "聊天人數"),
    "live_views": ("Live Views", "直播觀看次數"),
    "new_followers": ("New Followers", "Follows", "Followers gained", "新追隨者", "新的追隨者", "新增追蹤者"),
    "reach": ("Reach", "Post reach", "Accounts reached", "觸及人數", "觸及"),
    "reactions": ("Reactions", "心情", "心情數"),
    "minutes_watched": ("Minutes Watched", "Minutes viewed", "觀看分鐘數", "已觀看分鐘數"),
    "avg_watch_time_s": ("Average Seconds viewed", "Average seconds viewed", "平均觀看秒數"),
    # -- values converted by the parsers --
    "~seconds_viewed": ("Seconds viewed", "觀看秒數"),
    "~avg_minutes_viewed": ("Average minutes viewed", "平均觀看分鐘數"),
    "~views_pct": ("Views (%)", "觀看次數 (%)"),
    "~watch_time_pct": ("Watch time (hours) (%)", "觀看時間 (小時) (%)"),
    "~avg_pct_viewed": ("Average percentage viewed (%)", "平均觀看百分比 (%)"),
    # -- audience retention: the YouTube Analytics API report (its column names) and YouTube Studio's chart
    # export (header names assumed, FORMATS.md) --
    "@elapsed_ratio": ("elapsedVideoTimeRatio", "elapsed_video_time_ratio"),
    "@position_pct": ("Video position (%)", "影片位置 (%)", "影片播放位置 (%)"),
    "~audience_watch_ratio": ("audienceWatchRatio", "audience_watch_ratio"),
    "~relative_retention": ("relativeRetentionPerformance", "relative_retention_performance"),
    "~audience_retention_pct": ("Absolute audience retention (%)", "Audience retention (%)", "絕對觀眾續看率 (%)",
                                "觀眾續看率 (%)"),
}

#: Cells of the first column that mark the totals row (YouTube Studio puts it first).
TOTAL_LABELS = frozenset({"total", "totals", "總計", "合計", "總和"})

#: Gender keys as stored in imported_breakdowns.
GENDERS = {"female": "female", "women": "female", "女性": "female", "male": "male", "men": "male", "男性": "male",
           "user-specified": "user_specified", "user specified": "user_specified", "使用者指定": "user_specified",
           "other": "other", "其他": "other"}


def normalize(header: str) -> str:
    """The matching form of a header: NFKC, case-folded, without whitespace, quotes or BOM."""
    text = unicodedata.normalize("NFKC", header).replace("\ufeff", "").replace("\u200b", "")
    return re.sub(r"[\s\"']+", "", text).casefold()


_LOOKUP: dict[str, str] = {normalize(name): token for token, names in ALIASES.items() for name in names}


def token(header: str) -> str | None:
    """The token of a header, or None for a column OnAir does not use."""
    return _LOOKUP.get(normalize(header))


def tokens(header: tuple[str, ...]) -> list[str | None]:
    return [token(h) for h in header]
