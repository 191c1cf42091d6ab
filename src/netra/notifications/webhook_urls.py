"""Which webhook URLs Netra will post to: http(s) only, and not the server itself, loopback, link-local or private
addresses (a webhook must not become a way to reach the inside of the network: SSRF), unless an operator allows
private targets. Checked at registration and again before each POST, since a name may resolve elsewhere later."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit


class UnsafeUrl(ValueError):
    """The message is Indonesian, for the administrator who typed the URL."""


def _addresses(host: str) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, None)]


def _internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_link_local or ip.is_private or ip.is_reserved or ip.is_unspecified
            or ip.is_multicast)


def _origin(parts) -> tuple[str, int]:
    return (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def checked_url(url: str, own_urls: Iterable[str] = (), allow_private: bool = False,
                resolve: Callable[[str], list[str]] = _addresses) -> str:
    """The URL, trimmed; UnsafeUrl when Netra must not post to it. `own_urls`: where Netra itself answers (its
    public address): refused even when private targets are allowed."""
    value = (url or "").strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise UnsafeUrl(f"URL \"{value[:80]}\" tidak valid.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl(f"URL \"{value[:80]}\" ditolak: hanya alamat http:// atau https:// yang diterima.")
    if parts.username or parts.password:
        raise UnsafeUrl("URL ditolak: jangan sertakan nama pengguna atau kata sandi di dalam URL.")
    host = parts.hostname.lower()
    if _origin(parts) in {_origin(urlsplit(own)) for own in own_urls if own}:
        raise UnsafeUrl(f"URL ditolak: {parts.netloc} adalah server Netra sendiri.")
    try:
        addresses = resolve(host)
    except OSError:
        raise UnsafeUrl(f"URL ditolak: nama {host} tidak dapat ditemukan.") from None
    if not allow_private and any(_internal(a) for a in addresses):
        raise UnsafeUrl(f"URL ditolak: {host} mengarah ke alamat loopback, link-local atau jaringan privat.")
    return value


def masked(url: str) -> str:
    """The URL as lists and the audit trail show it: scheme and host only. A gateway's path or query often carries
    its token (a chat bot's URL, say), and who reads a list or the audit trail need not hold it."""
    parts = urlsplit(url)
    rest = url[len(f"{parts.scheme}://{parts.netloc}"):]
    return f"{parts.scheme}://{parts.netloc}" + ("/…" if rest.strip("/") else rest)
