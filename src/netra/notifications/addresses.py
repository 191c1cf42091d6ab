"""Email addresses Netra accepts: refused at entry with a message a person can act on, never at send time."""

from __future__ import annotations

import re

# Deliberately plain: one @, a dotted domain of letters, digits and hyphens, no spaces or quotes. Exotic but valid
# forms (quoted local parts, IP literals) are refused: nobody reporting to Bawaslu needs them.
_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


class InvalidAddress(ValueError):
    """The message is Indonesian and meant for the person who typed the address."""


def checked_email(text: str) -> str:
    """The address, trimmed, with its domain in lower case; InvalidAddress when it cannot be an address."""
    value = (text or "").strip()
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    if (not at or len(value) > 254 or not _LOCAL.match(local) or local.startswith(".") or local.endswith(".")
            or ".." in local or len(labels) < 2 or not all(_LABEL.match(part) for part in labels)
            or labels[-1].isdigit()):
        raise InvalidAddress(f"Alamat email \"{value[:80]}\" tidak valid. Tulis seperti nama@contoh.go.id.")
    return f"{local}@{domain.lower()}"
