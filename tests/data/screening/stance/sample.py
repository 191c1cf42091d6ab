"""Reproducible sample of ~3,200 real election texts for hand stance labelling (issue 11).

Writes ``sample.jsonl`` next to this file: one line per item with ``source_file``, ``id``, ``text_field``,
``sha1`` (of the exact text as read), ``group`` (near-duplicate group key), ``split`` (``dev``/``blind``),
``chunk`` and ``stratum``.  Texts are never written: they stay in the shared data directory.

How it draws (all deterministic, seed ``SEED``):

* Every row of the three sources is normalised (``normalise``): lowercase, URLs, @mentions and the CSV's
  ``USER``/``URL`` placeholders, a leading ``RT`` and punctuation removed, spaces collapsed (emoji kept: a
  lone ✌️ is not the same post as a lone 👍).  Rows equal after normalisation are one item (first row kept).
* Near-duplicates (same first 8 normalised words, or the same word set) are joined into one ``group``
  (union-find over every row of every source, so the screener can drop the blind groups from any
  unlabelled text it trains on; ``groups_of_texts`` gives the groups any text touches).
* Items already labelled in ``real_labelled.jsonl`` (and their exact normalised duplicates) are left out;
  at most one item per group is drawn, so the sample is varied.
* Strata are regex heuristics used only to vary the sample; they are not labels.
* ``split``: a seeded hash of the group key puts ~25% of groups in ``blind``; groups holding any of the 450
  earlier items always go to ``dev``.  Within each split the order is shuffled with the seed and cut into
  ``round(n / 200)`` even chunks (``blind-1``.., ``dev-01``..).

Usage: ``python3 tests/data/screening/stance/sample.py [--shared-dir DIR]`` (prints counts).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:  # imported as tests.data.screening.stance.sample
    from ..real_texts import sha1_text
    from ..sample_real import (HATESPEECH, HATESPEECH_TEXT_COLUMN, HEADLINES, TWEETS, default_shared_dir,
                               read_headlines, read_hatespeech, read_tweets)
except ImportError:  # run as a script
    sys.path.insert(0, str(HERE.parent))
    from real_texts import sha1_text  # type: ignore[no-redef]
    from sample_real import (HATESPEECH, HATESPEECH_TEXT_COLUMN, HEADLINES, TWEETS,  # type: ignore[no-redef]
                             default_shared_dir, read_headlines, read_hatespeech, read_tweets)

SEED = 20241127
MANIFEST = HERE / "sample.jsonl"
OLD_LABELS = HERE.parent / "real_labelled.jsonl"
CHUNK = 200
BLIND_SHARE = 0.25
TEXT_FIELD = {TWEETS: "text", HEADLINES: "title", HATESPEECH: HATESPEECH_TEXT_COLUMN}

# (stratum, how many), filled in this order; an item belongs to the first stratum whose test it passes.
TWEET_PLAN = [("hashtag_spam", 250), ("ballot_or_hand_sign", 300), ("opponents", 300), ("attack", 250),
              ("news_share", 250), ("reply", 350), ("other", 300)]
HEADLINE_PLAN = [("asn_or_bawaslu", 38), ("negatif", 88), ("positif", 32), ("netral", 342)]  # first three: all left
HATESPEECH_PLAN = [("ganti_presiden", 130), ("pilpres_2019", 110), ("pilkada_2018", 150), ("dki_2017", 100),
                   ("contest_other", 60), ("chatter", 150)]

_URL = re.compile(r"https?://\S+|\bURL\b")
_MENTION = re.compile(r"@\w+|\bUSER\b")


def normalise(text: str) -> str:
    """Lowercase; drop URLs, mentions, a leading RT, punctuation and extra spaces; keep words and emoji."""
    text = html.unescape(text).replace("\\n", " ")
    text = _MENTION.sub(" ", _URL.sub(" ", text)).lower()
    chars = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch.isalnum() or ch == "_":
            chars.append(ch)
        elif cat == "So":  # emoji and other symbols: a token each
            chars.append(f" {ch} ")
        else:
            chars.append(" ")
    words = "".join(chars).split()
    if words and words[0] == "rt":
        words = words[1:]
    return " ".join(words)


# --- strata (variety only) ------------------------------------------------------------------------------
_BALLOT = re.compile(r"salam\s*(2|dua|satu|1|3|tiga)\s*jari|✌|🫰|☝|\bno\.?\s*(urut\s*)?0?[123]\b|"
                     r"nomor\s*(urut\s*)?0?[123]\b|\b0[123]\b|coblos|nyoblos|\bjari\b", re.I)
_OPPONENTS = re.compile(r"anies|\bamin\b|ganjar|mahfud|muhaimin|cak imin|gus imin|\babah\b", re.I)
_ATTACK = re.compile(r"dinasti|pelanggar ham|\bham\b|culik|bodoh|goblo|tolol|dungu|bego|anak haram|haram konstitusi|"
                     r"planga|plonga|curang|nepotis|paman|oligar|bohong|bocil|karbitan|penipu|fitnah|munafik|"
                     r"gagal|jangan pilih|tolak|malu|busuk|hancur|rusak|lucu|badut|ngaco|cawe|gemoy", re.I)
_LINK = re.compile(r"https?://", re.I)
_ASN = re.compile(r"\basn\b|\bpns\b|netral|bawaslu|kepala desa|\bkades\b|aparat|lurah|camat|\bdesa\b", re.I)
_GANTI = re.compile(r"ganti ?presiden|2019 ?ganti|#2019|2 ?periode|dua ?periode|tetap ?jokowi", re.I)
_PILPRES19 = re.compile(r"pilpres|capres|cawapres|presiden 2019|pemilu 2019|pemilihan presiden", re.I)
_FIGURES19 = re.compile(r"jokowi|joko widodo|prabowo|gatot|\btgb\b|\bahy\b|cak imin", re.I)
_PILKADA18 = re.compile(r"pilkada|pilgub|pilwalkot|pilbup|cagub|cawagub|cabup|cawalkot|ridwan ?kamil|\brk\b|"
                        r"\bemil\b|khofifah|gus ?ipul|sudrajat|syaikhu|deddy ?mizwar|\bdemiz\b|dedi mulyadi|"
                        r"hasanuddin|anton charliyan|\bputi\b|edy rahmayadi|eramas|ganjar|sudirman said|"
                        r"ida fauziyah|#asyik|hasanah|\b2dm\b|djarot ?sihar|djoss|risma", re.I)
_DKI17 = re.compile(r"ahok|basuki|anies|sandi|djarot|agus ?(yudhoyono|harimurti)|sylvi|\bahy\b|oke ?oce|"
                    r"penista", re.I)
_CONTEST = re.compile(r"pemilu|pemilihan|kampanye|coblos|nyoblos|nomor urut|no\.? ?urut|paslon|\bkpu\b|bawaslu|"
                      r"\bcalon\b|golput", re.I)
_POLITICAL = re.compile(r"jokowi|presiden|gubernur|bupati|walikota|wali kota|menteri|\bdpr\b|partai|politik|"
                        r"rezim|cebong|kampret|kadrun|\bsby\b|megawati|pks|gerindra|pdi|golkar|demokrat|nasdem|"
                        r"hanura|\bpsi\b|perindo|\bpan\b|\bpkb\b|\bppp\b|pilih|prabowo|ahok|anies", re.I)


# (stratum, test) in priority order: an item belongs to the first stratum whose test it passes.
TWEET_STRATA = [
    ("hashtag_spam", lambda t: t.count("#") >= 4),
    ("ballot_or_hand_sign", _BALLOT.search),
    ("opponents", _OPPONENTS.search),
    ("attack", _ATTACK.search),
    ("news_share", lambda t: _LINK.search(t) and "#" not in t),
    ("reply", lambda t: t.lstrip().startswith("@")),
]
HATESPEECH_STRATA = [
    ("ganti_presiden", _GANTI.search),
    ("pilpres_2019", lambda t: _PILPRES19.search(t) or (_FIGURES19.search(t) and _CONTEST.search(t))),
    ("pilkada_2018", _PILKADA18.search),
    ("dki_2017", _DKI17.search),
    ("contest_other", _CONTEST.search),
    ("political_other", _POLITICAL.search),  # not drawn: politics without a contest word
]


def _first_stratum(text: str, strata: list, default: str) -> str:
    return next((name for name, test in strata if test(text)), default)


def tweet_stratum(text: str) -> str:
    return _first_stratum(text, TWEET_STRATA, "other")


def headline_stratum(row: dict) -> str:
    return "asn_or_bawaslu" if _ASN.search(row["title"]) else row["sentiment"]


def hatespeech_stratum(text: str) -> str:
    return _first_stratum(text, HATESPEECH_STRATA, "chatter")


# --- reading and grouping ---------------------------------------------------------------------------------
def read_all(shared_dir: Path) -> list[dict]:
    """Every row of the three sources as {source_file, id, text_field, text, stratum}, in file order."""
    rows = []
    for r in read_tweets(shared_dir):
        rows.append({"source_file": TWEETS, "id": str(r["id"]), "text": r["text"],
                     "stratum": tweet_stratum(r["text"])})
    for r in read_headlines(shared_dir):
        rows.append({"source_file": HEADLINES, "id": str(r["id"]), "text": r["title"],
                     "stratum": headline_stratum(r)})
    for r in read_hatespeech(shared_dir):
        rows.append({"source_file": HATESPEECH, "id": str(r["id"]), "text": r["text"],
                     "stratum": hatespeech_stratum(r["text"])})
    for r in rows:
        r["text_field"] = TEXT_FIELD[r["source_file"]]
        r["norm"] = normalise(r["text"])
    return rows


def _near_keys(norm: str) -> tuple[tuple, tuple]:
    """The two near-duplicate keys of a normalised text: its first 8 words, and its word set."""
    words = norm.split()
    return ("head", tuple(words[:8])), ("set", frozenset(words))


def _groups(norms: list[str]) -> dict[str, str]:
    """Union-find over distinct normalised texts: same first 8 words, or same word set. norm -> group key."""
    parent = {n: n for n in norms}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by_key: dict[tuple, str] = {}
    for n in norms:
        for key in _near_keys(n):
            if key in first_by_key:
                union(n, first_by_key[key])
            else:
                first_by_key[key] = n
    return {n: hashlib.sha1(find(n).encode("utf-8")).hexdigest()[:16] for n in norms}


def groups_of_texts(texts: list[str], shared_dir: Path | None = None) -> dict[str, set[str]]:
    """For each text, the keys of the shared-data groups it is a near-duplicate of (empty set: none).

    Use it to keep blind items out of training: drop a text whose set meets the blind ``group`` values of
    ``sample.jsonl``.  Keys are those of the manifest (groups are computed over the shared data only).
    """
    shared = shared_dir or default_shared_dir()
    norms = sorted({r["norm"] for r in read_all(shared)})
    groups = _groups(norms)
    index: dict[tuple, str] = {}
    for n in norms:
        for key in (("norm", n), *_near_keys(n)):
            index[key] = groups[n]  # every norm sharing a key is in the same group
    out = {}
    for t in texts:
        n = normalise(t)
        out[t] = {index[k] for k in (("norm", n), *_near_keys(n)) if k in index}
    return out


def _blind(group: str) -> bool:
    digest = hashlib.sha1(f"{SEED}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < BLIND_SHARE


def build(shared_dir: Path) -> list[dict]:
    rows = read_all(shared_dir)
    groups = _groups(sorted({r["norm"] for r in rows}))
    with open(OLD_LABELS, encoding="utf-8") as fh:
        old = {(d["source_file"], str(d["id"])) for d in map(json.loads, fh) if d}
    by_key = {(r["source_file"], r["id"]): r for r in rows}
    old_norms = {by_key[k]["norm"] for k in old}
    old_groups = {groups[n] for n in old_norms}

    # one item per normalised text (first row in file order), minus the 450 already labelled
    seen = set(old_norms)
    pools: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        if r["norm"] in seen:
            continue
        seen.add(r["norm"])
        r["group"] = groups[r["norm"]]
        pools.setdefault((r["source_file"], r["stratum"]), []).append(r)

    rng = random.Random(SEED)
    used_groups: set[str] = set()
    picked: list[dict] = []
    for source, plan in ((TWEETS, TWEET_PLAN), (HEADLINES, HEADLINE_PLAN), (HATESPEECH, HATESPEECH_PLAN)):
        for stratum, n in plan:
            pool = sorted(pools.get((source, stratum), []), key=lambda r: r["id"])
            rng.shuffle(pool)
            got = 0
            for r in pool:
                if got == n:
                    break
                if r["group"] in used_groups:
                    continue
                used_groups.add(r["group"])
                picked.append(r)
                got += 1
            if got < n:
                raise SystemExit(f"{source} {stratum}: only {got} of {n} available")

    out = []
    for split in ("blind", "dev"):
        items = [r for r in picked
                 if (split == "blind") == (_blind(r["group"]) and r["group"] not in old_groups)]
        rng.shuffle(items)
        n_chunks = max(1, round(len(items) / CHUNK))  # even chunks of about CHUNK items, no small tail
        for k, r in enumerate(items):
            c = k * n_chunks // len(items) + 1
            chunk = f"blind-{c}" if split == "blind" else f"dev-{c:02d}"
            out.append({"source_file": r["source_file"], "id": r["id"], "text_field": r["text_field"],
                        "sha1": sha1_text(r["text"]), "group": r["group"], "split": split, "chunk": chunk,
                        "stratum": r["stratum"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared-dir", type=Path, default=None)
    args = ap.parse_args()
    shared = args.shared_dir or default_shared_dir()
    if shared is None:
        raise SystemExit("shared data not found: pass --shared-dir")
    items = build(shared)
    with open(MANIFEST, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {MANIFEST}")
    for key, n in sorted(Counter((i["split"], i["source_file"]) for i in items).items()):
        print(*key, n, sep="\t")
    print(Counter(i["chunk"] for i in items))


if __name__ == "__main__":
    main()
