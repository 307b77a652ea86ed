"""A fake Twitch chat server: IRC over WebSocket on a real socket on 127.0.0.1.

An asyncio ``websockets`` server in a background thread (like fake_obs.py) that speaks what
irc-ws.chat.twitch.tv speaks to a client (https://dev.twitch.tv/docs/chat/irc/): text frames of
CR LF terminated IRC lines; ``CAP REQ`` → ``CAP * ACK``; ``PASS``/``NICK`` → the 001–004, 375, 372,
376 welcome in one frame, or for a bad token ``:tmi.twitch.tv NOTICE * :Login authentication failed``
and a close; ``JOIN`` → the JOIN echo, 353/366, ``ROOMSTATE`` (and ``USERSTATE`` for a logged-in
user); ``PING`` → ``PONG``; a client's ``PRIVMSG`` → ``USERSTATE`` (Twitch does not echo it).

Test controls (any thread): :meth:`send_line` to every joined client, :meth:`send_paced` (many
lines at a given rate, several per frame: benchmarks/chat_ingest.py), :meth:`drop` (abort the TCP
connections, no close frame), :meth:`reconnect_notice` (``RECONNECT``), :meth:`ping`, and
``replay_on_join`` (lines sent by send_line are sent again to a client that joins later, to check
a client's de-duplication). Everything received is in :attr:`received` as ``(monotonic time, line)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

T = TypeVar("T")
HOST = "tmi.twitch.tv"


class _Client:
    def __init__(self, ws: ServerConnection) -> None:
        self.ws = ws
        self.nick = ""
        self.password = ""
        self.joined: set[str] = set()


class FakeTwitchServer:
    def __init__(self, *, valid_tokens: tuple[str, ...] = ("goodtoken",), moderator: bool = False,
                 host: str = "127.0.0.1", port: int = 0) -> None:
        self.valid_tokens = valid_tokens
        self.moderator = moderator
        self.host = host
        self.port = port
        self.replay_on_join = False
        self.received: list[tuple[float, str]] = []
        self.history: list[str] = []
        self.connections_total = 0
        self._clients: dict[ServerConnection, _Client] = {}
        self._cond = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: Server | None = None
        self._started = threading.Event()

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    def start(self) -> FakeTwitchServer:
        self._started.clear()
        self._thread = threading.Thread(target=self._thread_main, name="FakeTwitchServer", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("FakeTwitchServer did not start")
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._astop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._thread = None

    def __enter__(self) -> FakeTwitchServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._astart())
            self._started.set()
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _astart(self) -> None:
        self._server = await serve(self._handle, self.host, self.port, compression=None, ping_interval=None,
                                   close_timeout=1, max_size=None)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _astop(self) -> None:
        server = self._server
        if server is None:
            return
        await self._adrop()
        server.close(close_connections=False)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.wait_closed(), 5)
        self._server = None

    # -- controls (any thread) ------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    def send_line(self, line: str) -> None:
        """Send one raw IRC line to every client that has joined a channel (kept in :attr:`history`)."""
        self.history.append(line)

        async def run() -> None:
            for client in list(self._clients.values()):
                if client.joined:
                    with contextlib.suppress(ConnectionClosed):
                        await client.ws.send(line + "\r\n")

        self._run(run())

    def send_paced(self, make_line: Callable[[int, int], str], rate: float, seconds: float, *, start: int = 0,
                   tick_s: float = 0.01) -> int:
        """Send ``make_line(n, now_ms)`` for n = start, start + 1 … at ``rate`` lines a second for ``seconds``
        to every joined client (benchmarks). The lines due at each ``tick_s`` go out in one frame, as Twitch
        puts several lines in a frame under load; not kept in :attr:`history`. Blocks; returns the count sent."""
        total = int(rate * seconds)

        async def run() -> int:
            loop = asyncio.get_running_loop()
            t0 = loop.time()
            sent = 0
            while sent < total:
                due = min(total, int((loop.time() - t0) * rate) + 1)
                if due > sent:
                    now_ms = int(time.time() * 1000)
                    frame = "".join(make_line(start + n, now_ms) + "\r\n" for n in range(sent, due))
                    for client in list(self._clients.values()):
                        if client.joined:
                            with contextlib.suppress(ConnectionClosed):
                                await client.ws.send(frame)
                    sent = due
                await asyncio.sleep(tick_s)
            return sent

        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(seconds * 4 + 60)

    def ping(self) -> None:
        async def run() -> None:
            for client in list(self._clients.values()):
                with contextlib.suppress(ConnectionClosed):
                    await client.ws.send(f"PING :{HOST}\r\n")

        self._run(run())

    def reconnect_notice(self) -> None:
        """Send RECONNECT, as Twitch does before a server restart (the connection stays open)."""

        async def run() -> None:
            for client in list(self._clients.values()):
                with contextlib.suppress(ConnectionClosed):
                    await client.ws.send(f":{HOST} RECONNECT\r\n")

        self._run(run())

    def drop(self) -> None:
        """Abort every TCP connection without a close frame (a network failure)."""
        self._run(self._adrop())

    async def _adrop(self) -> None:
        for ws in list(self._clients):
            if ws.transport is not None:
                ws.transport.abort()

    def connection_count(self) -> int:
        with self._cond:
            return len(self._clients)

    def lines(self, prefix: str = "") -> list[str]:
        with self._cond:
            return [line for _, line in self.received if line.startswith(prefix)]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(min(remaining, 0.05))
        return True

    # -- protocol -------------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        client = _Client(ws)
        with self._cond:
            self._clients[ws] = client
            self.connections_total += 1
            self._cond.notify_all()
        try:
            async for frame in ws:
                text = frame if isinstance(frame, str) else frame.decode("utf-8", "replace")
                for line in text.split("\r\n"):
                    if line:
                        with self._cond:
                            self.received.append((time.monotonic(), line))
                            self._cond.notify_all()
                        if not await self._on_line(client, line):
                            return
        except ConnectionClosed:
            pass
        finally:
            with self._cond:
                self._clients.pop(ws, None)
                self._cond.notify_all()

    async def _on_line(self, client: _Client, line: str) -> bool:
        ws = client.ws
        command, _, rest = line.partition(" ")
        command = command.upper()
        if command == "CAP":
            caps = rest.partition(":")[2]
            await ws.send(f":{HOST} CAP * ACK :{caps}\r\n")
        elif command == "PASS":
            client.password = rest
        elif command == "NICK":
            client.nick = rest.strip().lower()
            anonymous = client.nick.startswith("justinfan") and not client.password
            token = client.password.removeprefix("oauth:")
            if not anonymous and token not in self.valid_tokens:
                await ws.send(f":{HOST} NOTICE * :Login authentication failed\r\n")
                await ws.close()
                return False
            nick = client.nick
            welcome = [f":{HOST} 001 {nick} :Welcome, GLHF!", f":{HOST} 002 {nick} :Your host is {HOST}",
                       f":{HOST} 003 {nick} :This server is rather new", f":{HOST} 004 {nick} :-",
                       f":{HOST} 375 {nick} :-", f":{HOST} 372 {nick} :You are in a maze of twisty passages.",
                       f":{HOST} 376 {nick} :>"]
            if not anonymous:
                welcome.append(f"@badge-info=;badges=;color=#0000FF;display-name={nick};emote-sets=0;"
                               f"user-id=1234;user-type= :{HOST} GLOBALUSERSTATE")
            await ws.send("\r\n".join(welcome) + "\r\n")
        elif command == "JOIN":
            channel = rest.strip().lstrip("#")
            client.joined.add(channel)
            nick = client.nick
            lines = [f":{nick}!{nick}@{nick}.{HOST} JOIN #{channel}",
                     f":{nick}.{HOST} 353 {nick} = #{channel} :{nick}",
                     f":{nick}.{HOST} 366 {nick} #{channel} :End of /NAMES list",
                     f"@emote-only=0;followers-only=-1;r9k=0;room-id=12345678;slow=0;subs-only=0 "
                     f":{HOST} ROOMSTATE #{channel}"]
            if client.password:
                lines.append(self._userstate(nick, channel))
            await ws.send("\r\n".join(lines) + "\r\n")
            if self.replay_on_join:
                for old in list(self.history):
                    await ws.send(old + "\r\n")
        elif command == "PING":
            await ws.send(f":{HOST} PONG {HOST} :{rest.lstrip(':')}\r\n")
        elif command == "PRIVMSG":
            channel = rest.partition(" ")[0].lstrip("#")
            nick = client.nick
            await ws.send(self._userstate(nick, channel) + "\r\n")
        return True

    def _userstate(self, nick: str, channel: str) -> str:
        badges = "moderator/1" if self.moderator else ""
        return (f"@badge-info=;badges={badges};color=#0000FF;display-name={nick};emote-sets=0;"
                f"mod={int(self.moderator)};subscriber=0;user-type={'mod' if self.moderator else ''} "
                f":{HOST} USERSTATE #{channel}")
