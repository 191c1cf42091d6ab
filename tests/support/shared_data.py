"""Where the shared real texts are (``../shared/data`` next to the repository, or ``/work/shared/data``).

Tests that read them call ``shared_data()``: it returns the folder, or skips the test when it is absent, except
under ``CI=true`` where the folder must be there and the test FAILS (real-text tests are not optional in CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def find_shared(name: str = "data", marker: str = "pilpres2024_tweets.jsonl") -> Path | None:
    for cand in (REPO.parent / "shared" / name, Path("/work/shared") / name):
        if (cand / marker).exists():
            return cand
    return None


def shared_data() -> Path:
    found = find_shared()
    if found is None:
        message = "the shared real texts (../shared/data/pilpres2024_tweets.jsonl) are missing"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: real-text tests must run)")
        pytest.skip(message)
    return found


def shared_seeds() -> Path:
    found = find_shared("seeds", "README.md")
    if found is None or not list(found.glob("0*.txt")):
        message = "the shared seed articles (../shared/seeds) are missing"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: real-text tests must run)")
        pytest.skip(message)
    return found
