"""A real SMTP server on loopback (aiosmtpd) that keeps what arrives, parsed."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    messages: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def snapshot(self) -> list:
        with self.lock:
            return list(self.messages)


class SmtpServer:
    def __init__(self, port: int | None = None, **controller_options):
        self.inbox = Inbox()
        self.port = port or free_port()
        self.options = controller_options
        self.controller = None

    def start(self) -> "SmtpServer":
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **self.options)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def body(message, subtype: str) -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()
