"""Print a chunk's texts with their position and id, for a person to read and label.

Usage: ``python3 tests/data/screening/stance/show.py CHUNK [START N]`` (e.g. ``blind-1 0 50``; CHUNK
``relabel`` shows the 450 earlier items without their old labels).
Positions count from 0 within the chunk, in manifest order; labels are appended in that order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from real_texts import _texts_by_id, sha1_text  # noqa: E402
from sample_real import default_shared_dir  # noqa: E402

MANIFEST = HERE / "sample.jsonl"


OLD = HERE.parent / "real_labelled.jsonl"


def chunk_items(chunk: str) -> list[dict]:
    """The items of a manifest chunk, or of the 450 earlier labels (chunk ``relabel``), in order."""
    if chunk == "relabel":
        with open(OLD, encoding="utf-8") as fh:
            return [{"source_file": d["source_file"], "id": str(d["id"]), "sha1": d["sha1"]}
                    for d in map(json.loads, fh)]
    with open(MANIFEST, encoding="utf-8") as fh:
        return [d for d in map(json.loads, fh) if d["chunk"] == chunk]


def texts_for(items: list[dict], shared_dir: Path) -> list[str]:
    cache: dict[str, dict[str, str]] = {}
    out = []
    for it in items:
        src = it["source_file"]
        if src not in cache:
            cache[src] = _texts_by_id(shared_dir, src)
        text = cache[src][it["id"]]
        if sha1_text(text) != it["sha1"]:
            raise SystemExit(f"{src} {it['id']}: text changed since sampling")
        out.append(text)
    return out


def main() -> None:
    if len(sys.argv) not in (2, 4):
        raise SystemExit(__doc__)
    chunk = sys.argv[1]
    items = chunk_items(chunk)
    start, n = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) == 4 else (0, len(items))
    part = items[start:start + n]
    for k, (it, text) in enumerate(zip(part, texts_for(part, default_shared_dir())), start=start):
        src = {"pilpres2024_tweets.jsonl": "TW", "pilpres2024_headlines.jsonl": "HL"}.get(it["source_file"], "HS")
        flat = " ".join(text.replace("\\n", " ").split())
        print(f"[{k}] {src} {it['id']}\n    {flat}")


if __name__ == "__main__":
    main()
