"""Rate limits and sign-in lockout, counted in the database so they hold across workers and servers.

Each limit counts hits per key in fixed windows and estimates the sliding window from the current and the previous
one (the previous weighted by how much of it still lies inside the sliding window). Counting is one atomic upsert
that returns the new count: the hit is counted and checked in one step, so simultaneous requests cannot all pass
a check before any of them is counted (issue 14, finding 7). A refused hit is taken back, so hammering a locked
key does not keep it locked.
"""

from __future__ import annotations

import hashlib
import random
import time
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from netra.storage.database import Database
from netra.storage.tables import RateCounterRow


@dataclass(frozen=True)
class Limit:
    bucket: str  # what is limited: "report", "screen", "login-user", "login-ip", ...
    count: int  # at most this many hits ...
    seconds: int  # ... in any window of this length

    @classmethod
    def parse(cls, bucket: str, value: str) -> "Limit":
        """'20/3600' → at most 20 hits per 3600 seconds; '5' → 5 per hour."""
        count, _, seconds = value.partition("/")
        return cls(bucket, int(count), int(float(seconds or 3600)))


def _key(limit: Limit, key: str) -> str:
    # Hashed: keys are addresses, usernames as typed (a mistyped password, sometimes) or account names.
    return hashlib.sha256(f"{limit.bucket}\x00{key}".encode()).hexdigest()


def _upsert(session, bucket: str, key: str, slot: int) -> int:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(RateCounterRow).values(bucket=bucket, key=key, slot=slot, n=1)
    statement = statement.on_conflict_do_update(
        index_elements=[RateCounterRow.bucket, RateCounterRow.key, RateCounterRow.slot],
        set_={"n": RateCounterRow.n + 1},
    ).returning(RateCounterRow.n)
    return session.execute(statement).scalar_one()


def take(db: Database, limit: Limit, key: str, now: float | None = None) -> float | None:
    """Count one hit for `key`. None when it is within the limit; otherwise the hit is not counted and the answer
    is the number of seconds until a hit would be allowed."""
    now = time.time() if now is None else now
    slot, into = divmod(now, limit.seconds)
    slot, hashed = int(slot), _key(limit, key)
    with db.transaction() as session:
        current = _upsert(session, limit.bucket, hashed, slot)
        previous = session.scalar(select(RateCounterRow.n).where(
            RateCounterRow.bucket == limit.bucket, RateCounterRow.key == hashed, RateCounterRow.slot == slot - 1)) or 0
        weight = 1 - into / limit.seconds
        if previous * weight + current <= limit.count:
            if current == 1:  # a new window for this key: forget the ones nothing reads any more
                _forget(session, limit, hashed, slot)
            return None
        session.execute(update(RateCounterRow).where(
            RateCounterRow.bucket == limit.bucket, RateCounterRow.key == hashed, RateCounterRow.slot == slot)
            .values(n=RateCounterRow.n - 1))
    return _wait(limit, previous, current - 1, into)


def _wait(limit: Limit, previous: int, current: int, into: float) -> float:
    """Seconds until previous·(1 − t/W) + current + 1 ≤ count, t counted from the start of the current window."""
    w, room = limit.seconds, limit.count - 1
    if current <= room and previous:
        at = w * (1 - (room - current) / previous)
    else:  # the current window alone is full: wait into the next one, where it counts as the previous
        at = w + (w * (1 - room / current) if current else 0)
    return max(1.0, at - into)


def _forget(session, limit: Limit, hashed: str, slot: int) -> None:
    session.execute(delete(RateCounterRow).where(
        RateCounterRow.bucket == limit.bucket, RateCounterRow.key == hashed, RateCounterRow.slot < slot - 1))
    if random.random() < 0.01:  # now and then, the windows of keys that never came back
        session.execute(delete(RateCounterRow).where(
            RateCounterRow.bucket == limit.bucket, RateCounterRow.slot < slot - 1))


def give_back(db: Database, limit: Limit, key: str, now: float | None = None) -> None:
    """Un-count one hit taken in the current window (a sign-in that succeeded does not count against its
    address)."""
    now = time.time() if now is None else now
    with db.transaction() as session:
        session.execute(update(RateCounterRow).where(
            RateCounterRow.bucket == limit.bucket, RateCounterRow.key == _key(limit, key),
            RateCounterRow.slot == int(now // limit.seconds), RateCounterRow.n > 0).values(n=RateCounterRow.n - 1))


def reset(db: Database, limit: Limit, key: str) -> None:
    """Forget every hit of `key` (a successful sign-in clears the username's failures)."""
    with db.transaction() as session:
        session.execute(delete(RateCounterRow).where(RateCounterRow.bucket == limit.bucket,
                                                     RateCounterRow.key == _key(limit, key)))
