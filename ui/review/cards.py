"""Indicator cards: a value with its unit, a traffic light for frame losses, the goal status beside it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from controllers.review.model import REPORT_UNITS, GoalResult, SessionReview
from controllers.review.render import labels

from .common import tr

#: The cards always shown, in order; goal metrics and imported metrics with a value are added after.
PRIMARY: tuple[str, ...] = (
    "duration_s", "peak_viewers", "avg_viewers", "hours_watched", "chat_messages", "unique_chatters",
    "engagement_rate", "avg_bitrate_kbps", "dropped_frames_pct", "encoder_skipped_pct", "render_skipped_pct",
    "cpu_mean", "fps_mean", "reconnecting_s",
)
OPTIONAL: tuple[str, ...] = ("unique_viewers", "avg_watch_time_s", "new_followers", "paid_messages", "views",
                             "reach", "impressions", "impressions_ctr_pct", "obs_outages")
LIGHT_COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828"}
GOAL_MARKS = {True: ("✓", "#2e7d32"), False: ("✗", "#c62828"), None: ("—", "#757575")}
MAX_COLUMNS = 10


def short_labels() -> dict[str, str]:
    """Card titles (shorter than the report's row labels where those are long)."""
    names = labels.metric_labels()
    names.update({"engagement_rate": tr("Engagement rate"), "dropped_frames_pct": tr("Dropped frames"),
                  "encoder_skipped_pct": tr("Encoder skipped"), "render_skipped_pct": tr("Render lagged"),
                  "avg_viewers": tr("Avg viewers"), "peak_viewers": tr("Peak viewers"),
                  "impressions_ctr_pct": tr("Impressions CTR")})
    return names


def unit_of(key: str) -> str:
    """The unit shown under the value; formatted values that carry their own unit get none."""
    if key in ("duration_s", "avg_watch_time_s", "reconnecting_s") or key.endswith("_pct") \
            or key in ("engagement_rate", "cpu_mean", "cpu_p95", "avg_bitrate_kbps", "min_bitrate_kbps"):
        return ""
    units = {"viewers": tr("viewers"), "h": tr("hours"), "chatters": tr("chatters"), "messages": tr("messages"),
             "followers": tr("followers"), "fps": tr("fps"), "outages": tr("outages"), "accounts": tr("accounts"),
             "impressions": tr("impressions"), "views": tr("views"), "currency": ""}
    return units.get(REPORT_UNITS.get(key, ""), "")


#: English units in the singular ("1 outage"); only used while the unit is untranslated (English), as
#: the languages OnAir is translated into (zh_TW) use one form for any count.
SINGULAR_EN = {"viewers": "viewer", "hours": "hour", "chatters": "chatter", "messages": "message",
               "followers": "follower", "outages": "outage", "accounts": "account", "impressions": "impression",
               "views": "view"}


def unit_for(key: str, value: float | None) -> str:
    """:func:`unit_of`, in the singular for exactly one in English ("1 outage", not "1 outages")."""
    unit = unit_of(key)
    if value is not None and value == 1:
        return SINGULAR_EN.get(unit, unit)
    return unit


def format_value(key: str, value: float | None) -> str:
    return labels.fmt(value, labels.formatter(key))


def goal_text(result: GoalResult) -> str:
    """``≥ 300`` with the target formatted like the value."""
    op = "≥" if result.goal.op == ">=" else "≤"
    return f"{op} {format_value(result.goal.metric, result.goal.target)}"


class IndicatorCard(QFrame):
    """One indicator: ``card_<key>`` with ``value``, ``unit``, ``goal`` and ``light`` labels."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#card_{key} {{ background: #ffffff; border: 1px solid #d0d7de; "
                           "border-radius: 6px; }")
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("color: #57606a; font-size: 8.5pt;")
        # one line: a wrapped title ("Encoder / skipped") made its card taller than its neighbours
        self.title.setWordWrap(False)
        self.title.setToolTip(title)
        self.light = QLabel("●", self)
        self.light.setObjectName("cardLight")
        self.light.hide()
        self.value = QLabel("—", self)
        self.value.setObjectName("cardValue")
        self.value.setStyleSheet("font-size: 13pt; font-weight: 600; color: #1f2328;")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unit = QLabel(self)
        self.unit.setObjectName("cardUnit")
        self.unit.setStyleSheet("color: #57606a;")
        self.goal = QLabel(self)
        self.goal.setObjectName("cardGoal")
        self.goal.hide()
        head = QHBoxLayout()
        head.setSpacing(4)
        head.addWidget(self.title, 1)
        head.addWidget(self.light, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.value)
        row.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        row.addWidget(self.goal, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addLayout(row)

    def show_value(self, value: float | None, light: str | None = None, goals: Iterable[GoalResult] = (),
                   source: str = "") -> None:
        self.value.setText(format_value(self.key, value))
        self.unit.setText(unit_for(self.key, value))
        if light in LIGHT_COLOURS:
            self.light.setStyleSheet(f"color: {LIGHT_COLOURS[light]}; font-size: 13pt;")
            self.light.setToolTip(labels.light_labels().get(light, light))
            self.light.setProperty("light", light)
            self.light.show()
        else:
            self.light.setProperty("light", "")
            self.light.hide()
        results = list(goals)
        if results:
            marks = []
            for result in results:
                mark, colour = GOAL_MARKS[result.met]
                marks.append(f'<span style="color:{colour}; font-weight:bold">{mark}</span> '
                             f'<span style="color:#57606a">{goal_text(result)}</span>')
            self.goal.setText("<br>".join(marks))
            self.goal.setToolTip(tr("Goal: {goals}").format(goals=", ".join(goal_text(r) for r in results)))
            self.goal.show()
        else:
            self.goal.clear()
            self.goal.hide()
        tip = tr("Source: {source}").format(source=source) if source else ""
        self.setToolTip(tip)

    def goal_marks(self) -> str:
        """The ✓/✗/— marks shown (tests, accessibility)."""
        return "".join(ch for ch in self.goal.text() if ch in "✓✗—")


class CardsGrid(QWidget):
    """``reviewCards``: the indicator cards of one review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCards")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.cards: dict[str, IndicatorCard] = {}

    def keys_for(self, review: SessionReview) -> list[str]:
        keys = list(PRIMARY)
        extra = [r.goal.metric for r in review.goals] + [k for k in OPTIONAL if review.indicators.get(k) is not None]
        for key in extra:
            if key not in keys:
                keys.append(key)
        return keys

    def set_review(self, review: SessionReview) -> None:
        keys = self.keys_for(review)
        if list(self.cards) != keys:
            for card in self.cards.values():
                self.grid.removeWidget(card)
                card.deleteLater()
            self.cards = {}
            names = short_labels()
            columns = min(MAX_COLUMNS, max(7, -(-len(keys) // 2)))
            for col in range(MAX_COLUMNS):
                self.grid.setColumnStretch(col, 1 if col < columns else 0)
            for i, key in enumerate(keys):
                card = IndicatorCard(key, names.get(key, key), self)
                self.grid.addWidget(card, i // columns, i % columns)
                self.cards[key] = card
        for key, card in self.cards.items():
            goals = [r for r in review.goals if r.goal.metric == key]
            card.show_value(review.indicators.get(key), review.lights.get(key), goals, review.sources.get(key, ""))
        paid = self.cards.get("paid_messages")
        amount = review.indicators.get("paid_amount")
        if paid is not None and amount is not None and "paid_amount" not in self.cards:
            currency = review.paid_currency or ""
            paid.unit.setText(f"{paid.unit.text()} · {format_value('paid_amount', amount)} {currency}".strip())
