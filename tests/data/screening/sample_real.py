"""Reproducible sample of real texts for hand labelling (screener measurement set).

The sample is drawn from the read-only shared data (``/work/shared/data`` or ``../shared/data``
relative to the repository).  Texts are never copied into the repository: this script only
selects ids, and prints texts to the terminal when asked so that a person can read and label them.

Strata are regex heuristics used only to get a *varied* sample (open support, ballot numbers and
hand signs, talk about opponents, news shares, hashtag spam, plain chatter); they are not labels.

Usage::

    python tests/data/screening/sample_real.py --list            # source, id, stratum
    python tests/data/screening/sample_real.py --show 0 50       # print items 0..49 with text

The order of the sample is fixed: tweets (300), headlines (100), hate-speech CSV tweets (50).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

SEED = 20241127  # Pilkada 2024 voting day; fixed so the sample never changes

TWEETS = "pilpres2024_tweets.jsonl"
HEADLINES = "pilpres2024_headlines.jsonl"
HATESPEECH = "id_hatespeech_abusive_tweets.csv"
HATESPEECH_TEXT_COLUMN = "Tweet"

# (stratum, how many) in the order they are filled; an item goes to the first stratum it matches.
TWEET_STRATA = [
    ("hashtag_spam", 45),
    ("ballot_or_hand_sign", 55),
    ("opponents", 55),
    ("news_share", 45),
    ("other", 100),
]
HEADLINE_STRATA = [
    ("asn_or_bawaslu", 20),
    ("negatif", 20),
    ("positif", 15),
    ("netral", 45),
]
HATESPEECH_STRATA = [
    ("election", 30),
    ("chatter", 20),
]

_BALLOT = re.compile(
    r"salam\s*(2|dua)\s*jari|✌|\bno\.?\s*(urut\s*)?0?2\b|nomor\s*(urut\s*)?0?2\b|\b02\b|coblos|nyoblos",
    re.I,
)
_OPPONENTS = re.compile(r"anies|\bamin\b|ganjar|mahfud|muhaimin|cak imin|\b01\b|\b03\b", re.I)
_NEWS = re.compile(r"https?://", re.I)
_ASN = re.compile(r"\basn\b|\bpns\b|netral|bawaslu|kepala desa|\bkades\b|aparat|lurah|camat", re.I)
_ELECTION = re.compile(
    r"pilkada|pilpres|pemilu|pilgub|ganti ?presiden|capres|cawapres|cagub|paslon|"
    r"jokowi|prabowo|anies|ahok|djarot|sudirman|ridwan ?kamil|emil|kampanye|coblos|pilih",
    re.I,
)


def default_shared_dir(repo_root: Path | None = None) -> Path | None:
    """Return the shared data directory if it exists (``/work/shared/data`` or ``../shared/data``)."""
    root = repo_root or Path(__file__).resolve().parents[3]
    for cand in (root.parent / "shared" / "data", Path("/work/shared/data")):
        if cand.is_dir():
            return cand
    return None


def read_tweets(shared_dir: Path) -> list[dict]:
    with open(shared_dir / TWEETS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_headlines(shared_dir: Path) -> list[dict]:
    with open(shared_dir / HEADLINES, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_hatespeech(shared_dir: Path) -> list[dict]:
    """Rows of the CSV; ``id`` is the 0-based row number after the header."""
    with open(shared_dir / HATESPEECH, encoding="utf-8", errors="replace", newline="") as fh:
        return [
            {"id": str(i), "text": row[HATESPEECH_TEXT_COLUMN]}
            for i, row in enumerate(csv.DictReader(fh))
        ]


def _tweet_stratum(text: str) -> str:
    if text.count("#") >= 4:
        return "hashtag_spam"
    if _BALLOT.search(text):
        return "ballot_or_hand_sign"
    if _OPPONENTS.search(text):
        return "opponents"
    if _NEWS.search(text) and "#" not in text:
        return "news_share"
    return "other"


def _draw(pools: dict[str, list], plan: list[tuple[str, int]], rng: random.Random) -> list[tuple[str, object]]:
    out = []
    for name, n in plan:
        pool = sorted(pools.get(name, []), key=lambda x: x["id"])
        out.extend((name, item) for item in rng.sample(pool, n))
    return out


def sample(shared_dir: Path) -> list[dict]:
    """The fixed sample: list of {source_file, id, stratum, text, text_field}."""
    rng = random.Random(SEED)
    result: list[dict] = []

    # Tweets: drop exact duplicate texts (keep the first id) so no text is labelled twice.
    seen: set[str] = set()
    pools: dict[str, list] = {}
    for row in read_tweets(shared_dir):
        if row["text"] in seen:
            continue
        seen.add(row["text"])
        pools.setdefault(_tweet_stratum(row["text"]), []).append(row)
    for name, row in _draw(pools, TWEET_STRATA, rng):
        result.append({"source_file": TWEETS, "id": row["id"], "stratum": name,
                       "text_field": "text", "text": row["text"]})

    seen = set()
    pools = {}
    for row in read_headlines(shared_dir):
        if row["title"] in seen:
            continue
        seen.add(row["title"])
        key = "asn_or_bawaslu" if _ASN.search(row["title"]) else row["sentiment"]
        pools.setdefault(key, []).append(row)
    for name, row in _draw(pools, HEADLINE_STRATA, rng):
        result.append({"source_file": HEADLINES, "id": row["id"], "stratum": name,
                       "text_field": "title", "text": row["title"]})

    seen = set()
    pools = {}
    for row in read_hatespeech(shared_dir):
        if row["text"] in seen:
            continue
        seen.add(row["text"])
        key = "election" if _ELECTION.search(row["text"]) else "chatter"
        pools.setdefault(key, []).append(row)
    for name, row in _draw(pools, HATESPEECH_STRATA, rng):
        result.append({"source_file": HATESPEECH, "id": row["id"], "stratum": name,
                       "text_field": HATESPEECH_TEXT_COLUMN, "text": row["text"]})
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared-dir", type=Path, default=None)
    ap.add_argument("--list", action="store_true", help="print source, id and stratum of every sampled item")
    ap.add_argument("--show", nargs=2, type=int, metavar=("START", "STOP"),
                    help="print the texts of sampled items START..STOP-1 for reading")
    args = ap.parse_args()
    shared = args.shared_dir or default_shared_dir()
    if shared is None:
        raise SystemExit("shared data not found: pass --shared-dir")
    items = sample(shared)
    if args.show:
        start, stop = args.show
        for k in range(start, min(stop, len(items))):
            it = items[k]
            print(f"[{k}] {it['source_file']} id={it['id']} ({it['stratum']})\n    {it['text']!r}")
    else:
        for it in items:
            print(it["source_file"], it["id"], it["stratum"], sep="\t")


if __name__ == "__main__":
    main()
