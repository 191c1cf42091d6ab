"""The hand-labelled real texts, joined with ../shared/data at run time, and the unlabelled pool for self-training.

Labels and ids live in the repository (``tests/data/screening``); texts stay in the shared data folder (not ours
to copy; one source is CC BY-NC-SA). Three label sets:

* ``dev``: the stance labels of the dev chunks (``stance/dev-NN.jsonl``, labelled under ``LABELLING.md``), plus
  the 450 earlier labels once the labeller has reviewed them under the guide (``stance/relabel_450.jsonl``).
  The 450 as first labelled (``real_labelled.jsonl``, older criteria: attacks without a call were "not") are
  read by ``old_labelled`` and reported on their own. Free to train, tune and look at.
* ``blind``: ``stance/blind.jsonl``. Read ONLY through ``blind_labelled(..., confirm=BLIND_CONFIRM)``, which the
  lead's one-off blind measurement passes (``bench/screening/measure.py --blind``). Nothing else here reads it.
* the unlabelled pool: rows of the MIT-licensed files (tweets, headlines) that are neither blind items nor in a
  blind near-duplicate group (the manifest's ``group`` keys), for self-training.

Licences decide what may be TRAINED on: the tweets and headlines are MIT; the hate-speech CSV is CC BY-NC-SA and
is used for measurement only (``trainable()`` says which).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LABEL_DIR = REPO / "tests" / "data" / "screening"
STANCE_DIR = LABEL_DIR / "stance"
MANIFEST = STANCE_DIR / "sample.jsonl"
BLIND = STANCE_DIR / "blind.jsonl"
RELABEL_450 = STANCE_DIR / "relabel_450.jsonl"
OLD_450 = LABEL_DIR / "real_labelled.jsonl"

TWEETS = "pilpres2024_tweets.jsonl"
HEADLINES = "pilpres2024_headlines.jsonl"
HATESPEECH = "id_hatespeech_abusive_tweets.csv"
MIT_SOURCES = frozenset({TWEETS, HEADLINES})
SHORT = {TWEETS: "tw", HEADLINES: "hl", HATESPEECH: "hs"}
BLIND_CONFIRM = "I am measuring the blind split once, at the end"


class RealDataMismatch(ValueError):
    """A labelled id is missing from the shared data, or its text no longer has the recorded SHA-1."""


def shared_dir() -> Path | None:
    for cand in (REPO.parent / "shared" / "data", Path("/work/shared/data")):
        if (cand / TWEETS).is_file():
            return cand
    return None


def trainable(source_file: str) -> bool:
    """May a shipped model learn from this source? Only the MIT-licensed ones."""
    return source_file in MIT_SOURCES


def key(source_file: str, item_id: str) -> str:
    """A unique id across the three sources ("tw:1734...", "hl:12", "hs:5822")."""
    return f"{SHORT[source_file]}:{item_id}"


@lru_cache(maxsize=1)
def manifest() -> tuple[dict, ...]:
    with open(MANIFEST, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def blind_keys() -> frozenset[str]:
    return frozenset(key(m["source_file"], m["id"]) for m in manifest() if m["split"] == "blind")


@lru_cache(maxsize=1)
def strata() -> dict[str, str]:
    """The sampling stratum of every manifest item by key ("reply", "news_share", "hashtag_spam" ...)."""
    return {key(m["source_file"], m["id"]): m.get("stratum") or "" for m in manifest()}


def blind_groups() -> frozenset[str]:
    return frozenset(m["group"] for m in manifest() if m["split"] == "blind")


@lru_cache(maxsize=2)
def _rows(shared: Path) -> dict[str, dict]:
    """Every row of the three sources by key: {source_file, id, text, created_at, norm}."""
    from tests.data.screening.sample_real import read_tweets
    from tests.data.screening.stance.sample import read_all

    created = {str(r["id"]): _iso(r.get("created_at")) for r in read_tweets(shared)}
    out = {}
    for r in read_all(shared):
        k = key(r["source_file"], r["id"])
        if k not in out:
            out[k] = {"source_file": r["source_file"], "id": r["id"], "text": r["text"], "norm": r["norm"],
                      "created_at": created.get(r["id"]) if r["source_file"] == TWEETS else None}
    return out


def _iso(value: str | None) -> str | None:
    """Twitter's "Wed Dec 13 17:00:13 +0000 2023" as an ISO date-time (the screener's input format)."""
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=2)
def _group_of(shared: Path) -> dict[str, str]:
    from tests.data.screening.stance.sample import _groups

    rows = _rows(shared)
    groups = _groups(sorted({r["norm"] for r in rows.values()}))
    return {k: groups[r["norm"]] for k, r in rows.items()}


def _join(labels: list[dict], shared: Path, what: str) -> list[dict]:
    from tests.data.screening.real_texts import sha1_text

    rows = _rows(shared)
    out = []
    for lab in labels:
        k = key(lab["source_file"], str(lab["id"]))
        row = rows.get(k)
        if row is None:
            raise RealDataMismatch(f"{what}: {lab['source_file']} id {lab['id']!r} not found in {shared}")
        if sha1_text(row["text"]) != lab["sha1"]:
            raise RealDataMismatch(f"{what}: {lab['source_file']} id {lab['id']!r}: text SHA-1 differs from the label")
        item = {f: v for f, v in lab.items() if f != "sha1"}
        item.update(id=k, text=row["text"], source_file=lab["source_file"], label_set=what,
                    created_at=row["created_at"], stratum=strata().get(k, ""))
        item.setdefault("stance", None)
        out.append(item)
    return out


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def dev_chunks() -> list[Path]:
    return sorted(STANCE_DIR.glob("dev-*.jsonl"))


def dev_labelled(shared: Path, *, include_450: bool = True) -> list[dict]:
    """Every dev label with its text. Each item: id ("tw:..."), text, source_file, violation, stance, target,
    cues, genre, family, ambiguous, group, label_set ("dev-03", "relabel_450", "old_450")."""
    out = []
    for path in dev_chunks():
        out.extend(_join(_read(path), shared, path.stem))
    if include_450 and RELABEL_450.is_file():
        out.extend(_join(_read(RELABEL_450), shared, "relabel_450"))
    groups = _group_of(shared)
    blind = blind_keys()
    for item in out:
        item["group"] = groups[item["id"]]
        if item["id"] in blind:  # cannot happen with a consistent manifest; refuse rather than leak
            raise RealDataMismatch(f"{item['id']} is labelled as dev but the manifest puts it in the blind split")
    return out


def old_labelled(shared: Path) -> list[dict]:
    """The 450 earlier labels under their original criteria (``real_labelled.jsonl``)."""
    items = _join(_read(OLD_450), shared, "old_450")
    groups = _group_of(shared)
    for item in items:
        item["group"] = groups[item["id"]]
    return items


def blind_labelled(shared: Path, *, confirm: str = "") -> list[dict]:
    """The blind split. Only the lead's one-off measurement reads it (``measure.py --blind``)."""
    if confirm != BLIND_CONFIRM:
        raise PermissionError("the blind split is read only by the explicit blind measurement (measure.py --blind)")
    items = _join(_read(BLIND), shared, "blind")
    groups = _group_of(shared)
    for item in items:
        item["group"] = groups[item["id"]]
    return items


def unlabelled_pool(shared: Path, *, exclude: set[str] | frozenset[str] = frozenset()) -> Iterator[dict]:
    """MIT-licensed rows usable for self-training: never a blind item, never in a blind near-duplicate group,
    never one of ``exclude`` (e.g. the labelled dev items, or a held-out fold). Distinct normalised texts only."""
    rows = _rows(shared)
    groups = _group_of(shared)
    blind, bgroups = blind_keys(), blind_groups()
    seen: set[str] = set()
    for k, row in rows.items():
        if not trainable(row["source_file"]) or k in blind or groups[k] in bgroups or k in exclude:
            continue
        if row["norm"] in seen or not row["norm"]:
            continue
        seen.add(row["norm"])
        yield {"id": k, "text": row["text"], "source_file": row["source_file"], "group": groups[k],
               "created_at": row["created_at"]}
