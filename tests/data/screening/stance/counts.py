"""Print the count tables of the stance set (pasted into README.md; the test checks they still match).

Usage: ``python3 tests/data/screening/stance/counts.py``
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = ["pilpres2024_tweets.jsonl", "pilpres2024_headlines.jsonl", "id_hatespeech_abusive_tweets.csv"]


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def label_files() -> list[Path]:
    """The split's label files in order: blind first, then dev chunks."""
    return [p for p in [HERE / "blind.jsonl", *sorted(HERE.glob("dev-*.jsonl"))] if p.exists()]


def tables() -> str:
    manifest = _read(HERE / "sample.jsonl")
    split_of = {(m["source_file"], m["id"]): m["split"] for m in manifest}
    labels = [d for p in label_files() for d in _read(p)]
    rows = ["| split | source | sampled | labelled | violation | support | against | none | ambiguous |",
            "|---|---|---|---|---|---|---|---|---|"]
    for split in ("blind", "dev"):
        for src in SOURCES + ["all"]:
            items = [m for m in manifest if m["split"] == split and src in ("all", m["source_file"])]
            done = [d for d in labels if split_of[(d["source_file"], d["id"])] == split
                    and src in ("all", d["source_file"])]
            stance = Counter(d["stance"] for d in done)
            rows.append(f"| {split} | {src} | {len(items)} | {len(done)} | {sum(d['violation'] for d in done)} | "
                        f"{stance['support']} | {stance['against']} | {stance['none']} | "
                        f"{sum(d['ambiguous'] for d in done)} |")
    chunks = Counter(m["chunk"] for m in manifest)
    done_ids = {(d["source_file"], d["id"]) for d in labels}
    finished = [c for c in chunks if all((m["source_file"], m["id"]) in done_ids
                                         for m in manifest if m["chunk"] == c)]
    rows.append("")
    rows.append(f"Chunks labelled: {', '.join(sorted(finished))} ({len(finished)} of {len(chunks)}).")
    targets = Counter(d["target"] for d in labels if d["violation"])
    rows.append("Violations by target: " + ", ".join(f"{t} {n}" for t, n in targets.most_common()) + ".")
    return "\n".join(rows)


if __name__ == "__main__":
    print(tables())
