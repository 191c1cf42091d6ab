"""Screening for /api/screen, off the request loop and with bounded concurrency (issue 14, finding 1).

Screening is CPU work. Run in the server's thread pool it held the GIL and the pool's threads, so 45 concurrent
requests made /health take 37 s. Here it runs in a small pool of worker processes (NETRA_SCREEN_PROCESSES, per
server worker); requests wait for a process in a bounded line, and beyond that line get 503 at once, so the
report form, sign-in and /health keep answering whatever /api/screen is asked.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from netra.services.screening_api import screen_records, warm_up


class Busy(Exception):
    """Every screening process is busy and the line is full."""


class ScreeningPool:
    def __init__(self, processes: int, database_url: str, waiting: int | None = None):
        self.processes = max(0, processes)
        self.database_url = database_url  # each process reads the reference data in force from it
        self.capacity = max(1, self.processes) * 2 + (2 if waiting is None else waiting)  # running + waiting
        self._executor: Executor | None = None
        self._in_flight = 0  # touched only on the event loop: no lock needed

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.processes == 0:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screening")
            else:
                # spawn, not fork: the server has threads, and a forked copy of a locked lock never unlocks.
                self._executor = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=warm_up, initargs=(self.database_url,))
        return self._executor

    async def screen(self, records: list) -> list[dict]:
        if self._in_flight >= self.capacity:
            raise Busy()
        self._in_flight += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool(), screen_records, records,
                                                                    self.database_url)
        finally:
            self._in_flight -= 1

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
