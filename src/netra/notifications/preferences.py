"""What an account may choose: per event kind, hear of it now, in the daily digest, or never. Legal-clock warnings
cannot be switched off (a deadline nobody hears of is the failure issue 15 exists to prevent): only moved to the
digest."""

from __future__ import annotations

from enum import StrEnum


class Delivery(StrEnum):
    NOW = "now"  # in the app and by email at once
    DIGEST = "digest"  # in the app at once, by email in the next daily digest
    NEVER = "never"


# The kinds an officer can choose for, in the order the settings page lists them.
QUEUE, ASSIGNED, CLOCK = "case_queue", "case_assigned", "clock_warning"
KINDS = (QUEUE, ASSIGNED, CLOCK)
MANDATORY = frozenset({CLOCK})


class PreferenceRefused(ValueError):
    """The message is Indonesian, for the person who chose."""


def checked(kind: str, delivery: str) -> Delivery:
    if kind not in KINDS:
        raise PreferenceRefused(f"Jenis pemberitahuan \"{kind[:40]}\" tidak dikenal.")
    try:
        choice = Delivery(delivery)
    except ValueError:
        raise PreferenceRefused(f"Pilihan \"{delivery[:20]}\" tidak dikenal: pilih segera, ringkasan harian, "
                                "atau tidak pernah.") from None
    if choice is Delivery.NEVER and kind in MANDATORY:
        raise PreferenceRefused("Peringatan tenggat hukum tidak dapat dimatikan; Anda hanya dapat memindahkannya "
                                "ke ringkasan harian.")
    return choice
