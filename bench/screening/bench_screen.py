"""Benchmark: posts per CPU-second and peak memory of `netra screen` on real posts, beside plain-loop baselines.

    .venv/bin/python bench/screening/bench_screen.py --n 50000

Builds an input file of N posts by cycling the real tweets in ../shared/data/pilpres2024_tweets.jsonl (read at
bench time into a temporary folder, never copied into the repository), then runs, each in its own subprocess so
peak memory (ru_maxrss) is that run's alone, all in the same invocation:

* ``baseline: 20 regexes``: a plain Python loop that parses the JSON Lines, tries 20 compiled campaign regexes
  (``CAMPAIGN_PATTERNS``) one after the other and writes JSON Lines (issue 11's speed baseline);
* ``baseline: 1 combined re``: the same loop with the 20 patterns as one alternation (one search per post);
* ``netra (all authors ASN)``: the full file pipeline of ``netra.screening.runner.run`` (read, validate, screen,
  write), single process, every author marked ASN, so every post goes through the actor rule, the model, the
  stance and evidence building;
* ``netra (authors unknown)``: the same with no author (the normal monitoring case).

Target (issue 11): the ASN run at least as many posts per CPU-second as the 20-regex loop, peak memory < 1 GiB.
Exit 1 if missed.
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

# Twenty campaign patterns a careful engineer would write by hand (calls to vote, ballot numbers, finger signs,
# campaign hashtags, praise and attack words, campaign teams): the plain-loop baseline of issue 11.
CAMPAIGN_PATTERNS = [
    r"\b(?:coblos|nyoblos|pilih|memilih|contreng)\b",
    r"\b(?:nomor|nomer|no)\.?\s*(?:urut\s*)?0?[1-9]\b",
    r"\b0[1-9]\b",
    r"\bpaslon\b|\bpasangan calon\b",
    r"\bsalam\s*(?:satu|dua|tiga|empat|[1-4])\s*jari\b",
    "[\u261d\u270c\U0001f446\U0001f91f\U0001f44c]",
    r"#\w*(?:menang|2024|pilih|coblos|presiden|gubernur|bupati)\w*",
    r"\b(?:menangkan|memenangkan|kemenangan|menang)\b",
    r"\b(?:dukung|mendukung|dukungan|pendukung)\b",
    r"\b(?:kampanye|berkampanye|kampanyekan)\b",
    r"\b(?:capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|caleg)\b",
    r"\b(?:relawan|timses|tim sukses|tim pemenangan)\b",
    r"\b(?:terbaik|hebat|keren|mantap|luar biasa)\b",
    r"\b(?:bohong|pembohong|curang|korup|koruptor|bodoh|dungu)\b",
    r"\b(?:jangan pilih|asal bukan|ganti presiden)\b",
    r"\b(?:satu putaran|1 putaran|lanjutkan)\b",
    r"\b(?:prabowo|gibran|anies|muhaimin|ganjar|mahfud)\b",
    r"\b(?:amin|pragib|gamah)\b",
    r"\b(?:partai|parpol|koalisi)\b",
    r"\b(?:pilpres|pilkada|pemilu|pileg)\b",
]

BASELINE_CHILD = r"""
import json, re, resource, sys, time
patterns = json.loads(sys.argv[3])
combined = sys.argv[4] == "combined"
if combined:  # one alternation, one search per post
    rules = [("campaign", re.compile("|".join("(?:" + p + ")" for p in patterns), re.IGNORECASE))]
else:
    rules = [(f"p{i}", re.compile(p, re.IGNORECASE)) for i, p in enumerate(patterns)]
t0 = time.perf_counter(); r0 = resource.getrusage(resource.RUSAGE_SELF)
n = flagged = 0
with open(sys.argv[1], encoding="utf-8") as fh, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in fh:
        rec = json.loads(line)
        text = rec["text"]
        hits = [rid for rid, rx in rules if rx.search(text)]
        flagged += bool(hits)
        out.write(json.dumps({"id": rec["id"], "violation": bool(hits), "rules": hits}, ensure_ascii=False) + "\n")
        n += 1
wall = time.perf_counter() - t0; r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(json.dumps({"n": n, "violations": flagged, "patterns": len(rules), "wall": wall, "cpu": cpu,
                  "maxrss_kb": r1.ru_maxrss}))
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
    ap.add_argument("--no-unknown-pass", action="store_true", help="skip the run with the authors unknown")
    args = ap.parse_args()
    print(f"building {args.n} posts from {shared_tweets()} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="netra-bench-") as tmp:
        tmp = Path(tmp)
        src = tmp / "posts.jsonl"
        build_input(args.n, src, asn=False)
        patterns = json.dumps(CAMPAIGN_PATTERNS)
        src_asn = tmp / "posts_asn.jsonl"
        build_input(args.n, src_asn, asn=True)
        # the baselines read the ASN-marked file too: the same bytes to parse as the netra run they are held to
        base = child(BASELINE_CHILD, str(src_asn), str(tmp / "baseline.jsonl"), patterns, "loop")
        combined = child(BASELINE_CHILD, str(src_asn), str(tmp / "combined.jsonl"), patterns, "combined")
        runs = [("baseline: 20 regexes", base), ("baseline: 1 combined re", combined)]
        runs.append(("netra (all authors ASN)", child(NETRA_CHILD, str(src_asn), str(tmp / "netra_asn.jsonl"))))
        if not args.no_unknown_pass:
            build_input(args.n, src, asn=False)
            runs.append(("netra (authors unknown)", child(NETRA_CHILD, str(src), str(tmp / "netra.jsonl"))))
    print(f"cpu: {os.cpu_count()} logical; python {sys.version.split()[0]}; baseline patterns: "
          f"{len(CAMPAIGN_PATTERNS)} compiled campaign regexes, tried one after the other / as one alternation")
    for name, r in runs:
        print(line(name, r))
    base_rate = base["n"] / base["cpu"]
    combined_rate = combined["n"] / combined["cpu"]
    ok = True
    for name, r in runs[2:]:
        rate = r["n"] / r["cpu"]
        mem = r["maxrss_kb"] * 1024
        print(f"{name}: {rate / base_rate:.2f}x the 20-regex loop's posts per CPU-second (target >= 1.00: "
              f"{'ok' if rate >= base_rate else 'MISSED'}), {rate / combined_rate:.2f}x the combined regex's; "
              f"peak < 1 GiB: {'ok' if mem < TARGET_MEM else 'MISSED'}")
        if name.endswith("unknown)") and r.get("violations") is not None:
            print(f"  flagged {r['violations']} of {r['n']} (authors unknown: only texts naming a bound actor can be)")
        if name.endswith("ASN)"):
            print(f"  flagged {r['violations']} of {r['n']} (read as if every author were ASN)")
        if name.endswith("ASN)"):
            ok = ok and rate >= base_rate and mem < TARGET_MEM
        ok = ok and mem < TARGET_MEM
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
