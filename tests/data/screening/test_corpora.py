"""Well-formedness of the screening corpora: the dev corpus we wrote and the hand labels on real texts."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEV = REPO / "lab" / "screening" / "corpus" / "dev_corpus.jsonl"
REGENCIES = REPO / "src" / "netra" / "regions" / "data" / "regencies.csv"
REAL = HERE / "real_labelled.jsonl"

FAMILIES = {"social_media", "campaign", "state_resources", "official_action", "campaign_props", "party",
            "candidacy", "ktp_support", "partisan_event"}
REAL_SOURCES = {"pilpres2024_tweets.jsonl": "text", "pilpres2024_headlines.jsonl": "title",
                "id_hatespeech_abusive_tweets.csv": "Tweet"}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shared_dir() -> Path | None:
    for cand in (REPO.parent / "shared" / "data", Path("/work/shared/data")):
        if all((cand / f).is_file() for f in REAL_SOURCES):
            return cand
    return None


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    with open(DEV, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def real() -> list[dict]:
    with open(REAL, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def shared_dir() -> Path:
    found = _shared_dir()
    if found is None:
        pytest.skip("shared data not found at ../shared/data or /work/shared/data: cannot verify real-text SHA-1s")
    return found


# ---------------------------------------------------------------------------------------------------------
# development corpus
# ---------------------------------------------------------------------------------------------------------
def test_dev_ids_unique_and_well_formed(dev):
    ids = [item["id"] for item in dev]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"dev-\d{4}", i) for i in ids)


def test_dev_fields(dev):
    regions = {row["code"] for row in csv.DictReader(open(REGENCIES, encoding="utf-8"))}
    for item in dev:
        assert item["source"] in {"post", "report", "news"}, item["id"]
        assert isinstance(item["text"], str) and item["text"].strip(), item["id"]
        author = item["author"]
        assert author["is_asn"] in (True, False, None), item["id"]
        assert author["role"] is None or isinstance(author["role"], str), item["id"]
        if item["created_at"] is not None:
            day = dt.date.fromisoformat(item["created_at"])
            assert dt.date(2023, 10, 1) <= day <= dt.date(2024, 12, 31), item["id"]
        assert item["region"] is None or item["region"] in regions, (item["id"], item["region"])
        assert isinstance(item["violation"], bool), item["id"]
        assert item["rules"] == [], item["id"]
        assert item["label_note"].startswith(("hand", "template:")), item["id"]


def test_dev_families_and_evidence(dev):
    for item in dev:
        if item["violation"]:
            assert item["family"] in FAMILIES, item["id"]
            assert item["evidence"], f"{item['id']}: a violation needs evidence"
        else:
            assert item["family"] is None, item["id"]
        for ev in item["evidence"]:
            assert ev and ev in item["text"], f"{item['id']}: evidence {ev!r} is not a substring of the text"


def test_dev_no_duplicate_texts(dev):
    texts = Counter(" ".join(item["text"].casefold().split()) for item in dev)
    dupes = [t for t, n in texts.items() if n > 1]
    assert not dupes, dupes[:5]


def test_dev_counts(dev):
    assert len(dev) >= 800
    positives = Counter(item["family"] for item in dev if item["violation"])
    for family in FAMILIES:
        assert positives[family] >= 30, (family, positives[family])
    assert positives["social_media"] >= 200
    assert sum(1 for item in dev if not item["violation"]) >= 350
    assert sum(1 for item in dev if item["label_note"].startswith("hand")) >= 300


def test_dev_null_author_positives_say_who_is_bound(dev):
    """A violation whose author is unknown must name a bound actor in its evidence (not just a support phrase)."""
    bound_words = re.compile(r"asn|pns|pppk|p3k|nip|guru|kades|kepala|desa|lurah|camat|sekcam|sekdes|bpd|"
                             r"perangkat|kadus|dusun|kampung|bidan|pegawai|staf|dinas|abdi negara|kabid|kaur|penyuluh|"
                             r"dokter|operator|aparat|kabag", re.I)
    for item in dev:
        if item["violation"] and item["author"]["is_asn"] is None:
            assert any(bound_words.search(ev) for ev in item["evidence"]), item["id"]


def test_dev_corpus_contains_no_real_text(dev, shared_dir):
    """The dev corpus is our own writing: none of the labelled real texts may appear in it."""
    real_texts = _load("real_texts_mod", HERE / "real_texts.py")
    ours = "\n".join(item["text"] for item in dev)
    for row in real_texts.load_real_labelled(shared_dir):
        if len(row["text"]) >= 40:
            assert row["text"] not in ours, row["id"]


# ---------------------------------------------------------------------------------------------------------
# hand labels on real texts
# ---------------------------------------------------------------------------------------------------------
def test_real_labels_well_formed(real):
    assert len(real) >= 450
    keys = [(r["source_file"], r["id"]) for r in real]
    assert len(keys) == len(set(keys))
    for r in real:
        assert r["source_file"] in REAL_SOURCES
        assert r["text_field"] == REAL_SOURCES[r["source_file"]]
        assert re.fullmatch(r"[0-9a-f]{40}", r["sha1"])
        assert isinstance(r["violation"], bool) and isinstance(r["ambiguous"], bool)
        assert r["family"] == ("social_media" if r["violation"] else None)
        if not r["violation"]:
            assert r["candidate_support"] is None and r["candidate_against"] is None
        assert "text" not in r and "title" not in r, "texts must not be stored in the repository"


def test_real_label_mix(real):
    per_source = Counter(r["source_file"] for r in real)
    assert per_source["pilpres2024_tweets.jsonl"] >= 300
    assert per_source["pilpres2024_headlines.jsonl"] >= 100
    assert per_source["id_hatespeech_abusive_tweets.csv"] >= 50
    assert any(r["violation"] for r in real) and any(not r["violation"] for r in real)


def test_real_labels_match_shared_data(real, shared_dir):
    real_texts = _load("real_texts_mod", HERE / "real_texts.py")
    rows = list(real_texts.load_real_labelled(shared_dir))  # raises RealDataMismatch on any SHA-1 difference
    assert len(rows) == len(real)
    assert all(row["text"] for row in rows)


def test_real_sample_is_reproducible(real, shared_dir):
    sample_real = _load("sample_real_mod", HERE / "sample_real.py")
    drawn = [(it["source_file"], it["id"]) for it in sample_real.sample(shared_dir)]
    assert drawn == [(r["source_file"], r["id"]) for r in real]


def test_loader_raises_on_mismatch(real, shared_dir, tmp_path):
    real_texts = _load("real_texts_mod", HERE / "real_texts.py")
    bad = dict(real[0], sha1="0" * 40)
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(real_texts.RealDataMismatch):
        list(real_texts.load_real_labelled(shared_dir, labels_path=path))
