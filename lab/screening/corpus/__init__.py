"""Netra's own labelled development corpus for the neutrality screener (see README.md in this folder)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

DEV_CORPUS = Path(__file__).with_name("dev_corpus.jsonl")
FAMILIES = ("social_media", "campaign", "state_resources", "official_action", "campaign_props", "party",
            "candidacy", "ktp_support", "partisan_event")


def load_dev_corpus(path: str | Path = DEV_CORPUS) -> Iterator[dict]:
    """Yield the corpus records (one dict per line of ``dev_corpus.jsonl``)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
