"""Typed settings over one QSettings ini file (under ``ONAIR_HOME`` when set).

Every option is declared once in :class:`Settings`; secrets are never stored here (see
:mod:`controllers.secrets`).
"""

from __future__ import annotations

import getpass
import json
import os
from typing import Any

from PySide6.QtCore import QSettings

from . import paths, redaction, secrets
from .obs.protocol import DEFAULT_PORT
from .obs.worker import ObsEndpoint

OBS_PASSWORD_SECRET = "obs-password"
LANGUAGES = ("system", "en", "zh_TW")


class Settings:
    """OnAir's options; ``qsettings`` is shared with the UI for window state."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self.qsettings.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def obs_host(self) -> str:
        return str(self._get("obs/host", "127.0.0.1", str)) or "127.0.0.1"

    @obs_host.setter
    def obs_host(self, value: str) -> None:
        self.qsettings.setValue("obs/host", value)

    @property
    def obs_port(self) -> int:
        port = int(self._get("obs/port", DEFAULT_PORT, int))
        return port if 0 < port < 65536 else DEFAULT_PORT

    @obs_port.setter
    def obs_port(self, value: int) -> None:
        self.qsettings.setValue("obs/port", int(value))

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", "system", str))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def confirm_stop(self) -> bool:
        return str(self._get("live/confirm_stop", "true", str)).lower() in ("1", "true", "yes")

    @property
    def operator(self) -> str:
        """Who runs the console (stored with check runs): the setting, else the OS login name."""
        value = str(self._get("operator/name", "", str)).strip()
        if value:
            return value
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    @operator.setter
    def operator(self, value: str) -> None:
        self.qsettings.setValue("operator/name", value.strip())

    # -- chat panel ---------------------------------------------------------------------------------

    @property
    def streamer_name(self) -> str:
        """The streamer's name for "mentions" in chat: the setting, else the Twitch channel
        (``ONAIR_TWITCH_CHANNEL``, else ``chat/twitch_channel``)."""
        value = str(self._get("chat/streamer_name", "", str)).strip()
        channel = os.environ.get("ONAIR_TWITCH_CHANNEL", "").strip() or str(self._get("chat/twitch_channel", "", str))
        return value or channel.strip().lstrip("#")

    @streamer_name.setter
    def streamer_name(self, value: str) -> None:
        self.qsettings.setValue("chat/streamer_name", value.strip())

    def _json_list(self, key: str) -> list[Any]:
        try:
            value = json.loads(str(self._get(key, "[]", str)) or "[]")
        except ValueError:
            return []
        return value if isinstance(value, list) else []

    @property
    def chat_highlights(self) -> list[str]:
        """Highlight rules: keywords (found in the text) or user names (the whole author name)."""
        return [str(rule) for rule in self._json_list("chat/highlights") if str(rule).strip()]

    @chat_highlights.setter
    def chat_highlights(self, rules: list[str]) -> None:
        cleaned = list(dict.fromkeys(r.strip() for r in rules if r.strip()))
        self.qsettings.setValue("chat/highlights", json.dumps(cleaned, ensure_ascii=False))

    @property
    def chat_highlight_mentions(self) -> bool:
        return str(self._get("chat/highlight_mentions", "true", str)).lower() in ("1", "true", "yes")

    @chat_highlight_mentions.setter
    def chat_highlight_mentions(self, on: bool) -> None:
        self.qsettings.setValue("chat/highlight_mentions", "true" if on else "false")

    @property
    def chat_hidden_users(self) -> list[dict[str, str]]:
        """Users hidden locally in the chat panel: ``{"platform", "author_id", "author"}``."""
        users = []
        for item in self._json_list("chat/hidden_users"):
            if isinstance(item, dict) and item.get("platform") and (item.get("author_id") or item.get("author")):
                users.append({k: str(item.get(k, "")) for k in ("platform", "author_id", "author")})
        return users

    @chat_hidden_users.setter
    def chat_hidden_users(self, users: list[dict[str, str]]) -> None:
        self.qsettings.setValue("chat/hidden_users", json.dumps(users, ensure_ascii=False))

    # -- chat sources and sending (controllers/chat/config.py; secrets are in the keyring) ----------

    def _chat_text(self, key: str) -> str:
        return str(self._get(f"chat/{key}", "", str)).strip()

    @property
    def chat_twitch_channel(self) -> str:
        return self._chat_text("twitch_channel")

    @chat_twitch_channel.setter
    def chat_twitch_channel(self, value: str) -> None:
        self.qsettings.setValue("chat/twitch_channel", value.strip())

    @property
    def chat_twitch_login(self) -> str:
        return self._chat_text("twitch_login")

    @chat_twitch_login.setter
    def chat_twitch_login(self, value: str) -> None:
        self.qsettings.setValue("chat/twitch_login", value.strip())

    @property
    def chat_twitch_client_id(self) -> str:
        return self._chat_text("twitch_client_id")

    @chat_twitch_client_id.setter
    def chat_twitch_client_id(self, value: str) -> None:
        self.qsettings.setValue("chat/twitch_client_id", value.strip())

    @property
    def chat_youtube_video_id(self) -> str:
        return self._chat_text("youtube_video_id")

    @chat_youtube_video_id.setter
    def chat_youtube_video_id(self, value: str) -> None:
        self.qsettings.setValue("chat/youtube_video_id", value.strip())

    @property
    def chat_streamer_name_stored(self) -> str:
        """The streamer's name as stored (no fallback to the environment)."""
        return self._chat_text("streamer_name")

    @property
    def chat_canned_replies(self) -> list[str]:
        """The operator's canned chat replies, in order."""
        return [str(r) for r in self._json_list("chat/canned_replies") if str(r).strip()]

    @chat_canned_replies.setter
    def chat_canned_replies(self, replies: list[str]) -> None:
        cleaned = list(dict.fromkeys(r.strip() for r in replies if r.strip()))
        self.qsettings.setValue("chat/canned_replies", json.dumps(cleaned, ensure_ascii=False))

    def sync(self) -> None:
        self.qsettings.sync()

    def obs_endpoint(self) -> ObsEndpoint:
        """The OBS endpoint: ``ONAIR_OBS_URL``/``ONAIR_OBS_PASSWORD`` override settings and keyring."""
        url = os.environ.get("ONAIR_OBS_URL")
        password = os.environ.get("ONAIR_OBS_PASSWORD")
        if password is None:
            password = secrets.get_secret(OBS_PASSWORD_SECRET) or ""
        else:
            redaction.register(password)
        if url:
            return ObsEndpoint.from_url(url, password)
        return ObsEndpoint(self.obs_host, self.obs_port, password)

    def save_obs_endpoint(self, endpoint: ObsEndpoint, *, remember_password: bool) -> bool:
        """Store host/port in settings and the password in the keyring; True if it persisted."""
        self.obs_host, self.obs_port = endpoint.host, endpoint.port
        self.sync()
        return secrets.set_secret(OBS_PASSWORD_SECRET, endpoint.password, remember=remember_password)
