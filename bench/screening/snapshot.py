"""The screener's full output on every non-blind text we may look at, and the check that a speed change kept it.

    .venv/bin/python bench/screening/snapshot.py record OUT.jsonl          # on the code before the change
    .venv/bin/python bench/screening/snapshot.py record AFTER.jsonl        # on the code after it
    .venv/bin/python bench/screening/snapshot.py compare OUT.jsonl AFTER.jsonl

``record`` screens, through the file pipeline (``runner.run``), in a temporary folder (never in the repo): the dev
split three times (authors ASN, unknown, unknown with a date and region), Netra's corpus (its own authors, as
ASN, with its roles), the unlabelled MIT pool (blind items and their near-duplicate groups left out by
``realdata.unlabelled_pool``) as ASN and unknown, and the five seed articles as news and post. The blind split is
never opened: only its ids are read, through realdata's own exclusion.

``compare`` passes when every result is the same (flag, rules, family, reason, evidence spans, actor, candidate,
stage, stance) and scores are within 1e-9 (the model sums a batch in another order than text by text); it also
says whether the files are byte-identical. Exit 1 on any difference.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-9


def record(out_path: Path) -> None:
    sys.path[:0] = [str(REPO), str(REPO / "src")]
    from lab.screening import realdata
    from lab.screening.training import load_corpus
    from netra.screening.engine import default_screener
    from netra.screening.runner import run

    shared = realdata.shared_dir()
    asn = {"is_asn": True, "role": None}
    recs = []
    dev = realdata.dev_labelled(shared)
    for r in dev:
        recs.append({"id": "devasn:" + r["id"], "text": r["text"], "source": "post", "created_at": r.get("created_at"),
                     "author": asn})
        recs.append({"id": "devunk:" + r["id"], "text": r["text"], "source": "post", "created_at": r.get("created_at")})
        recs.append({"id": "devreg:" + r["id"], "text": r["text"], "created_at": "2024-11-01", "region": "33.20"})
    for r in load_corpus():
        rec = {k: r.get(k) for k in ("text", "source", "author", "created_at", "region") if r.get(k) is not None}
        recs.append({"id": "corpus:" + r["id"], **rec})
        recs.append({"id": "corpusasn:" + r["id"], **rec, "author": asn})
        if (r.get("author") or {}).get("role"):
            recs.append({"id": "corpusrole:" + r["id"], **rec, "author": {"is_asn": True, "role": r["author"]["role"]}})
    for r in realdata.unlabelled_pool(shared, exclude={r["id"] for r in dev}):
        recs.append({"id": "poolasn:" + r["id"], "text": r["text"], "created_at": r.get("created_at"), "author": asn})
        recs.append({"id": "poolunk:" + r["id"], "text": r["text"], "created_at": r.get("created_at")})
    for p in sorted((shared.parent / "seeds").glob("0*.txt")):
        text = p.read_text(encoding="utf-8")
        for src in ("news", "post"):
            recs.append({"id": f"seed:{src}:{p.stem}", "text": text, "source": src})
            recs.append({"id": f"seedasn:{src}:{p.stem}", "text": text, "source": src, "author": asn})
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps({k: v for k, v in rec.items() if v is not None}, ensure_ascii=False) + "\n")
        summary = run(inp, out_path, errors_path=Path(tmp) / "err.jsonl", screener=default_screener())
    print(f"{len(recs)} records, screened {summary.screened}, violations {summary.violations}, "
          f"errors {summary.errors} -> {out_path}")


def compare(before: Path, after: Path) -> int:
    a = before.read_bytes().splitlines()
    b = after.read_bytes().splitlines()
    if len(a) != len(b):
        print(f"{len(a)} results before, {len(b)} after")
        return 1
    diff = same_bytes = 0
    for x, y in zip(a, b):
        if x == y:
            same_bytes += 1
            continue
        rx, ry = json.loads(x), json.loads(y)
        sx, sy = rx.pop("score"), ry.pop("score")
        if rx != ry or abs(sx - sy) > TOLERANCE:
            diff += 1
            if diff <= 10:
                print("DIFF", rx["id"], sx, sy)
                for k in rx:
                    if rx[k] != ry.get(k):
                        print("   ", k, json.dumps(rx[k], ensure_ascii=False)[:300], "->",
                              json.dumps(ry.get(k), ensure_ascii=False)[:300])
    print(f"{len(a)} results compared: {diff} differ, {same_bytes} byte-identical, "
          f"{len(a) - diff - same_bytes} equal with scores within {TOLERANCE:g}")
    return 1 if diff else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "record":
        record(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
