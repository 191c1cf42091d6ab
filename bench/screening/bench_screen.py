"""Benchmark: posts per second per core and peak memory of `netra screen` on real posts, against a plain-`re` baseline.

    .venv/bin/python bench/screening/bench_screen.py --n 100000

Builds an input file of N posts by cycling the real tweets in ../shared/data/pilpres2024_tweets.jsonl (read at
bench time into a temporary folder, never copied into the repository), then runs, each in its own subprocess so
peak memory (ru_maxrss) is that run's alone:

* ``netra``: the full file pipeline (read JSONL, validate, screen, write JSONL) of ``netra.screening.runner.run``,
  single process, once with the authors unknown (``is_asn`` absent: the common case) and once with every author
  marked ASN (``--asn-pass``; every post then goes through the actor rule, the model and evidence building);
* ``baseline``: the same read/parse/write loop with, per post, a plain loop of Python ``re.search`` over one
  compiled pattern per rulebook rule (the rule's keywords, word-bounded, case-insensitive) — the naive way to
  apply "the same rule patterns".

Reports posts/s (wall and per CPU-second), peak RSS, and the ratio netra/baseline. Exit 1 if the netra run misses
the targets (>= 10,000 posts/s per core, < 1 GiB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET_RATE = 10_000
TARGET_MEM = 1 << 30


def shared_tweets() -> Path:
    for cand in (REPO.parent / "shared" / "data", Path("/work/shared/data")):
        p = cand / "pilpres2024_tweets.jsonl"
        if p.is_file():
            return p
    sys.exit("pilpres2024_tweets.jsonl not found in ../shared/data or /work/shared/data")


def build_input(n: int, dest: Path, asn: bool) -> None:
    with open(shared_tweets(), encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    author = {"is_asn": True, "role": None} if asn else None
    with open(dest, "w", encoding="utf-8") as out:
        for i in range(n):
            rec = {"id": f"b{i}", "text": texts[i % len(texts)]}
            if author:
                rec["author"] = author
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


NETRA_CHILD = r"""
import json, resource, sys, time
from netra.screening.engine import default_screener
from netra.screening.runner import run
screener = default_screener()
screener.screen({"id": "warm", "text": "coblos no 2"})
t0 = time.perf_counter(); r0 = resource.getrusage(resource.RUSAGE_SELF)
summary = run(sys.argv[1], sys.argv[2], screener=screener)
wall = time.perf_counter() - t0; r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(json.dumps({"n": summary.screened, "violations": summary.violations, "errors": summary.errors,
                  "wall": wall, "cpu": cpu, "maxrss_kb": r1.ru_maxrss}))
"""

BASELINE_CHILD = r"""
import json, re, resource, sys, time
from netra.rulebook import load_rulebook
rules = [(r.id, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in r.keywords) + r")(?!\w)", re.IGNORECASE))
         for r in load_rulebook().rules]
t0 = time.perf_counter(); r0 = resource.getrusage(resource.RUSAGE_SELF)
n = 0
with open(sys.argv[1], encoding="utf-8") as fh, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in fh:
        rec = json.loads(line)
        text = rec["text"]
        hits = [rid for rid, rx in rules if rx.search(text)]
        out.write(json.dumps({"id": rec["id"], "rules": hits}, ensure_ascii=False) + "\n")
        n += 1
wall = time.perf_counter() - t0; r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(json.dumps({"n": n, "patterns": len(rules), "wall": wall, "cpu": cpu, "maxrss_kb": r1.ru_maxrss}))
"""


def child(code: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"benchmark child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def line(name: str, r: dict) -> str:
    return (f"{name:<22} {r['n']:>8} posts  {r['n'] / r['wall']:>9,.0f} posts/s  "
            f"{r['n'] / max(r['cpu'], 1e-9):>9,.0f} posts/CPU-s  peak RSS {r['maxrss_kb'] / 1024:>7.1f} MiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="number of posts (default 100000)")
    ap.add_argument("--no-asn-pass", action="store_true", help="skip the run with every author marked ASN")
    args = ap.parse_args()
    print(f"building {args.n} posts from {shared_tweets()} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="netra-bench-") as tmp:
        tmp = Path(tmp)
        src = tmp / "posts.jsonl"
        build_input(args.n, src, asn=False)
        base = child(BASELINE_CHILD, str(src), str(tmp / "baseline.jsonl"))
        ours = child(NETRA_CHILD, str(src), str(tmp / "netra.jsonl"))
        runs = [("baseline (re loop)", base), ("netra (authors unknown)", ours)]
        if not args.no_asn_pass:
            src_asn = tmp / "posts_asn.jsonl"
            build_input(args.n, src_asn, asn=True)
            ours_asn = child(NETRA_CHILD, str(src_asn), str(tmp / "netra_asn.jsonl"))
            runs.append(("netra (all authors ASN)", ours_asn))
    print(f"cpu: {os.cpu_count()} logical; python {sys.version.split()[0]}; baseline patterns: {base['patterns']} "
          "(one per rulebook rule)")
    for name, r in runs:
        print(line(name, r))
    base_rate = base["n"] / base["cpu"]
    ok = True
    for name, r in runs[1:]:
        rate = r["n"] / r["cpu"]
        mem = r["maxrss_kb"] * 1024
        print(f"{name}: {rate / base_rate:.2f}x the baseline's posts per CPU-second; "
              f"target >= {TARGET_RATE:,}/s per core: {'ok' if rate >= TARGET_RATE else 'MISSED'}; "
              f"peak < 1 GiB: {'ok' if mem < TARGET_MEM else 'MISSED'}")
        if name.endswith("unknown)") and r.get("violations") is not None:
            print(f"  flagged {r['violations']} of {r['n']} (authors unknown: only texts naming a bound actor can be)")
        if name.endswith("ASN)"):
            print(f"  flagged {r['violations']} of {r['n']} (read as if every author were ASN)")
        ok = ok and rate >= TARGET_RATE and mem < TARGET_MEM
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
