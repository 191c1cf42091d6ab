"""The elections a report or case can belong to, as (id, name) pairs, from the election calendars."""

from __future__ import annotations

from functools import cache


@cache
def election_choices() -> dict[str, str]:
    from netra.elections import load_elections

    return {e.id: e.name.id for e in load_elections()}
