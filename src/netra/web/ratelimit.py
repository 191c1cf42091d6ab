"""A sliding-window rate limiter per client address, in process memory.

Used for the public report form, where one abusive client must not drown the intake. Per process: with several
workers each counts on its own, so the effective limit is the setting times the number of workers.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class RateLimiter:
    def __init__(self, limit: int, window_seconds: float, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window_seconds, clock
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> float | None:
        """Record a hit; None when allowed, else seconds until the next hit would be allowed."""
        now = self.clock()
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return hits[0] + self.window - now
            hits.append(now)
            if len(self._hits) > 100_000:  # forget idle clients so memory stays bounded
                for k in [k for k, v in self._hits.items() if not v]:
                    del self._hits[k]
            return None


def parse_rate(value: str) -> tuple[int, float]:
    """'20/3600' → (20, 3600.0): at most 20 requests per 3600 seconds."""
    count, _, seconds = value.partition("/")
    return int(count), float(seconds or 3600)
