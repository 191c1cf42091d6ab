"""How the hand labels (act_labels_hand.yaml) differ from the engine-derived ones (act_labels.yaml).

    python lab/guidance/compare_labels.py

Prints, per question set, how many questions are hand-labelled, how many of those have an old label and how many of
those differ; then the ten most frequent (old -> new) changes, and the missing rows of acts.yaml the hand labels name.
"""
from collections import Counter
from pathlib import Path
import yaml

HERE = Path(__file__).parent
OLD = yaml.safe_load((HERE / "act_labels.yaml").read_text())
HAND = yaml.safe_load((HERE / "act_labels_hand.yaml").read_text())["labels"]


def set_of(qid: str) -> str:
    """v2-001 -> v2; q01 (questions.yaml) -> v1."""
    return qid.split("-")[0] if "-" in qid else "v1"


def main() -> None:
    rows, changes, missing = {}, Counter(), Counter()
    for qid, e in HAND.items():
        r = rows.setdefault(set_of(qid), Counter())
        r["hand"] += 1
        if e["act"] == "missing_row":
            missing[e["missing_row"]] += 1
        if qid not in OLD:
            continue
        r["old"] += 1
        if OLD[qid] != e["act"]:
            r["differ"] += 1
            changes[(OLD[qid], e["act"])] += 1
    print(f"{'set':<4} {'hand':>5} {'with old':>9} {'differ':>7} {'share':>7}")
    for s in sorted(rows):
        r = rows[s]
        share = f"{100 * r['differ'] / r['old']:.1f}%" if r["old"] else "-"
        print(f"{s:<4} {r['hand']:>5} {r['old']:>9} {r['differ']:>7} {share:>7}")
    tot = sum(rows.values(), Counter())
    if tot["old"]:
        print(f"{'all':<4} {tot['hand']:>5} {tot['old']:>9} {tot['differ']:>7} {100 * tot['differ'] / tot['old']:.1f}%")
    print("\nTen most frequent changes (old -> new):")
    for (o, n), k in changes.most_common(10):
        print(f"{k:>4}  {o} -> {n}")
    print(f"\nMissing rows of acts.yaml ({sum(missing.values())} questions):")
    for m, k in missing.most_common():
        print(f"{k:>4}  {m}")


if __name__ == "__main__":
    main()
