"""How lab/guidance/act_labels.yaml was made (kept for the record; the pattern engine it ran is gone).

The act label of every question of a set: the allowed pattern of round four's engine (main before round five, whose
patterns are today's act types of data/acts.yaml) when that engine answered the question right, "private_photo"
for its private-photo row, else from the expected answer: "neutral" when allowed, "prohibited.<family of the first
expected rule>" otherwise ("prohibited.none" when no rule of the rulebook applies). v1-v3 were labelled with it in
round five before anything else; v4 only after the one v4 measurement, running main's engine from an export:

    git archive main src | tar -x -C /tmp/oldeng
    PYTHONPATH=/tmp/oldeng/src .venv/bin/python lab/guidance/derive_labels.py tests/guidance/questions_v4.yaml

v5 (round six, after its one blind measurement) was labelled the same way with round five's engine (main at the start
of round six, the learned reader); a question that engine refuses as not Indonesian is labelled from its answer:

    .venv/bin/python lab/guidance/derive_labels.py tests/guidance/questions_v5.yaml

v6 (round seven, after its one blind measurement) with round six's engine (main at the start of round seven), the
same command on questions_v6.yaml. Since round seven the reader trains on the hand labels
(act_labels_hand.yaml); these derived labels are the baseline's and fill what the hand labels lack.
"""
import sys
from datetime import date
from pathlib import Path
import yaml
from netra.guidance import GuidanceError, default_engine
from netra.rulebook import load_rulebook

STATUS = {"pns": "pns", "pppk": "pppk", "honorer": "non_asn", "pensiunan": "retired", "kepala_desa": "village_head",
          "perangkat_desa": "village_official", "bpd": "bpd", "tni_polri": "tni_polri", "pasangan_asn": "asn_spouse",
          "warga": "citizen"}
eng = default_engine()
rb = load_rulebook()
out_path = Path("lab/guidance/act_labels.yaml")
labels = yaml.safe_load(out_path.read_text()) if out_path.exists() else {}
labels = labels or {}
for path in sys.argv[1:]:
    items = yaml.safe_load(open(path))["questions"]
    for it in items:
        when = date.fromisoformat(str(it["when"])) if it.get("when") else None
        st = it.get("status")
        status = STATUS.get(st) if st else it.get("subject")
        expected = it.get("verdict")
        if it.get("needs_status"):
            vbs = it.get("verdict_by_status") or {}
            s0 = next(iter(vbs), None)
            status = STATUS[s0] if s0 else None
            expected = vbs.get(s0)
        try:
            a = eng.answer(it["q"], when=when, status=status)
        except GuidanceError:  # not read as Indonesian (a regional language): labelled from the expected answer
            a = None
        fam = None
        if it["rules"]:
            fam = rb[it["rules"][0]].family.value
        if a is not None and a.pattern is not None and a.verdict.value == expected:
            lab = "act." + a.pattern.id
        elif a is not None and a.pattern is None and a.verdict.value == expected \
                and a.reason == eng._l("reasons", "private_photo"):
            lab = "private_photo"
        elif expected == "allowed":
            lab = "neutral"
        elif fam:
            lab = "prohibited." + fam
        else:
            lab = "prohibited.none"
        labels[it["id"]] = lab
out_path.write_text(yaml.safe_dump(labels, sort_keys=True, allow_unicode=True))
from collections import Counter
print(Counter(labels.values()).most_common())
