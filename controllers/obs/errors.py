"""Errors raised by the OBS client; each carries a message an operator can act on."""

from __future__ import annotations


class ObsError(Exception):
    """Base class for every OBS client error."""


class ObsConnectError(ObsError):
    """OBS could not be reached (refused, unreachable host, handshake timeout)."""


class ObsClosedError(ObsError):
    """OBS closed the WebSocket; ``code`` is the close code (4009 wrong password, 4011 kicked)."""

    def __init__(self, code: int | None, reason: str = "") -> None:
        self.code = code
        self.reason = reason
        super().__init__(describe_close(code, reason))


class ObsAuthError(ObsClosedError):
    """OBS rejected the password (close code 4009)."""


class ObsKickedError(ObsClosedError):
    """OBS ended this session on purpose (close code 4011, e.g. kicked from OBS's session list)."""


class ObsNotConnectedError(ObsError):
    """A request was made while OnAir is not connected to OBS."""

    def __init__(self) -> None:
        super().__init__("Not connected to OBS")


class ObsTimeoutError(ObsError):
    """OBS did not answer a request in time."""


class ObsRequestError(ObsError):
    """OBS answered a request with a failure status; ``comment`` is OBS's own reason."""

    def __init__(self, request_type: str, code: int, comment: str | None) -> None:
        self.request_type = request_type
        self.code = code
        self.comment = comment or ""
        text = f"{request_type} failed: {comment}" if comment else f"{request_type} failed (code {code})"
        super().__init__(text)


CLOSE_AUTH_FAILED = 4009
CLOSE_SESSION_INVALIDATED = 4011
CLOSE_UNSUPPORTED_RPC = 4010

_CLOSE_TEXT = {
    1000: "OBS closed the connection",
    1001: "OBS is shutting down",
    1006: "connection to OBS lost",
    4002: "OBS could not decode a message",
    4007: "OBS says the session is not identified",
    4008: "OBS says the session is already identified",
    CLOSE_AUTH_FAILED: "wrong password",
    CLOSE_UNSUPPORTED_RPC: "OBS speaks an unsupported obs-websocket protocol version",
    CLOSE_SESSION_INVALIDATED: "OBS ended this session (kicked)",
}


def describe_close(code: int | None, reason: str = "") -> str:
    """A short human description of a WebSocket close code."""
    text = _CLOSE_TEXT.get(code or 0, f"connection closed (code {code})" if code else "connection lost")
    return f"{text}: {reason}" if reason and code not in (CLOSE_AUTH_FAILED,) else text


def closed_error(code: int | None, reason: str = "") -> ObsClosedError:
    """The most specific error class for a close code."""
    if code == CLOSE_AUTH_FAILED:
        return ObsAuthError(code, reason)
    if code == CLOSE_SESSION_INVALIDATED:
        return ObsKickedError(code, reason)
    return ObsClosedError(code, reason)
