"""Where chat comes from: the Twitch and YouTube set-up the operator enters in Settings ▸ Chat sources.

:class:`ChatConfig` holds it. Non-secret fields (channel, login, client id, video id, streamer name)
live in the settings ini (:class:`controllers.settings.Settings`); the Twitch OAuth token, the YouTube
API key and the YouTube OAuth token live in the OS keyring through :mod:`controllers.secrets` (memory
only, for this run, without a keyring). Every secret is registered with :mod:`controllers.redaction`.

Environment variables win over both, for automation (:data:`ENV_FIELDS`): ``ONAIR_TWITCH_CHANNEL``,
``ONAIR_TWITCH_LOGIN``, ``ONAIR_TWITCH_TOKEN``, ``ONAIR_TWITCH_CLIENT_ID``, ``ONAIR_YOUTUBE_VIDEO_ID``,
``ONAIR_YOUTUBE_API_KEY``, ``ONAIR_YOUTUBE_TOKEN``.

:func:`build_sources` turns a config into (not started) sources: :class:`TwitchChatSource` (anonymous
without a token), :class:`YouTubeChatSource` (API key reads, OAuth token reads and sends) and the Helix
:class:`TwitchViewerPoller` (channel + client id + token). :func:`start_chat_sources` is what the app
runs at start-up (configured sources plus ``ONAIR_CHAT_REPLAY``).
"""

from __future__ import annotations

import logging
import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .. import redaction, secrets

if TYPE_CHECKING:
    from ..settings import Settings
    from .hub import ChatHub, ChatSource

log = logging.getLogger(__name__)

TWITCH_TOKEN_SECRET = "twitch-oauth-token"
YOUTUBE_API_KEY_SECRET = "youtube-api-key"
YOUTUBE_TOKEN_SECRET = "youtube-oauth-token"
SECRET_NAMES = {"twitch_token": TWITCH_TOKEN_SECRET, "youtube_api_key": YOUTUBE_API_KEY_SECRET,
                "youtube_token": YOUTUBE_TOKEN_SECRET}

#: ChatConfig field → the environment variable that overrides it.
ENV_FIELDS = {
    "twitch_channel": "ONAIR_TWITCH_CHANNEL",
    "twitch_login": "ONAIR_TWITCH_LOGIN",
    "twitch_token": "ONAIR_TWITCH_TOKEN",
    "twitch_client_id": "ONAIR_TWITCH_CLIENT_ID",
    "youtube_video_id": "ONAIR_YOUTUBE_VIDEO_ID",
    "youtube_api_key": "ONAIR_YOUTUBE_API_KEY",
    "youtube_token": "ONAIR_YOUTUBE_TOKEN",
}

#: The hub status names of the sources built here (replaced together when the settings change).
SOURCE_NAMES = ("twitch", "YouTube", "Twitch viewers")

#: Longest message each platform accepts: Twitch 500 characters (IRC PRIVMSG / Helix Send Chat
#: Message), YouTube 200 characters (liveChatMessages.insert answers messageTextInvalid beyond).
MESSAGE_LIMITS = {"twitch": 500, "youtube": 200}

_TWITCH_NAME = re.compile(r"[A-Za-z0-9_]{1,25}")
_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatConfig", text)


def clean_twitch_channel(text: str) -> str:
    """``#Name``, ``twitch.tv/name`` or ``https://www.twitch.tv/name`` → ``name`` (lower case)."""
    text = text.strip()
    if "twitch.tv/" in text:
        text = text.split("twitch.tv/", 1)[1].split("/", 1)[0].split("?", 1)[0]
    return text.lstrip("#@").lower()


def clean_video_id(text: str) -> str:
    """A video id, or the id inside a watch / youtu.be / live / shorts link."""
    text = text.strip()
    if "/" not in text:
        return text
    parts = urllib.parse.urlsplit(text if "://" in text else "https://" + text)
    query = urllib.parse.parse_qs(parts.query).get("v")
    if query:
        return query[0]
    segments = [s for s in parts.path.split("/") if s]
    return segments[-1] if segments else text


def clean_token(text: str, *prefixes: str) -> str:
    """Whitespace and a pasted scheme (``oauth:``, ``Bearer ``) removed."""
    text = text.strip()
    for prefix in prefixes:
        if text.lower().startswith(prefix.lower()):
            text = text[len(prefix):].strip()
    return text


@dataclass(frozen=True)
class ChatConfig:
    """The chat set-up; secrets are excluded from ``repr``."""

    twitch_channel: str = ""
    twitch_login: str = ""
    twitch_token: str = field(default="", repr=False)
    twitch_client_id: str = ""
    youtube_video_id: str = ""
    youtube_api_key: str = field(default="", repr=False)
    youtube_token: str = field(default="", repr=False)
    streamer_name: str = ""

    def cleaned(self) -> ChatConfig:
        """Links reduced to names/ids, pasted prefixes and whitespace dropped."""
        return ChatConfig(
            twitch_channel=clean_twitch_channel(self.twitch_channel),
            twitch_login=clean_twitch_channel(self.twitch_login),
            twitch_token=clean_token(self.twitch_token, "oauth:"),
            twitch_client_id=self.twitch_client_id.strip(),
            youtube_video_id=clean_video_id(self.youtube_video_id),
            youtube_api_key=self.youtube_api_key.strip(),
            youtube_token=clean_token(self.youtube_token, "Bearer "),
            streamer_name=self.streamer_name.strip(),
        )

    def register_secrets(self) -> None:
        for name in SECRET_NAMES:
            redaction.register(getattr(self, name))

    def with_env(self, environ: Mapping[str, str] | None = None) -> ChatConfig:
        """This config with every set ``ONAIR_…`` variable of :data:`ENV_FIELDS` in place of the field."""
        env = os.environ if environ is None else environ
        changes = {name: env[var].strip() for name, var in ENV_FIELDS.items() if env.get(var, "").strip()}
        result = replace(self, **changes).cleaned() if changes else self
        result.register_secrets()
        return result

    @staticmethod
    def env_overrides(environ: Mapping[str, str] | None = None) -> list[str]:
        """The ``ONAIR_…`` variables that are set (and so win over the settings)."""
        env = os.environ if environ is None else environ
        return [var for var in ENV_FIELDS.values() if env.get(var, "").strip()]

    @property
    def twitch_can_send(self) -> bool:
        return bool(self.twitch_channel and self.twitch_token and self.twitch_login)

    @property
    def youtube_can_send(self) -> bool:
        return bool(self.youtube_video_id and self.youtube_token)

    def problems(self) -> list[str]:
        """What would stop a source from working, one plain sentence each (empty: fine)."""
        c = self.cleaned()
        found: list[str] = []
        if c.twitch_channel and not _TWITCH_NAME.fullmatch(c.twitch_channel):
            found.append(_tr("Twitch channel: use the channel's login name (letters, digits and _, "
                             "up to 25), e.g. \"mychannel\"."))
        if c.twitch_login and not _TWITCH_NAME.fullmatch(c.twitch_login):
            found.append(_tr("Twitch login: letters, digits and _ only (up to 25)."))
        if c.twitch_token and not c.twitch_login:
            found.append(_tr("Twitch: sending needs the login name of the account the OAuth token belongs to."))
        if c.twitch_token and not c.twitch_channel:
            found.append(_tr("Twitch: enter the channel to join."))
        if c.twitch_client_id and not c.twitch_token:
            found.append(_tr("Twitch viewer counts need an OAuth token as well as the client id."))
        if any(ch.isspace() for ch in c.twitch_token + c.youtube_api_key + c.youtube_token + c.twitch_client_id):
            found.append(_tr("Tokens, keys and client ids cannot contain spaces."))
        if c.youtube_video_id and not _VIDEO_ID.fullmatch(c.youtube_video_id):
            found.append(_tr("YouTube video id: 11 letters, digits, - or _ (or paste the video's link)."))
        if c.youtube_video_id and not (c.youtube_api_key or c.youtube_token):
            found.append(_tr("YouTube: add an API key (read only) or an OAuth token (read and send)."))
        if (c.youtube_api_key or c.youtube_token) and not c.youtube_video_id:
            found.append(_tr("YouTube: enter the video id of the live stream."))
        return found

    # -- storage ----------------------------------------------------------------------------------

    @classmethod
    def load(cls, settings: Settings, *, env: bool = True) -> ChatConfig:
        """Settings + keyring (+ the environment, which wins, when ``env``)."""
        stored = cls(
            twitch_channel=settings.chat_twitch_channel,
            twitch_login=settings.chat_twitch_login,
            twitch_token=secrets.get_secret(TWITCH_TOKEN_SECRET) or "",
            twitch_client_id=settings.chat_twitch_client_id,
            youtube_video_id=settings.chat_youtube_video_id,
            youtube_api_key=secrets.get_secret(YOUTUBE_API_KEY_SECRET) or "",
            youtube_token=secrets.get_secret(YOUTUBE_TOKEN_SECRET) or "",
            streamer_name=settings.chat_streamer_name_stored,
        )
        stored.register_secrets()
        return stored.with_env() if env else stored

    def save(self, settings: Settings, *, remember: bool = True) -> bool:
        """Store it (never the environment's values); False when a secret is kept in memory only."""
        c = self.cleaned()
        settings.chat_twitch_channel = c.twitch_channel
        settings.chat_twitch_login = c.twitch_login
        settings.chat_twitch_client_id = c.twitch_client_id
        settings.chat_youtube_video_id = c.youtube_video_id
        settings.streamer_name = c.streamer_name
        settings.sync()
        persisted = True
        for name, secret in SECRET_NAMES.items():
            value = getattr(c, name)
            if value:
                persisted = secrets.set_secret(secret, value, remember=remember) and persisted
            else:
                secrets.delete_secret(secret)
        return persisted


# -- sources ------------------------------------------------------------------------------------


def build_sources(config: ChatConfig, hub: ChatHub) -> list[ChatSource]:
    """The (not started) sources ``config`` describes, listening to ``hub``. A source that cannot be
    built is reported to the hub as that source's status, so the operator sees why."""
    from . import helix, twitch, youtube

    c = config.cleaned()
    c.register_secrets()
    built: list[ChatSource] = []
    if c.twitch_channel:
        try:
            built.append(twitch.TwitchChatSource(c.twitch_channel, hub, token=c.twitch_token or None,
                                                 login=c.twitch_login or None))
        except ValueError as exc:
            _report(hub, twitch.PLATFORM, exc)
        if c.twitch_client_id and c.twitch_token:
            try:
                built.append(helix.TwitchViewerPoller(c.twitch_channel, hub, client_id=c.twitch_client_id,
                                                      token=c.twitch_token))
            except ValueError as exc:
                _report(hub, helix.TwitchViewerPoller.name, exc)
    if c.youtube_video_id and (c.youtube_api_key or c.youtube_token):
        try:
            built.append(youtube.YouTubeChatSource(c.youtube_video_id, hub, api_key=c.youtube_api_key or None,
                                                   oauth_token=c.youtube_token or None))
        except ValueError as exc:
            _report(hub, "YouTube", exc)
    return built


def _report(hub: ChatHub, name: str, exc: Exception) -> None:
    log.error("Chat source %s: %s", name, redaction.redact(str(exc)))
    hub.on_status(name, "disconnected", redaction.redact(str(exc)))


def start_chat_sources(hub: ChatHub, settings: Settings) -> list[ChatSource]:
    """Start-up: the configured sources (environment first) and an ``ONAIR_CHAT_REPLAY`` replay."""
    from . import replay

    started = build_sources(ChatConfig.load(settings), hub)
    for source in started:
        hub.add_source(source)
    try:
        replayed = replay.source_from_env(hub)
    except Exception as exc:  # a bad replay file must not stop the show
        _report(hub, "replay", exc)
    else:
        if replayed is not None:
            hub.add_source(replayed)
            started.append(replayed)
    return started
