"""Who hears what about a case, and which addresses Netra will write to (issue 15). Domain: no storage, no web."""

from netra.notifications.audience import awaiting_roles, moved
from netra.notifications.addresses import InvalidAddress, checked_email

__all__ = ["InvalidAddress", "awaiting_roles", "checked_email", "moved"]
