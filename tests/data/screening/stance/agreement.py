"""Inter-annotator agreement: the first labeller's files against a second labeller's ``second/CHUNK.jsonl``.

Prints, per chunk labelled twice and overall, raw agreement and Cohen's kappa for ``violation`` and for
``stance`` (support / against / none), the confusion tables, and every disagreement by chunk position (never
the texts). The block is pasted into README.md; ``../test_stance_labels.py`` fails when it is stale.

Usage: ``python3 tests/data/screening/stance/agreement.py``
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECOND = HERE / "second"
sys.path.insert(0, str(HERE))
from counts import SOURCES, _read, label_files  # noqa: E402

STANCES = ("support", "against", "none")
SHORT = {"pilpres2024_tweets.jsonl": "tweets", "pilpres2024_headlines.jsonl": "headlines",
         "id_hatespeech_abusive_tweets.csv": "hate-speech CSV"}


def _key(d: dict) -> tuple[str, str]:
    return d["source_file"], str(d["id"])


def chunks_labelled_twice() -> list[str]:
    return sorted(p.stem for p in SECOND.glob("*.jsonl"))


def pairs(chunk: str) -> list[tuple[int, dict, dict]]:
    """(position in chunk, first label, second label) for every item of the chunk, in manifest order."""
    items = [m for m in _read(HERE / "sample.jsonl") if m["chunk"] == chunk]
    first = {_key(d): d for p in label_files() for d in _read(p)}
    second = _read(SECOND / f"{chunk}.jsonl")
    if [_key(d) for d in second] != [_key(m) for m in items]:
        raise SystemExit(f"second/{chunk}.jsonl does not cover chunk {chunk} in manifest order")
    missing = [k for k in map(_key, items) if k not in first]
    if missing:
        raise SystemExit(f"first labeller has no label for {len(missing)} items of {chunk}")
    return [(pos, first[_key(m)], s) for pos, (m, s) in enumerate(zip(items, second))]


def cohen_kappa(a: list, b: list) -> float | None:
    """Cohen's kappa of two equally long label lists; None when chance agreement is 1 (one class only)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[c] * cb[c] for c in ca) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _agree(a: list, b: list) -> str:
    n = sum(x == y for x, y in zip(a, b))
    return f"{n} ({n / len(a):.1%})"


def _row(name: str, prs: list[tuple[int, dict, dict]]) -> str:
    v1, v2 = [f["violation"] for _, f, _ in prs], [s["violation"] for _, _, s in prs]
    s1, s2 = [f["stance"] for _, f, _ in prs], [s["stance"] for _, _, s in prs]
    return (f"| {name} | {len(prs)} | {_agree(v1, v2)} | {_fmt(cohen_kappa(v1, v2))} | "
            f"{_agree(s1, s2)} | {_fmt(cohen_kappa(s1, s2))} | {sum(v1)} / {sum(v2)} |")


def _other(field: str, prs: list[tuple[int, dict, dict]]) -> str:
    a, b = [f[field] for _, f, _ in prs], [s[field] for _, _, s in prs]
    return f"`{field}` agree {_agree(a, b)}, κ {_fmt(cohen_kappa(a, b))}"


def _confusion(prs: list[tuple[int, dict, dict]], field: str, classes: tuple) -> list[str]:
    table = Counter((f[field], s[field]) for _, f, s in prs)
    head = "| first ↓ / second → | " + " | ".join(map(str, classes)) + " |"
    rows = [head, "|---" * (len(classes) + 1) + "|"]
    rows += [f"| {c1} | " + " | ".join(str(table[c1, c2]) for c2 in classes) + " |" for c1 in classes]
    return rows


def report() -> str:
    chunks = chunks_labelled_twice()
    by_chunk = {c: pairs(c) for c in chunks}
    every = [p for c in chunks for p in by_chunk[c]]
    out = ["| set | n | violation agree | violation κ | stance agree | stance κ | violations (1st / 2nd) |",
           "|---|---|---|---|---|---|---|"]
    out += [_row(c, by_chunk[c]) for c in chunks]
    out += [_row(SHORT[src], [p for p in every if p[1]["source_file"] == src]) for src in SOURCES]
    out.append(_row("all", every))
    amb = [p for p in every if p[1]["ambiguous"] or p[2]["ambiguous"]]
    clear = [p for p in every if not (p[1]["ambiguous"] or p[2]["ambiguous"])]
    out += ["", "By the labellers' own doubt (`ambiguous`):", "",
            "| items | n | violation agree | violation κ | stance agree | stance κ | violations (1st / 2nd) |",
            "|---|---|---|---|---|---|---|",
            _row("marked ambiguous by either", amb), _row("marked by neither", clear)]
    out += ["", f"Other fields, all items: {_other('ambiguous', every)} (marked "
                f"{sum(f['ambiguous'] for _, f, _ in every)} / {sum(s['ambiguous'] for _, _, s in every)}); "
                f"{_other('genre', every)}."]
    same = [(f, s) for _, f, s in every if f["stance"] == s["stance"] != "none"]
    out += ["", f"Target: of the {len(same)} items where both labellers took the same side, "
                f"{sum(f['target'] == s['target'] for f, s in same)} name the same target.", ""]
    out += ["Stance, all items (rows: first labeller, columns: second):", ""]
    out += _confusion(every, "stance", STANCES)
    out += ["", "Violation, all items:", ""]
    out += _confusion(every, "violation", (True, False))
    out += ["", "Disagreements by chunk position (`first → second`, stance and target):", ""]
    for c in chunks:
        groups: dict[str, list[int]] = defaultdict(list)
        for pos, f, s in by_chunk[c]:
            if f["stance"] != s["stance"]:
                groups[f"{f['stance']} → {s['stance']}"].append(pos)
            elif f["stance"] != "none" and f["target"] != s["target"]:
                groups["same stance, other target"].append(pos)
        for kind in sorted(groups, key=lambda k: (-len(groups[k]), k)):
            out.append(f"* `{c}` {kind} ({len(groups[kind])}): " + ", ".join(f"#{p}" for p in groups[kind]))
    return "\n".join(out)


if __name__ == "__main__":
    print(report())
