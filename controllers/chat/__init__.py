"""Live chat sources (Twitch, YouTube, replay) behind one neutral model; see model.py."""

from .model import (
    ChatListener,
    ChatMessage,
    ChatNotice,
    ChatRemoval,
    Emote,
    NullChatListener,
)

__all__ = ["ChatListener", "ChatMessage", "ChatNotice", "ChatRemoval", "Emote", "NullChatListener"]
