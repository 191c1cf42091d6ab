"""The screener's measured quality, each figure beside two baselines computed in the same run.

    .venv/bin/python bench/screening/measure.py [--errors N] [--folds 5] [--unknown-sample 120] [--json FILE]
    .venv/bin/python bench/screening/measure.py --blind      # the lead's blind measurement: NOT for tuning

Sets (texts are read from ../shared/data at run time; labels and ids live in tests/data/screening):

* **dev real posts**, read as if an ASN wrote them: the MIT-licensed posts cross-validated by near-duplicate
  group (each scored by a model retrained without its group), the CC BY-NC-SA posts by the model trained on all
  (it never learns from them); overall, by source, and without the items the labeller marked ambiguous;
* the same **by sampling stratum** of the manifest (reply, news_share, hashtag_spam, attack, netral ...);
* **headlines** (inside the dev set): how many are flagged (target: at most 5%);
* **corpus** held-out split (Netra's own fictional items, offline acts included) and its hand-written items;
* **seeds**: the five news articles of ../shared/seeds, as news and as a post, author unknown and ASN;
* **authors unknown**: the packaged screener on the shared tweets (blind items excluded) with no author, the
  normal monitoring case: how many flags, and the hand check of a random sample of them
  (``tests/data/screening/unknown_author_check.jsonl``: is the flag a bound person's own partisan act?).

Baselines, on the same items: ``keyword regex`` (one regex over the screener's own support, against, praise,
attack and mockery phrases and every written ballot number or finger sign) and ``names a candidate`` (flag
every post naming a candidate of the contests in the data).

``--blind`` scores the blind split once with the packaged model and the same baselines. It is the only code path
that opens the blind labels; the screening engineer never runs it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from lab.screening import evaluate, realdata, training  # noqa: E402
from lab.screening.evaluate import Metrics  # noqa: E402

CHECK_FILE = REPO / "tests" / "data" / "screening" / "unknown_author_check.jsonl"
SAMPLE_SEED = 20261207


def line(label: str, m: Metrics) -> str:
    flagged = m.tp + m.fp
    return (f"{label:<40} n={m.n:<5} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}  "
            f"family {m.family_accuracy:.3f}  flagged {flagged:<5} tp {m.tp} fp {m.fp} fn {m.fn} tn {m.tn}")


def block(title: str, records: list[dict], results: dict, rx_keywords, rx_names, out: dict) -> None:
    m = Metrics()
    for r in records:
        m.add(r, results[r["id"]])
    print(line(title, m))
    kw = evaluate.evaluate_regex(rx_keywords, records)
    nm = evaluate.evaluate_regex(rx_names, records)
    print(line("  baseline: keyword regex", kw))
    print(line("  baseline: names a candidate", nm))
    out[title] = {"netra": m.to_dict(), "keyword_regex": kw.to_dict(), "names_a_candidate": nm.to_dict()}


def by_stratum(split: str, records: list[dict], results: dict, rx_keywords, rx_names, out: dict) -> None:
    """The same figures per sampling stratum of the manifest (replies, news shares, hashtag spam, attacks ...):
    where the screener and the baselines differ. Items outside the manifest (the 450 relabelled) are "-"."""
    print(f"\n{split.upper()} by sampling stratum (tests/data/screening/stance/sample.jsonl)")
    for stratum in sorted({r.get("stratum") or "-" for r in records}):
        block(f"{split}: stratum {stratum}", [r for r in records if (r.get("stratum") or "-") == stratum], results,
              rx_keywords, rx_names, out)


def show_errors(records: list[dict], results: dict, n: int) -> None:
    shown = 0
    for r in records:
        res = results[r["id"]]
        if bool(res.violation) != bool(r["violation"]) and shown < n:
            shown += 1
            print(f"    [{'FP' if res.violation else 'FN'} {res.score:.2f}] {r['id']} {r.get('stance')}: "
                  f"{r['text'][:160]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified dev items per set")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--unknown-sample", type=int, default=120, help="size of the random sample of unknown-author "
                                                                    "flags to print for the hand check")
    ap.add_argument("--print-sample", action="store_true", help="print the sampled flags' texts (for checking)")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    ap.add_argument("--blind", action="store_true", help="score the blind split (the lead's one-off measurement)")
    ap.add_argument("--unknown-only", action="store_true", help="only the authors-unknown part (no retraining)")
    args = ap.parse_args()

    from netra.screening import default_screener

    shared = realdata.shared_dir()
    if shared is None:
        print("../shared/data not found: nothing to measure", file=sys.stderr)
        return 1
    screener = default_screener()
    lexicon_rx = evaluate.keyword_regex(screener.lexicon)
    names_rx = evaluate.names_regex(w for side in screener.names.sides for w in side.names)
    out: dict = {}

    if args.blind:
        items = realdata.blind_labelled(shared, confirm=realdata.BLIND_CONFIRM)
        _, results = evaluate.evaluate_real(screener, items)
        print(f"BLIND split ({len(items)} items), packaged model, read as if the author were ASN")
        block("blind: all", items, results, lexicon_rx, names_rx, out)
        for source in sorted({r["source_file"] for r in items}):
            block(f"blind: {source}", [r for r in items if r["source_file"] == source], results, lexicon_rx,
                  names_rx, out)
        block("blind: not ambiguous", [r for r in items if not r.get("ambiguous")], results, lexicon_rx, names_rx, out)
        by_stratum("blind", items, results, lexicon_rx, names_rx, out)
        _write(args.json, out)
        return 0

    if args.unknown_only:
        unknown_author(screener, shared, args, out)
        _write(args.json, out)
        return 0
    print("training the cross-validation models ...", file=sys.stderr, flush=True)
    data = training.build_training_data(analyzer=screener.analyzer)
    figures = evaluate.dev_figures(data, final=screener.model, k=args.folds)
    results = figures["_results"]
    real = data.real
    print(f"DEV real posts ({len(real)}), read as if the author were ASN; MIT posts cross-validated "
          f"({args.folds} folds by near-duplicate group), CC BY-NC-SA posts scored by the model trained on all")
    block("dev: all", real, results, lexicon_rx, names_rx, out)
    for source in sorted({r["source_file"] for r in real}):
        subset = [r for r in real if r["source_file"] == source]
        block(f"dev: {source}", subset, results, lexicon_rx, names_rx, out)
        show_errors(subset, results, args.errors)
    block("dev: not ambiguous", [r for r in real if not r["ambiguous"]], results, lexicon_rx, names_rx, out)
    by_stratum("dev", real, results, lexicon_rx, names_rx, out)
    headlines = [r for r in real if r["source_file"] == realdata.HEADLINES]
    flagged = sum(1 for r in headlines if results[r["id"]].violation)
    print(f"headlines flagged: {flagged} of {len(headlines)} ({flagged / max(1, len(headlines)):.1%}; target <= 5%)")
    out["headlines_flagged"] = {"flagged": flagged, "n": len(headlines)}

    corpus_results = {r["id"]: screener.screen({k: r[k] for k in evaluate.FIELDS if k in r})
                      for r in data.corpus_held}
    print(f"\nCORPUS held-out split ({len(data.corpus_held)} items: Netra's own, never trained on)")
    block("corpus: all", data.corpus_held, corpus_results, lexicon_rx, names_rx, out)
    block("corpus: hand-written", [r for r in data.corpus_held if r.get("origin") == "hand"], corpus_results,
          lexicon_rx, names_rx, out)

    seeds = realdata.shared_dir().parent / "seeds"
    if seeds.is_dir():
        flagged, scores = 0, []
        for p in sorted(seeds.glob("0*.txt")):
            text = p.read_text(encoding="utf-8")
            for source in ("news", "post"):
                for is_asn in (None, True):
                    r = screener.screen({"id": p.name, "text": text, "source": source, "author": {"is_asn": is_asn}})
                    flagged += r.violation
                    scores.append(r.score)
        print(f"\nseeds: {flagged} of {len(scores)} screenings flagged (target 0); scores "
              f"{min(scores):.3f}-{max(scores):.3f}")
        out["seeds"] = {"flagged": flagged, "screenings": len(scores)}

    unknown_author(screener, shared, args, out)
    _write(args.json, out)
    return 0


def unknown_author(screener, shared: Path, args, out: dict) -> None:
    """The normal monitoring case: authors unknown. Flags on the shared tweets (blind items and their groups left
    out), a seeded random sample of them, and the hand verdicts recorded for that sample."""
    dev = realdata.dev_labelled(shared)
    tweets = [r for r in realdata.unlabelled_pool(shared, exclude={r["id"] for r in dev})
              if r["source_file"] == realdata.TWEETS]
    tweets += [{"id": r["id"], "text": r["text"], "created_at": r.get("created_at")} for r in dev
               if r["source_file"] == realdata.TWEETS]
    flags = []
    for r in tweets:
        res = screener.screen({"id": r["id"], "text": r["text"], "created_at": r.get("created_at")})
        if res.violation:
            flags.append((r, res))
    flags.sort(key=lambda x: x[0]["id"])
    print(f"\nAUTHORS UNKNOWN: {len(flags)} of {len(tweets)} shared tweets flagged (blind split excluded)")
    sample = random.Random(SAMPLE_SEED).sample(flags, min(args.unknown_sample, len(flags)))
    verdicts = {}
    if CHECK_FILE.is_file():
        with open(CHECK_FILE, encoding="utf-8") as fh:
            verdicts = {d["id"]: d for d in map(json.loads, fh) if d}
    checked = [verdicts[r["id"]] for r, _ in sample if r["id"] in verdicts]
    own = sum(1 for v in checked if v["bound_own_act"])
    if checked:
        print(f"hand check of a random sample: {own} of {len(checked)} flags are a bound person's own partisan act "
              f"({own / len(checked):.1%}); verdicts in {CHECK_FILE.relative_to(REPO)}")
    missing = [r["id"] for r, _ in sample if r["id"] not in verdicts]
    if missing:
        print(f"{len(missing)} sampled flag(s) have no hand verdict yet (--print-sample lists them)")
    if args.print_sample:
        for r, res in sample:
            print(f"  {r['id']}\tactor={res.actor.text!r}\t{r['text'][:220]!r}")
    out["authors_unknown"] = {"flagged": len(flags), "tweets": len(tweets), "sample": len(sample),
                              "checked": len(checked), "bound_own_act": own}


def _write(path: Path | None, out: dict) -> None:
    if path is not None:
        path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
