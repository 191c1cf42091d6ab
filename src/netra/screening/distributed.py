"""Screening on a dask.distributed cluster: the same ``screen_batch`` as the local engine, on workers.

The client reads and splits the input (JSON Lines, CSV or Parquet files/row groups) into batches of raw records,
so workers need no access to the input; each worker builds its screener once from ``screener_config`` (model
and registry paths, threshold) and keeps it for later batches. Results come back and are written in input order
(at most ``2 × workers`` batches in flight), so the output is identical to the single-process run.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

_CONFIG_KEYS = ("model", "candidates", "threshold")


def screener_from_config(config: dict) -> Any:
    """Build (once per process) a screener from plain, picklable settings."""
    clean = {k: (str(v) if k != "threshold" and v is not None else v) for k, v in (config or {}).items()
             if k in _CONFIG_KEYS}
    return _cached(json.dumps(clean, sort_keys=True))


@lru_cache(maxsize=4)
def _cached(key: str):
    from netra.screening.candidates import CandidateRegistry
    from netra.screening.engine import Screener, default_screener

    cfg = json.loads(key)
    if not any(cfg.get(k) is not None for k in _CONFIG_KEYS):
        return default_screener()
    registry = CandidateRegistry.from_csv(cfg["candidates"]) if cfg.get("candidates") else None
    kwargs: dict[str, Any] = {"registry": registry, "model": cfg.get("model")}
    if cfg.get("threshold") is not None:
        kwargs["threshold"] = float(cfg["threshold"])
    return Screener(**kwargs)


def screen_remote(batch: list, config: dict) -> list:
    """Runs on a worker."""
    from netra.screening.runner import screen_batch

    return screen_batch(batch, screener_from_config(config))


class SchedulerError(ValueError):
    """The dask scheduler cannot be reached."""


def dask_results(batches: Iterable[list], scheduler: Any, config: dict) -> Iterator[list]:
    """Submit batches to the cluster and yield their rows in input order.

    ``scheduler`` is an address (``tcp://host:8786``) or an existing ``distributed.Client``.
    """
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask[distributed] is a dependency
        raise SchedulerError("the dask engine needs dask[distributed] (pip install 'dask[distributed]')") from None
    own = False
    if isinstance(scheduler, Client):
        client = scheduler
    else:
        if not scheduler:
            raise SchedulerError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        try:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"cannot connect to the dask scheduler at {scheduler}: {exc}") from None
        own = True
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * workers
        pending: deque = deque()
        for batch in batches:
            pending.append(client.submit(screen_remote, batch, config, pure=False))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if own:
            client.close()
