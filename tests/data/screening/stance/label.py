"""Append a person's labels for a chunk, written in a short form, as full JSON lines.

The labeller reads the texts (``show.py``) and decides every field; this script only expands the short
form, copies ``source_file``/``id``/``sha1`` from the manifest and derives the two fields the guide defines
from others (``violation`` = stance is support/against and genre is not headline; ``family``).

Short form, one line per item, read from stdin (``#`` lines are skipped)::

    POS|STANCE|TARGET|CUES|GENRE|AMBIGUOUS|NOTE
    12|s|02|pj,tk|op|0|praise and campaign tag

STANCE s/a/n; TARGET text or ``-``; CUES comma list of am pj sr ej tk sl nu sj jp or ``-``; GENRE hl nr q rt
qt re jk ch sp cv op; AMBIGUOUS 0/1.  POS must continue the chunk's labels in order.

Usage: ``python3 label.py CHUNK < batch.txt`` (appends to ``blind.jsonl``, ``dev-NN.jsonl``, or for CHUNK
``relabel`` to ``relabel_450.jsonl``).  A second labeller writes ``python3 label.py --second CHUNK < batch.txt``:
one file per chunk, ``second/CHUNK.jsonl``, so the first labeller's files are never read or touched.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "sample.jsonl"
sys.path.insert(0, str(HERE))
from show import chunk_items  # noqa: E402
STANCE = {"s": "support", "a": "against", "n": "none"}
CUES = {"am": "ajakan_memilih", "pj": "pujian", "sr": "serangan", "ej": "ejekan", "tk": "tagar_kampanye",
        "sl": "slogan", "nu": "nomor_urut", "sj": "simbol_jari", "jp": "janji_program"}
GENRES = {"hl": "headline", "nr": "news_report", "q": "question", "rt": "retweet", "qt": "quote", "re": "reply",
          "jk": "joke", "ch": "chatter", "sp": "spam", "cv": "civic", "op": "own_opinion"}


def label_file(chunk: str, second: bool = False) -> Path:
    if second:
        return HERE / "second" / f"{chunk}.jsonl"
    if chunk == "relabel":
        return HERE / "relabel_450.jsonl"
    return HERE / ("blind.jsonl" if chunk.startswith("blind-") else f"{chunk}.jsonl")


def expand(line: str, item: dict) -> dict:
    pos, st, target, cues, genre, amb, note = (p.strip() for p in line.split("|", 6))
    stance = STANCE[st]
    genre = GENRES[genre]
    cue_list = [] if cues == "-" else [CUES[c] for c in cues.split(",")]
    target = None if target == "-" else target
    if stance == "none":
        assert target is None and not cue_list, f"{pos}: stance none takes no target or cues"
    else:
        assert target and cue_list, f"{pos}: a stance needs a target and cues"
    assert amb in ("0", "1") and note and len(note) <= 120, f"{pos}: ambiguous 0/1 and a short note"
    violation = stance != "none" and genre != "headline"
    return {"source_file": item["source_file"], "id": item["id"], "sha1": item["sha1"],
            "violation": violation, "stance": stance, "target": target, "cues": cue_list, "genre": genre,
            "family": "social_media" if violation else None, "ambiguous": amb == "1", "note": note}


def main() -> None:
    second = "--second" in sys.argv[1:]
    chunk = [a for a in sys.argv[1:] if a != "--second"][0]
    with open(MANIFEST, encoding="utf-8") as fh:
        manifest = [d for d in map(json.loads, fh)]
    items = chunk_items(chunk)
    path = label_file(chunk, second)
    path.parent.mkdir(exist_ok=True)
    done = []
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            done = [json.loads(x) for x in fh if x.strip()]
    # the chunk's position = labels already written for this chunk
    done_ids = {(d["source_file"], d["id"]) for d in done}
    next_pos = sum((it["source_file"], it["id"]) in done_ids for it in items)
    if chunk.startswith("blind-") and not second:  # blind chunks share one file and go in order
        order = [d for d in manifest if d["split"] == "blind"]
        assert [(d["source_file"], d["id"]) for d in done] == [(d["source_file"], d["id"]) for d in order[:len(done)]]
        assert all((it["source_file"], it["id"]) in done_ids for it in order[:order.index(items[0])]), "earlier blind chunk unfinished"
    lines = [x for x in sys.stdin.read().splitlines() if x.strip() and not x.startswith("#")]
    out = []
    for line in lines:
        pos = int(line.split("|", 1)[0])
        assert pos == next_pos, f"expected position {next_pos}, got {pos}"
        out.append(expand(line, items[pos]))
        next_pos += 1
    with open(path, "a", encoding="utf-8") as fh:
        for d in out:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{chunk}: {next_pos}/{len(items)} labelled -> {path.name}")


if __name__ == "__main__":
    main()
