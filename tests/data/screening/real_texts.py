"""Join the hand labels in ``real_labelled.jsonl`` with the real texts in the shared data directory.

The repository stores only ids, a SHA-1 of the exact text and the labels; the texts themselves stay in
``../shared/data`` (they are not ours to copy, and one source is CC BY-NC-SA).  ``load_real_labelled`` reads
them back, checks every SHA-1 and yields one dict per labelled text.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

LABELS = Path(__file__).with_name("real_labelled.jsonl")

# source file -> (reader kind, field that holds the text)
SOURCES = {
    "pilpres2024_tweets.jsonl": ("jsonl", "text"),
    "pilpres2024_headlines.jsonl": ("jsonl", "title"),
    "id_hatespeech_abusive_tweets.csv": ("csv", "Tweet"),
}


class RealDataMismatch(ValueError):
    """A labelled id is missing from the shared data, or its text no longer has the recorded SHA-1."""


def sha1_text(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_labels(path: Path = LABELS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _texts_by_id(shared_dir: Path, source_file: str) -> dict[str, str]:
    kind, field = SOURCES[source_file]
    path = shared_dir / source_file
    if not path.is_file():
        raise FileNotFoundError(f"shared data file not found: {path}")
    if kind == "jsonl":
        with open(path, encoding="utf-8") as fh:
            rows = (json.loads(line) for line in fh if line.strip())
            return {str(r["id"]): r[field] for r in rows}
    # CSV: the id is the 0-based row number after the header; the file is not valid UTF-8 everywhere.
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        return {str(i): row[field] for i, row in enumerate(csv.DictReader(fh))}


def load_real_labelled(shared_dir: str | Path, labels_path: str | Path = LABELS) -> Iterator[dict]:
    """Yield {id, text, source, violation, family, candidate_support, ambiguous, note, ...} per label.

    ``shared_dir`` is the directory holding the shared data files (e.g. ``/work/shared/data``).
    Raises ``RealDataMismatch`` when an id is missing or a text's SHA-1 differs from the recorded one.
    """
    shared_dir = Path(shared_dir)
    labels = read_labels(Path(labels_path))
    cache: dict[str, dict[str, str]] = {}
    for label in labels:
        source = label["source_file"]
        if source not in SOURCES:
            raise RealDataMismatch(f"unknown source file {source!r} in {labels_path}")
        if source not in cache:
            cache[source] = _texts_by_id(shared_dir, source)
        text = cache[source].get(str(label["id"]))
        if text is None:
            raise RealDataMismatch(f"{source}: id {label['id']!r} not found in {shared_dir / source}")
        digest = sha1_text(text)
        if digest != label["sha1"]:
            raise RealDataMismatch(
                f"{source}: id {label['id']!r} text SHA-1 is {digest}, label file says {label['sha1']}; "
                "the shared data changed or the label points at the wrong row"
            )
        item = {k: v for k, v in label.items() if k not in ("source_file", "sha1")}
        item.update({"id": str(label["id"]), "text": text, "source": source})
        yield item
