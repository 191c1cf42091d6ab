"""Neutrality screening: does a text show a civil servant (or village official) acting for a candidate?

Public API (the contract is in README.md in this folder)::

    from netra.screening import screen, screen_many, Screener, CandidateRegistry

    result = screen({"id": "1", "text": "Sbg guru PNS, coblos no 2 ✌️"})
    result.violation, result.family, result.rules, result.evidence, result.to_dict()

``screen``/``screen_many`` use the packaged screener (shipped rulebook, demo candidate registry, shipped
model); build a ``Screener(registry=CandidateRegistry.from_csv(path), model=path)`` for other data.
Files: ``netra.screening.runner.run`` (JSON Lines/CSV/Parquet in, JSON Lines out, per-line errors), locally or
on dask (``engine="dask"``). Pure domain code: no web or database imports.
"""

from netra.screening.candidates import Candidate, CandidateRegistry, CandidateRegistryError
from netra.screening.engine import Screener, default_screener, screen, screen_many
from netra.screening.items import Actor, Author, CandidateRef, Item, ItemError, Result, Span
from netra.screening.model import LinearModel
from netra.screening.runner import InputError, LineError, Summary, run

__all__ = [
    "Actor",
    "Author",
    "Candidate",
    "CandidateRef",
    "CandidateRegistry",
    "CandidateRegistryError",
    "InputError",
    "Item",
    "ItemError",
    "LineError",
    "LinearModel",
    "Result",
    "Screener",
    "Span",
    "Summary",
    "default_screener",
    "run",
    "screen",
    "screen_many",
]
