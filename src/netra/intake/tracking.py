"""Tracking codes and secrets for reporters.

The code is short and readable over the phone (Crockford base32, no I/L/O/U); the secret is derived from the
form's one-time submission token, so a double submission of the same form shows the same receipt again instead
of storing a duplicate. Only hashes of the secret and of the token are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_tracking_code() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"NTR-{chars[:4]}-{chars[4:]}"


def normalise_code(code: str) -> str:
    """The canonical form of a typed code, or "" when it cannot be one (so nothing else reaches a query)."""
    raw = (code or "")[:40].upper().replace("-", "").replace(" ", "")
    raw = raw.removeprefix("NTR").translate(str.maketrans("ILOU", "110V"))
    return f"NTR-{raw[:4]}-{raw[4:8]}" if len(raw) == 8 and all(c in _ALPHABET for c in raw) else ""


_TOKEN = re.compile(r"[\x21-\x7e]{16,64}")  # visible ASCII: no control characters, no spaces


def new_submission_token() -> str:
    return secrets.token_urlsafe(24)


def valid_submission_token(token: str) -> bool:
    """The shape new_submission_token makes (with room): anything else is refused before it reaches storage."""
    return bool(_TOKEN.fullmatch(token or ""))


def token_digest(submission_token: str) -> str:
    """What is stored of a submission token. The token derives the reporter's secret, so a copy of the database
    must not hold it (issue 14, finding 12)."""
    return hashlib.sha256(b"submission-token:" + submission_token.encode()).hexdigest()


def reporter_secret(server_key: str, submission_token: str) -> str:
    return hmac.new(server_key.encode(), b"report-secret:" + submission_token.encode(), hashlib.sha256).hexdigest()[:20]


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(secret_hash(secret.strip().lower()), stored_hash)
