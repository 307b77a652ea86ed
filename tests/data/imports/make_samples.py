#!/usr/bin/env python3
"""Write the sample exports of this folder (FORMATS.md describes each format and its sources).

The files are committed; run this again only to change them: ``python tests/data/imports/make_samples.py``.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

STUDIO_TABLE_EN = """Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,\
Thumbnail impressions,Impressions click-through rate (%),Average view duration
Total,,,,"1,234",210.5,12,"15,400",4.8,0:10:14
dQw4w9WgXcQ,Launch night live,"Aug 23, 2026",3:42:10,"1,234",210.5,12,"15,400",4.8,0:10:14
"""
STUDIO_CHART_EN = """Date,Content,Video title,Video publish time,Duration,Views
2026-08-23,dQw4w9WgXcQ,Launch night live,"Aug 23, 2026",3:42:10,1000
2026-08-24,dQw4w9WgXcQ,Launch night live,"Aug 23, 2026",3:42:10,234
"""
STUDIO_TOTALS_EN = """Date,Views
2026-08-23,1000
2026-08-24,234
"""
STUDIO_TABLE_ZH = """內容,影片標題,影片發布時間,時間長度,觀看次數,觀看時間 (小時),訂閱人數,\
曝光次數,曝光點閱率 (%),平均觀看時間
總計,,,,"1,234",210.5,12,"15,400",4.8,0:10:14
dQw4w9WgXcQ,發表會直播,"Aug 23, 2026",3:42:10,"1,234",210.5,12,"15,400",4.8,0:10:14
"""
STUDIO_TOTALS_ZH = """日期,觀看次數
2026-08-23,1000
2026-08-24,234
"""
VIEWER_AGE = """Viewer age,Views (%),Average view duration,Average percentage viewed (%),Watch time (hours) (%)
Total,100,0:10:14,12.1,100
age13-17,5.2,0:04:10,5.5,2.1
age18-24,40.1,0:12:30,14.2,48.9
age25-34,38.7,0:11:02,13.0,38.0
age35-44,16.0,0:06:40,8.1,11.0
"""
VIEWER_GENDER_ZH = """觀眾性別,觀看次數 (%),觀看時間 (小時) (%)
總計,100,100
女性,42.5,40.0
男性,57.0,59.5
使用者指定,0.5,0.5
"""
GEOGRAPHY = """Geography,Views,Watch time (hours),Average view duration
Total,"1,234",210.5,0:10:14
TW,800,150.2,0:11:16
HK,234,30.1,0:07:43
US,200,30.2,0:09:04
"""
LIVE_VIEWERSHIP = """Live stream position (seconds),Concurrent viewers,Average concurrent viewers
0,12,12
60,40,26
120,55,35.7
180,—,35.7
240,61,42
"""
LIVE_ENGAGEMENT = """Live stream position (seconds),Live chat messages,Likes
0,0,0
60,14,3
120,22,5
"""
LIVE_VIEWERSHIP_ZH = """直播位置 (秒),同時觀看人數,平均同時觀看人數
0,12,12
60,40,26
120,55,35.7
180,--,35.7
240,61,42
"""
RETENTION_API = """elapsedVideoTimeRatio,audienceWatchRatio,relativeRetentionPerformance
0.01,1.12,0.62
0.25,0.583,0.55
0.5,0.4491,0.5
0.75,0.36,0.47
1.0,0.123,0.4
"""
RETENTION_STUDIO = """Video position (%),Absolute audience retention (%)
0,100
10,71.4%
25,58.2
50,44.9
75,36.0
90,—
100,12.3
"""
RETENTION_STUDIO_ZH = """影片位置 (%),絕對觀眾續看率 (%)
0,100
10,71.4%
25,58.2
50,44.9
75,36.0
90,--
100,12.3
"""
RETENTION_BAD_POSITION = """elapsedVideoTimeRatio,audienceWatchRatio
0.5,0.4491
1.0,0.123
1.25,0.1
"""
TWITCH_SUMMARY = """Timestamp,Average Viewers,Max Viewers,Live Views,New Followers,Chatters,Chat Messages
11:50 PM,10,12,15,1,3,8
11:55 PM,"1,050",1100,40,2,7,25
12:00 AM,20,25,5,0,4,12
12:05 AM,18,20,3,1,2,6
"""
TWITCH_SUMMARY_ZH = """時間戳記,平均觀眾人數,最多觀眾人數,直播觀看次數,新追隨者,聊天者,聊天訊息
下午11:50,10,12,15,1,3,8
下午11:55,"1,050",1100,40,2,7,25
上午12:00,20,25,5,0,4,12
上午12:05,18,20,3,1,2,6
"""
TWITCH_DAILY = """Date,Hours Streamed,Average Viewers,Max Viewers,Live Views,Unique Viewers,New Followers,\
Chat Messages,Minutes Watched
Sat Aug 22 2026,0,0,0,0,0,0,0,0
Sun Aug 23 2026,4.2,31.5,61,410,120,14,880,"7,938"
Mon Aug 24 2026,2,--,--,12,5,1,40,300
"""
TWITCH_DAILY_DECIMAL_COMMA = """Date;Hours Streamed;Average Viewers;Max Viewers;Live Views;Unique Viewers;\
New Followers;\
Chat Messages;Minutes Watched
Sat Aug 22 2026;0;0;0;0;0;0;0;0
Sun Aug 23 2026;4,2;31,5;61;410;120;14;880;7.938
Mon Aug 24 2026;2;—;—;12;5;1;40;300
"""
META_VIDEO = """Video ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Permalink,Is crosspost,\
Views,Reach,3-second video views,1-minute video views,Seconds viewed,Average Seconds viewed,Reactions,Comments,Shares
1234567890,99,OnAir Demo,Launch night live,"Our launch, live",13330,08/23/2026 20:00,\
https://www.facebook.com/onairdemo/videos/1234567890,No,"2,345","1,980","1,500",600,"311,400",132.8,210,45,12
"""
META_VIDEO_ZH = """影片編號,粉絲專頁編號,粉絲專頁名稱,標題,說明,長度 (秒),發佈時間,永久連結,是否為交叉發佈,\
觀看次數,觸及人數,3 秒影片觀看次數,1 分鐘影片觀看次數,觀看秒數,平均觀看秒數,心情,留言,分享
1234567890,99,OnAir Demo,發表會直播,"我們的發表會",13330,08/23/2026 20:00,\
https://www.facebook.com/onairdemo/videos/1234567890,否,"2,345","1,980","1,500",600,"311,400",132.8,210,45,12
"""
META_POSTS = """Post ID,Page ID,Page name,Title,Description,Publish time,Post type,Permalink,\
Reach,Reactions,Comments,Shares
99_222,99,OnAir Demo,Going live tonight!,,08/22/2026 18:00,Photos,https://www.facebook.com/99/posts/222,"3,400",120,18,7
99_333,99,OnAir Demo,We are live,,08/23/2026 19:55,Live,https://www.facebook.com/99/posts/333,"5,200",340,66,21
"""
META_DAILY = '''sep=,
"Views"
"Date","Primary"
"2026-08-22T07:00:00","1,024"
"2026-08-23T07:00:00","2,345"
"2026-08-24T07:00:00","318"
'''
META_DAILY_ZH = '''sep=,
"觀看次數"
"日期","主要"
"2026-08-22T07:00:00","1,024"
"2026-08-23T07:00:00","2,345"
"2026-08-24T07:00:00","318"
'''
META_AUDIENCE = """Age & gender
Age,Women,Men
18-24,12.5%,10.1%
25-34,20.0%,18.4%
35-44,9.0%,11.0%
45-54,4.0%,6.0%
55-64,2.0%,3.0%
65+,1.5%,2.5%

Top cities
City,Value
"Taipei, Taiwan",35.2%
"Kaohsiung, Taiwan",12.4%

Top countries
Country,Value
Taiwan,78.1%
Hong Kong,9.3%
"""
BAD_NUMBER = """Timestamp,Average Viewers,Max Viewers,Live Views,New Followers,Chatters,Chat Messages
11:50 PM,10,12,15,1,3,8
11:55 PM,abc,1100,40,2,7,25
12:00 AM,20,25,5,0,4,12
"""
TRUNCATED = """Live stream position (seconds),Concurrent viewers,Average concurrent viewers
0,12,12
60,40,26
120,5"""
UNKNOWN = """Order ID,Customer,Amount
1,Alice,12.50
"""


def _zip(members: dict[str, str], *, bom: bool = True, raw_utf8_names: bool = False) -> bytes:
    """A zip of CSV members; ``raw_utf8_names`` writes UTF-8 names without the UTF-8 flag (as some exporters do)."""
    buffer = io.BytesIO()
    renames: dict[bytes, bytes] = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (name, text) in enumerate(members.items()):
            data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
            if raw_utf8_names and not name.isascii():
                raw = name.encode("utf-8")
                placeholder = (f"m{i}" + "_" * len(raw))[: len(raw) - 4] + ".csv"
                renames[placeholder.encode("ascii")] = raw
                name = placeholder
            info = zipfile.ZipInfo(name, date_time=(2026, 8, 25, 10, 0, 0))
            archive.writestr(info, data)
    out = buffer.getvalue()
    for placeholder_bytes, raw in renames.items():
        out = out.replace(placeholder_bytes, raw)
    return out


def main() -> None:
    bom = codecs.BOM_UTF8
    files: dict[str, bytes] = {
        "youtube_studio_content.zip": _zip({"Table data.csv": STUDIO_TABLE_EN, "Chart data.csv": STUDIO_CHART_EN,
                                            "Totals.csv": STUDIO_TOTALS_EN}),
        "youtube_studio_content_zh_TW.zip": _zip({"表格資料.csv": STUDIO_TABLE_ZH, "總計.csv": STUDIO_TOTALS_ZH},
                                                 raw_utf8_names=True),
        "youtube_studio_table_data.csv": bom + STUDIO_TABLE_EN.encode(),
        "youtube_studio_viewer_age.csv": bom + VIEWER_AGE.encode(),
        "youtube_studio_viewer_gender_zh_TW.csv": bom + VIEWER_GENDER_ZH.encode(),
        "youtube_studio_geography.csv": GEOGRAPHY.encode(),
        "liveViewership_launch.csv": LIVE_VIEWERSHIP.encode(),
        "liveEngagements_launch.csv": LIVE_ENGAGEMENT.encode(),
        "liveViewership_launch_zh_TW.csv": bom + LIVE_VIEWERSHIP_ZH.encode(),
        "youtube_analytics_retention.csv": RETENTION_API.encode(),
        "youtube_studio_audience_retention.csv": bom + RETENTION_STUDIO.encode(),
        "youtube_studio_audience_retention_zh_TW.csv": bom + RETENTION_STUDIO_ZH.encode(),
        "twitch_stream_summary.csv": TWITCH_SUMMARY.encode(),
        "twitch_stream_summary_zh_TW.csv": bom + TWITCH_SUMMARY_ZH.encode(),
        "twitch_channel_daily.csv": TWITCH_DAILY.encode(),
        "twitch_channel_daily_decimal_comma.csv": TWITCH_DAILY_DECIMAL_COMMA.encode(),
        "meta_video.csv": bom + META_VIDEO.encode(),
        "meta_video_zh_TW.csv": bom + META_VIDEO_ZH.encode(),
        "meta_posts.csv": bom + META_POSTS.encode(),
        "meta_daily_views_utf16.csv": META_DAILY.replace("\n", "\r\n").encode("utf-16"),
        "meta_daily_views_zh_TW_utf16be.csv": codecs.BOM_UTF16_BE + META_DAILY_ZH.encode("utf-16-be"),
        "meta_audience.csv": bom + META_AUDIENCE.encode(),
        # malformed
        "bad_number_twitch.csv": BAD_NUMBER.encode(),
        "truncated_viewership.csv": TRUNCATED.encode(),
        "retention_position_out_of_range.csv": RETENTION_BAD_POSITION.encode(),
        "unknown_header.csv": UNKNOWN.encode(),
        "empty.csv": b"",
        "binary_junk.csv": bytes(range(256)) * 4,
        "zip_without_tables.zip": _zip({"notes.csv": UNKNOWN}),
        "damaged.zip": _zip({"Table data.csv": STUDIO_TABLE_EN})[:180],
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
