"""An internal user and the regions they may act on."""

from __future__ import annotations

from dataclasses import dataclass, field

from netra.accounts.roles import Role
from netra.regions.model import covers


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    full_name: str
    role: Role
    scope: tuple[str, ...] = field(default_factory=tuple)  # region codes; a province covers its children
    active: bool = True
    token_id: int | None = None  # set when a machine client signs in with an API token instead of a person

    @property
    def actor(self) -> str:
        """Who the audit trail names for what this account does."""
        return f"token:{self.token_id}" if self.token_id is not None else f"user:{self.id}"

    def may_see(self, region_code: str) -> bool:
        return any(covers(s, region_code) for s in self.scope)
