"""Accuracy of "Bolehkah?" on the v2 question set (tests/guidance/questions_v2.yaml, issue 17).

    .venv/bin/python -m tests.guidance.evaluate_v2                      # both halves, figures only
    .venv/bin/python -m tests.guidance.evaluate_v2 --misses             # both halves, with their misses
    .venv/bin/python -m tests.guidance.evaluate_v2 --half tune --misses  # one half's misses

v2 held-out used for tuning from round three; the blind set is v3 (questions_v3.yaml, measured by the lead only).
Misses are listed for both halves: after three readings the held-out half is no longer blind. Each question is
asked as written, without a status parameter: the engine must read the status, or ask for it.

verdict: a question marked needs_status is right when the engine asks (needs_status) and, asked again with each
  status of verdict_by_status, gives that verdict; any other question is right when the engine does not ask and
  gives the expected verdict.
top-1 / top-3: an expected rule is the first / among the first three shown (for needs_status questions, in any of
  the follow-up answers). A question whose rules list is empty (no rule binds this asker) is right when the answer
  rests on no rule and lists no sanction of a rule that does not oblige the asker.
status: the engine settled the status the question states (ASN counts for PNS and PPPK); needs_status questions
  count when the engine asks.
"""

from __future__ import annotations

import argparse
import inspect
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from tests.guidance.evaluate import half_of

QUESTIONS = Path(__file__).resolve().parent / "questions_v2.yaml"
STATUS = {"pns": "pns", "pppk": "pppk", "honorer": "non_asn", "pensiunan": "retired", "kepala_desa": "village_head",
          "perangkat_desa": "village_official", "bpd": "bpd", "tni_polri": "tni_polri", "pasangan_asn": "asn_spouse",
          "warga": "citizen"}
# For an engine older than issue 17 (the baseline), which only knew these subjects.
OLD_SUBJECT = {"retired": "citizen", "asn_spouse": "citizen", "bpd": "village_official"}


def load(path: Path = QUESTIONS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["questions"]


@dataclass
class Outcome:
    item: dict
    verdict_ok: bool
    top1: bool
    top3: bool
    status_ok: bool
    got: list[str] = field(default_factory=list)


def _ask(engine, question: str, when, status: str | None):
    if status is None:
        return engine.answer(question, when=when)
    if "status" in inspect.signature(engine.answer).parameters:
        return engine.answer(question, when=when, status=status)
    return engine.answer(question, when=when, subject=OLD_SUBJECT.get(status, status))


def _rules_ok(answer, expected: list[str], status: str | None) -> tuple[bool, bool]:
    ids = [m.rule.id for m in answer.matches]
    if expected:
        return bool(ids) and ids[0] in expected, any(r in expected for r in ids[:3])
    foreign = [r for r in answer.primary if status is None or getattr(r, "addressees", ()) or
               not _obliges(r, status)]
    return not foreign, not foreign


def _obliges(rule, status: str) -> bool:
    try:
        from netra.guidance.status import obliges
    except ImportError:  # the baseline engine, before statuses: a rule binds the subjects it lists
        return status in {s.value for s in rule.subjects}
    return obliges(rule, status)


def run(items: list[dict], engine=None) -> list[Outcome]:
    from netra.guidance import default_engine

    engine = engine or default_engine()
    out: list[Outcome] = []
    from netra.guidance import GuidanceError

    for item in items:
        when = date.fromisoformat(str(item["when"])) if item.get("when") else None
        try:
            outcome = _judge(engine, item, when)
        except GuidanceError as exc:  # refused (e.g. not recognised as Indonesian): wrong on every count
            outcome = Outcome(item, False, False, False, False, [f"refused: {exc.code}"])
        out.append(outcome)
    return out


def _judge(engine, item: dict, when) -> Outcome:
    first = _ask(engine, item["q"], when, None)
    asked = bool(getattr(first, "needs_status", False))
    if item["needs_status"]:
        follow = {s: _ask(engine, item["q"], when, STATUS[s]) for s in item.get("verdict_by_status") or {}}
        verdict_ok = asked and all(follow[s].verdict.value == v for s, v in item["verdict_by_status"].items())
        hits = [_rules_ok(a, item["rules"], STATUS[s]) for s, a in follow.items()] or [(False, False)]
        top1, top3 = any(h[0] for h in hits), any(h[1] for h in hits)
        status_ok = asked
        got = [f"{s}:{a.verdict.value}" for s, a in follow.items()]
    else:
        status = STATUS.get(item["status"]) if item["status"] else None
        verdict_ok = not asked and first.verdict.value == item["verdict"]
        top1, top3 = _rules_ok(first, item["rules"], status)
        seen = getattr(first, "subject", None)
        status_ok = not asked and (seen == status or status in ("pns", "pppk") and seen == "asn"
                                   or status is None)
        got = [first.verdict.value, str(seen), *[m.rule.id for m in first.matches[:3]]]
    return Outcome(item, verdict_ok, top1, top3, status_ok, got)


def line(name: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes) or 1
    share = lambda attr: sum(getattr(o, attr) for o in outcomes) / n  # noqa: E731
    return (f"{name:9s} n={len(outcomes):3d}  verdict {share('verdict_ok'):6.1%}  top-1 {share('top1'):6.1%}  "
            f"top-3 {share('top3'):6.1%}  status {share('status_ok'):6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=["tune", "held_out", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the misses of the halves run")
    args = parser.parse_args()
    items = load()
    halves = ["tune", "held_out"] if args.half == "all" else [args.half]
    for half in halves:
        outcomes = run([q for q in items if half_of(q["id"]) == half])
        print(line(half, outcomes))
        if args.misses:
            for o in outcomes:
                if not (o.verdict_ok and o.top3 and o.status_ok):
                    print(miss_line(o))


def miss_line(o: Outcome) -> str:
    exp = o.item.get("verdict") or o.item.get("verdict_by_status")
    return (f"    {o.item['id']} {o.item['q']!r} status={o.item['status']} needs={o.item['needs_status']}"
            f"\n        expected {exp} {o.item['rules']}  got {o.got}"
            f"  [{'V' if o.verdict_ok else 'v'}{'3' if o.top3 else '-'}{'S' if o.status_ok else 's'}]")


if __name__ == "__main__":
    main()
