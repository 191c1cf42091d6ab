"""The "Bolehkah?" engine: a question in everyday Indonesian in, a verdict with ranked rules, reason, sanction and
legal basis out. Offline, no model download: everything is built at load time from the rulebook's own text and
the data files beside this module.

How a question is answered (``GuidanceEngine.answer``):

1. Input checks (``language.py``): empty, over 2,000 characters, English or unrecognised text -> GuidanceError.
2. Folding (``text.py``): slang, informal spelling and synonyms become words and concepts (``data/lexicon.yaml``).
3. Who and when: the subject (parameter, or words such as "honorer", "kades", "bukan ASN") and the stage (a date
   parameter or a date in the question, looked up in the election calendars; or words such as "masa kampanye").
4. Ranking: every rule gets a score from four TF-IDF cosine similarities (scikit-learn, fitted at load time on the
   rulebook: word/concept and character n-gram views of each rule's title, explanation, keywords and forbidden
   examples, and of each forbidden example alone) plus a keyword-concept overlap. Rules that do not apply at the
   known stage, or do not bind the known subject, are pushed down.
5. Verdict: an allowed pattern (``data/allowed.yaml``) that fires decides (allowed or depends, possibly changed for
   the subject or by the election calendar); otherwise a confident rule match means not allowed; a weak match means
   depends, with an honest "no clear rule" reason.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer

from netra.elections import Elections, load_elections
from netra.guidance import stages as stage_lookup
from netra.guidance.language import LanguageCheck
from netra.guidance.model import (
    SUBJECT_CHOICES,
    Answer,
    Citation,
    Evidence,
    GuidanceDataError,
    GuidanceError,
    Pattern,
    RuleMatch,
    StageInfo,
    SubjectOverride,
    Verdict,
    Window,
)
from netra.guidance.text import Analysis, Lexicon
from netra.rulebook import LocalizedText, Period, Rule, Rulebook, load_rulebook

DATA_DIR = Path(__file__).resolve().parent / "data"

# Concepts that say who or where, not what was done: they do not count as act evidence.
CONTEXT_CONCEPTS = frozenset({
    "asn", "pns", "pppk", "non_asn", "village_head", "village_official", "tni_polri", "citizen", "teacher",
    "official", "staff", "elections", "family", "choose", "window_phrase",
})
SUBJECT_ORDER = ("citizen", "village_head", "village_official", "tni_polri", "non_asn", "pppk", "pns")
PILKADA_WORDS = frozenset({"pilkada", "calongubernur", "calonbupati", "calonwalikota", "bupati", "gubernur",
                           "walikota", "pilgub", "pilbup", "pilwalkot", "cabup", "cagub", "cawalkot"})
PEMILU_WORDS = frozenset({"pemilu", "pilpres", "pileg", "calonpresiden", "calonlegislatif", "presiden", "dpr",
                          "dprd", "dpd", "capres", "caleg"})


@dataclass(frozen=True)
class Weights:
    """Scoring weights. Tuned on the "tune" half of tests/guidance/questions.yaml only."""

    doc_word: float = 1.0
    doc_char: float = 0.6
    example_word: float = 0.8
    example_char: float = 0.5
    keyword: float = 0.9
    stage_mismatch: float = 0.55  # multiplier for rules that do not apply at the known stage
    subject_mismatch: float = 0.6  # multiplier for rules that do not bind the known subject
    pppk_mismatch: float = 0.85  # milder for PPPK: PP 94/2021 binds PNS, but PPPK face the same SKB acts
    subject_promotion: float = 0.7  # a rule binding a village head or TNI/Polri must score this share of the top
    precandidate: float = 1.12  # "bakal calon": rules before candidates are set first
    min_score: float = 0.55  # below this the top match is not trusted (verdict depends, "no clear rule")


class GuidanceEngine:
    def __init__(
        self,
        rulebook: Rulebook,
        elections: Elections | None = None,
        *,
        lexicon: Lexicon | None = None,
        patterns: Sequence[Pattern] | None = None,
        messages: dict | None = None,
        weights: Weights | None = None,
    ):
        self.rulebook = rulebook
        self.elections = elections if elections is not None else load_elections()
        self.lexicon = lexicon or Lexicon.load()
        self.messages = messages or _read_yaml(DATA_DIR / "messages.yaml")
        self.patterns = tuple(patterns) if patterns is not None else load_patterns(
            DATA_DIR / "allowed.yaml", rulebook=rulebook, lexicon=self.lexicon)
        self.weights = weights or Weights()
        self.rules: tuple[Rule, ...] = tuple(rulebook.rules)
        self._build_index()
        rule_words: set[str] = set()
        for analysis in self._rule_analyses:
            rule_words.update(analysis.words)
        self.language = LanguageCheck.build(self.messages, extra_indonesian=self.lexicon.known_words | rule_words)

    # --- index ----------------------------------------------------------------------------------------------------
    def _build_index(self) -> None:
        lex = self.lexicon
        docs: list[Analysis] = []
        keyword_concepts: list[frozenset[str]] = []
        for rule in self.rules:
            keywords = " . ".join(rule.keywords)
            parts = [rule.title.id, rule.explanation.id, keywords, keywords,
                     *(e.text for e in rule.examples.forbidden)]
            docs.append(lex.analyse(" . ".join(parts)))
            kw = lex.analyse(keywords + " . " + rule.title.id).concepts - CONTEXT_CONCEPTS
            keyword_concepts.append(frozenset(kw))
        self._rule_analyses = docs
        self._keyword_concepts = keyword_concepts
        # how specific a concept is: rare across rules' keywords = informative
        n = len(self.rules)
        df: dict[str, int] = {}
        for kw in keyword_concepts:
            for c in kw:
                df[c] = df.get(c, 0) + 1
        self._concept_idf = {c: math.log((1 + n) / (1 + d)) + 1.0 for c, d in df.items()}

        self._forbidden: list[tuple[int, Analysis, str]] = []
        self._allowed: list[tuple[int, Analysis, str, str | None]] = []
        for i, rule in enumerate(self.rules):
            for e in rule.examples.forbidden:
                self._forbidden.append((i, lex.analyse(e.text), e.text))
            for e in rule.examples.allowed:
                self._allowed.append((i, lex.analyse(e.text), e.text, e.why))

        corpus = [a.tokens for a in docs] + [a.tokens for _, a, _ in self._forbidden] + [a.tokens for _, a, _, _ in self._allowed]
        self._word = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False)
        self._word.fit(corpus)
        texts = [" ".join(t) for t in corpus]
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)
        self._char.fit(texts)

        self._doc_w = self._word.transform([a.tokens for a in docs])
        self._doc_c = self._char.transform([" ".join(a.tokens) for a in docs])
        self._ex_rule = np.array([i for i, _, _ in self._forbidden])
        self._ex_w = self._word.transform([a.tokens for _, a, _ in self._forbidden])
        self._ex_c = self._char.transform([" ".join(a.tokens) for _, a, _ in self._forbidden])
        self._al_rule = np.array([i for i, _, _, _ in self._allowed])
        self._al_w = self._word.transform([a.tokens for _, a, _, _ in self._allowed])
        self._al_c = self._char.transform([" ".join(a.tokens) for _, a, _, _ in self._allowed])

    # --- public -----------------------------------------------------------------------------------------------------
    def answer(
        self,
        question: str,
        *,
        when: date | None = None,
        subject: str | None = None,
        election: str | None = None,
    ) -> Answer:
        """Answer `question`. Optional: `when` (the day of the act), `subject` (pns, pppk, non_asn, village_head,
        village_official, tni_polri, citizen) and `election` (an election id such as pilkada2024).

        Raises GuidanceError (Indonesian message) for empty, over-long or non-Indonesian questions and for unknown
        subject or election values.
        """
        analysis = self.lexicon.analyse(question) if isinstance(question, str) else None
        text = self.language.check(question, analysis.words if analysis else None)
        subject = self._check_subject(subject)
        if election is not None and election not in self.elections:
            choices = ", ".join(e.id for e in self.elections)
            raise self._error("bad_election", value=election, choices=choices)
        assert analysis is not None
        concepts = analysis.concepts

        # who
        subject_source = "parameter" if subject else None
        if subject is None:
            subject = next((s for s in SUBJECT_ORDER if s in concepts), None)
            subject_source = "question" if subject else None

        # when
        stage = self._stage(text, analysis, when, election)

        # rank
        scores = self._scores(analysis, stage, subject)
        order = sorted(range(len(self.rules)), key=lambda i: -scores[i])
        matches = [self._match(i, scores[i], stage, subject) for i in order]

        pattern = self._pattern(concepts)
        if pattern is not None:
            return self._pattern_answer(text, analysis, pattern, matches, stage, subject, subject_source)
        return self._rule_answer(text, analysis, matches, stage, subject, subject_source)

    # --- pieces -----------------------------------------------------------------------------------------------------
    def _error(self, code: str, **values) -> GuidanceError:
        msg = self.messages["errors"][code]
        return GuidanceError(code, msg["id"].format(**values), msg["en"].format(**values))

    def _check_subject(self, subject: str | None) -> str | None:
        if subject is None or subject == "":
            return None
        value = str(subject).strip().lower()
        if value in ("warga", "masyarakat"):
            value = "citizen"
        if value not in SUBJECT_CHOICES:
            raise self._error("bad_subject", value=subject, choices=", ".join(SUBJECT_CHOICES))
        return value

    def _stage(self, text: str, analysis: Analysis, when: date | None, election_id: str | None) -> StageInfo | None:
        day = when
        if day is None:
            found = stage_lookup.dates_in(text)
            day = found[0] if found else None
        if day is not None:
            if election_id:
                election = self.elections[election_id]
            else:
                words = set(analysis.words)
                hint = "pilkada" if words & PILKADA_WORDS else "pemilu" if words & PEMILU_WORDS else None
                election = stage_lookup.pick_election(self.elections, day, hint)
            if election is not None:
                return stage_lookup.stage_on(election, day)
        phrase = stage_lookup.phrase_stage(" ".join(analysis.words))
        if phrase is not None:
            cs, ic, fact = phrase
            return StageInfo(source="phrase", candidates_set=cs, in_campaign=ic, stage_id=fact)
        return None

    def _scores(self, analysis: Analysis, stage: StageInfo | None, subject: str | None) -> np.ndarray:
        w = self.weights
        qw = self._word.transform([analysis.tokens])
        qc = self._char.transform([" ".join(analysis.tokens)])
        doc = w.doc_word * (self._doc_w @ qw.T).toarray().ravel() + w.doc_char * (self._doc_c @ qc.T).toarray().ravel()
        ex_all = w.example_word * (self._ex_w @ qw.T).toarray().ravel() + w.example_char * (self._ex_c @ qc.T).toarray().ravel()
        ex = np.zeros(len(self.rules))
        np.maximum.at(ex, self._ex_rule, ex_all)
        acts = analysis.concepts - CONTEXT_CONCEPTS
        total = sum(self._concept_idf.get(c, 1.0) for c in acts) or 1.0
        kw = np.array([sum(self._concept_idf.get(c, 1.0) for c in acts & k) / total for k in self._keyword_concepts])
        scores = doc + ex + w.keyword * kw
        if "precandidate" in analysis.concepts and "candidate" not in analysis.concepts:
            for i, rule in enumerate(self.rules):
                if rule.period is Period.BEFORE_CANDIDATES_SET:
                    scores[i] *= w.precandidate
        for i, rule in enumerate(self.rules):
            if stage is not None and _applies(rule.period, stage) is False:
                scores[i] *= w.stage_mismatch
            if subject in ("pns", "pppk", "village_head", "village_official", "tni_polri") and not rule.binds(subject):
                scores[i] *= w.pppk_mismatch if subject == "pppk" else w.subject_mismatch
        return scores

    def _match(self, i: int, score: float, stage: StageInfo | None, subject: str | None) -> RuleMatch:
        rule = self.rules[i]
        binds = rule.binds(subject) if subject in ("pns", "pppk", "village_head", "village_official", "tni_polri") else None
        return RuleMatch(rule=rule, score=float(score), applies=_applies(rule.period, stage) if stage else None,
                         binds_subject=binds)

    def _pattern(self, concepts: frozenset[str]) -> Pattern | None:
        fired = [(len(p.requires), -n, p) for n, p in enumerate(self.patterns) if p.matches(concepts)]
        return max(fired, key=lambda t: (t[0], t[1]))[2] if fired else None

    def _evidence(self, analysis: Analysis, rule_ids: Iterable[str], kind: str) -> Evidence | None:
        wanted = {i for i, r in enumerate(self.rules) if r.id in set(rule_ids)}
        if not wanted:
            return None
        qw = self._word.transform([analysis.tokens])
        qc = self._char.transform([" ".join(analysis.tokens)])
        if kind == "allowed":
            sims = (self._al_w @ qw.T).toarray().ravel() + 0.5 * (self._al_c @ qc.T).toarray().ravel()
            best = max((k for k in range(len(self._allowed)) if self._allowed[k][0] in wanted),
                       key=lambda k: sims[k], default=None)
            if best is None:
                return None
            i, _, text, why = self._allowed[best]
            return Evidence(self.rules[i].id, text, why, "allowed")
        sims = (self._ex_w @ qw.T).toarray().ravel() + 0.5 * (self._ex_c @ qc.T).toarray().ravel()
        best = max((k for k in range(len(self._forbidden)) if self._forbidden[k][0] in wanted),
                   key=lambda k: sims[k], default=None)
        if best is None:
            return None
        i, _, text = self._forbidden[best]
        return Evidence(self.rules[i].id, text, None, "forbidden")

    # --- answers -----------------------------------------------------------------------------------------------------
    def _l(self, *path: str, **values) -> LocalizedText:
        node = self.messages
        for key in path:
            node = node[key]
        return LocalizedText(id=node["id"].format(**values), en=node["en"].format(**values))

    def _pattern_answer(self, text, analysis, pattern: Pattern, matches: list[RuleMatch], stage, subject,
                        subject_source) -> Answer:
        related = [m for m in matches if m.rule.id in pattern.rules]
        others = [m for m in matches if m.rule.id not in pattern.rules]
        ranked = tuple(related + others)[:5]
        verdict, reason, basis = pattern.verdict, pattern.reason, pattern.basis
        override = pattern.subjects.get(subject or "")
        if override is not None:
            verdict, reason, basis = override.verdict, override.reason, override.basis
        notes: list[LocalizedText] = []
        primary: tuple[Rule, ...] = ()
        if pattern.window is not None:
            verdict, reason, primary = self._window(pattern, analysis, stage, verdict, reason)
        if verdict is Verdict.DEPENDS and not primary:
            primary = tuple(self.rulebook[r] for r in pattern.rules if r in self.rulebook)[:2]
        if stage is not None:
            notes.append(self._stage_note(stage))
        if any(not c.verified for c in basis):
            notes.append(self._l("notes", "unverified_basis"))
        evidence = self._evidence(analysis, pattern.rules, "allowed" if verdict is Verdict.ALLOWED else "forbidden")
        return Answer(
            question=text, verdict=verdict, matches=ranked, primary=primary, reason=reason, notes=tuple(notes),
            pattern=pattern, basis=basis, caution=pattern.caution if verdict is not Verdict.NOT_ALLOWED or override is None else None,
            evidence=evidence, subject=subject, subject_source=subject_source, stage=stage, confident=True,
            rulebook_version=self.rulebook.version,
        )

    def _window(self, pattern: Pattern, analysis: Analysis, stage: StageInfo | None, verdict: Verdict,
                reason: LocalizedText) -> tuple[Verdict, LocalizedText, tuple[Rule, ...]]:
        window = pattern.window
        assert window is not None
        rule = self.rulebook.get(window.rule)
        primary = (rule,) if rule else ()
        months = stage_lookup.months_before_set(" ".join(analysis.words))
        if months is not None:
            if months <= window.months_before_candidates_set:
                return (Verdict.NOT_ALLOWED, self._l("reasons", "window_inside", months=window.months_before_candidates_set,
                                                    start="-", end="-"), primary)
            return (Verdict.ALLOWED, self._l("reasons", "window_before", months=window.months_before_candidates_set,
                                            start="-"), primary)
        if stage is not None and stage.day is not None and stage.election_id:
            election = self.elections[stage.election_id]
            if election.kind.value == "pilkada":
                set_on = election.candidates_set_on
                start = _months_back(set_on, window.months_before_candidates_set)
                if stage.day < start:
                    return (Verdict.ALLOWED, self._l("reasons", "window_before",
                                                    months=window.months_before_candidates_set, start=start.isoformat()),
                            primary)
                if stage.day < set_on:
                    return (Verdict.NOT_ALLOWED, self._l("reasons", "window_inside",
                                                        months=window.months_before_candidates_set,
                                                        start=start.isoformat(), end=set_on.isoformat()), primary)
                return (Verdict.DEPENDS, self._l("reasons", "window_after", set_on=set_on.isoformat()), primary)
        return verdict, reason, primary

    def _rule_answer(self, text, analysis, matches: list[RuleMatch], stage, subject, subject_source) -> Answer:
        w = self.weights
        top = matches[0]
        notes: list[LocalizedText] = []
        acts = analysis.concepts - CONTEXT_CONCEPTS
        if top.score < w.min_score or not acts and top.score < 2 * w.min_score:
            return Answer(
                question=text, verdict=Verdict.DEPENDS, matches=tuple(matches[:5]), primary=(),
                reason=self._l("reasons", "no_rule"), notes=tuple(notes), subject=subject,
                subject_source=subject_source, stage=stage, confident=False, rulebook_version=self.rulebook.version,
            )
        # subject: village heads, village officials and TNI/Polri are bound by a few statutes only
        if subject in ("village_head", "village_official", "tni_polri") and not top.binds_subject:
            binding = [m for m in matches[:12] if m.binds_subject]
            if binding and binding[0].score >= w.subject_promotion * top.score:
                matches = binding + [m for m in matches if not m.binds_subject]
                top = matches[0]
        primary = self._primary(matches, stage)
        verdict = Verdict.NOT_ALLOWED
        rule = primary[0]
        reason = self._l("reasons", "not_allowed", title=rule.title.id, explanation=rule.explanation.id)
        reason = LocalizedText(id=reason.id, en=self._l("reasons", "not_allowed", title=rule.title.en,
                                                         explanation=rule.explanation.en).en)
        if stage is not None:
            notes.append(self._stage_note(stage))
            if top.applies is False:
                candidates = [m for m in matches[:3] if m.applies]
                if not candidates or candidates[0].score < 0.6 * top.score:
                    verdict = Verdict.DEPENDS
                    reason = self._not_applicable_reason(top.rule, stage)
        if subject in ("village_head", "village_official", "tni_polri") and not top.binds_subject:
            verdict = Verdict.DEPENDS
            reason = self._subject_reason(primary, subject)
        elif subject in ("pppk", "non_asn", "village_head", "village_official", "tni_polri", "citizen"):
            notes.append(self._l("subject_notes", subject))
        if stage is None:
            notes.extend(self._period_notes(primary))
        return Answer(
            question=text, verdict=verdict, matches=tuple(matches[:5]), primary=primary, reason=reason,
            notes=tuple(notes), evidence=self._evidence(analysis, [rule.id], "forbidden"), subject=subject,
            subject_source=subject_source, stage=stage, confident=True, rulebook_version=self.rulebook.version,
        )

    def _primary(self, matches: list[RuleMatch], stage: StageInfo | None) -> tuple[Rule, ...]:
        """The top rule, plus its counterpart for the other side of the candidates-set date when the stage is
        unknown (e.g. the ethics rule before candidates are set and the disciplinary rule after)."""
        top = matches[0].rule
        if stage is not None:
            return (top,)
        for m in matches[1:6]:
            other = m.rule
            if other.family is top.family and (other.id in top.related or top.id in other.related) \
                    and {top.period, other.period} & {Period.BEFORE_CANDIDATES_SET} and top.period is not other.period:
                pair = sorted((top, other), key=lambda r: r.period is not Period.BEFORE_CANDIDATES_SET)
                return (top, other) if pair[0] is top else (top, other)
        return (top,)

    def _stage_note(self, stage: StageInfo) -> LocalizedText:
        if stage.source == "date" and stage.day and stage.election_name and stage.stage_name:
            set_fact = self.messages["notes"]["set_yes" if stage.candidates_set else "set_no"]
            camp = self.messages["notes"]["in_campaign" if stage.in_campaign else "not_in_campaign"]
            return LocalizedText(
                id=self.messages["notes"]["stage_known"]["id"].format(
                    day=stage.day.isoformat(), election=stage.election_name.id, stage=stage.stage_name.id,
                    set_fact=set_fact["id"], campaign_fact=camp["id"]),
                en=self.messages["notes"]["stage_known"]["en"].format(
                    day=stage.day.isoformat(), election=stage.election_name.en, stage=stage.stage_name.en,
                    set_fact=set_fact["en"], campaign_fact=camp["en"]),
            )
        fact = self.messages["stage_facts"].get(stage.stage_id or "", self.messages["stage_facts"]["after_set"])
        return LocalizedText(id=self.messages["notes"]["stage_phrase"]["id"].format(fact=fact["id"]),
                             en=self.messages["notes"]["stage_phrase"]["en"].format(fact=fact["en"]))

    def _period_notes(self, primary: tuple[Rule, ...]) -> list[LocalizedText]:
        if len(primary) == 2:
            before, after = sorted(primary, key=lambda r: r.period is not Period.BEFORE_CANDIDATES_SET)
            return [LocalizedText(
                id=self.messages["notes"]["stage_pair"]["id"].format(
                    before_id=before.id, before_sanction=_sanction_short(before, "id"),
                    after_id=after.id, after_sanction=_sanction_short(after, "id")),
                en=self.messages["notes"]["stage_pair"]["en"].format(
                    before_id=before.id, before_sanction=_sanction_short(before, "en"),
                    after_id=after.id, after_sanction=_sanction_short(after, "en")),
            )]
        rule = primary[0]
        if rule.period is Period.ANY_TIME:
            return []
        period = self.messages["periods"][rule.period.value]
        return [LocalizedText(id=self.messages["notes"]["stage_period"]["id"].format(rule_id=rule.id, period=period["id"]),
                              en=self.messages["notes"]["stage_period"]["en"].format(rule_id=rule.id, period=period["en"]))]

    def _not_applicable_reason(self, rule: Rule, stage: StageInfo) -> LocalizedText:
        facts = self.messages["stage_facts"]
        if stage.in_campaign:
            fact = facts["campaign"]
        elif stage.candidates_set:
            fact = facts["after_set"] if rule.period is not Period.CAMPAIGN else facts["not_campaign"]
        else:
            fact = facts["before_set"]
        period = self.messages["periods"][rule.period.value]
        msg = self.messages["reasons"]["not_applicable"]
        return LocalizedText(
            id=msg["id"].format(rule_id=rule.id, title=rule.title.id, period=period["id"], stage_fact=fact["id"]),
            en=msg["en"].format(rule_id=rule.id, title=rule.title.en, period=period["en"], stage_fact=fact["en"]),
        )

    def _subject_reason(self, primary: tuple[Rule, ...], subject: str) -> LocalizedText:
        subjects = self.messages["subjects"]
        bound_id = ", ".join(sorted({subjects[s.value]["id"] for r in primary for s in r.subjects}))
        bound_en = ", ".join(sorted({subjects[s.value]["en"] for r in primary for s in r.subjects}))
        msg = self.messages["reasons"]["subject_unbound"]
        note = self.messages["subject_notes"][subject]
        ids = ", ".join(r.id for r in primary)
        return LocalizedText(
            id=msg["id"].format(rule_ids=ids, bound=bound_id, subject=subjects[subject]["id"], subject_note=note["id"]),
            en=msg["en"].format(rule_ids=ids, bound=bound_en, subject=subjects[subject]["en"], subject_note=note["en"]),
        )


# --- helpers ---------------------------------------------------------------------------------------------------------
def _identity(tokens):
    return tokens


def _applies(period: Period, stage: StageInfo | None) -> bool | None:
    """Whether a rule with `period` applies at `stage` (None when the stage does not say)."""
    if stage is None:
        return None
    cs, ic = stage.candidates_set, stage.in_campaign
    if period is Period.ANY_TIME:
        return True
    if period is Period.BEFORE_CANDIDATES_SET:
        return None if cs is None else not cs
    if period is Period.AFTER_CANDIDATES_SET:
        return None if cs is None else cs
    if ic is None:
        return False if cs is False else None
    return ic


def _months_back(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 - months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _sanction_short(rule: Rule, lang: str) -> str:
    levels = {
        "id": {"moral_terbuka_atau_tertutup": "sanksi moral", "moral_terbuka": "sanksi moral terbuka",
               "moral_tertutup": "sanksi moral tertutup", "ringan": "hukuman disiplin ringan",
               "sedang": "hukuman disiplin sedang", "berat": "hukuman disiplin berat",
               "ptdh": "pemberhentian tidak dengan hormat", "pidana": "pidana"},
        "en": {"moral_terbuka_atau_tertutup": "moral sanction", "moral_terbuka": "open moral sanction",
               "moral_tertutup": "closed moral sanction", "ringan": "light disciplinary penalty",
               "sedang": "moderate disciplinary penalty", "berat": "severe disciplinary penalty",
               "ptdh": "dishonourable dismissal", "pidana": "criminal penalty"},
    }
    return levels["en" if lang == "en" else "id"][rule.sanction.level.value]


def _read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _localized(raw, where: str) -> LocalizedText:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("en"), str):
        raise GuidanceDataError(f"{where}: expected {{id: ..., en: ...}}")
    return LocalizedText(id=raw["id"].strip(), en=raw["en"].strip())


def _citations(raw, where: str) -> tuple[Citation, ...]:
    if not isinstance(raw, list) or not raw:
        raise GuidanceDataError(f"{where}: expected a non-empty list of {{cite: ..., verified: ...}}")
    out = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("cite"), str):
            raise GuidanceDataError(f"{where}[{n}]: expected {{cite: text}}")
        out.append(Citation(item["cite"].strip(), bool(item.get("verified", True))))
    return tuple(out)


def load_patterns(path: Path, *, rulebook: Rulebook, lexicon: Lexicon) -> tuple[Pattern, ...]:
    """Read and validate data/allowed.yaml: every concept must exist in the lexicon, every rule in the rulebook."""
    raw = _read_yaml(path)
    items = raw.get("patterns")
    if not isinstance(items, list) or not items:
        raise GuidanceDataError(f"{path}: expected a non-empty 'patterns' list")
    seen: set[str] = set()
    out: list[Pattern] = []
    for n, item in enumerate(items):
        where = f"{path}, patterns[{n}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise GuidanceDataError(f"{where}: expected a mapping with an 'id'")
        pid = item["id"]
        where = f"{path}, pattern {pid!r}"
        if pid in seen:
            raise GuidanceDataError(f"{where}: duplicate id")
        seen.add(pid)
        unknown_keys = set(item) - {"id", "verdict", "requires", "excludes", "title", "reason", "caution", "rules",
                                    "basis", "subjects", "window"}
        if unknown_keys:
            raise GuidanceDataError(f"{where}: unknown field(s) {sorted(unknown_keys)}")
        try:
            verdict = Verdict(item.get("verdict", "allowed"))
        except ValueError:
            raise GuidanceDataError(f"{where}: verdict must be allowed, not_allowed or depends") from None
        requires_raw = item.get("requires")
        if not isinstance(requires_raw, list) or not requires_raw or not all(isinstance(g, list) and g for g in requires_raw):
            raise GuidanceDataError(f"{where}: 'requires' must be a non-empty list of non-empty concept lists")
        requires = tuple(frozenset(str(c) for c in g) for g in requires_raw)
        excludes = frozenset(str(c) for c in item.get("excludes") or ())
        for c in set().union(*requires) | excludes:
            if c not in lexicon.concept_names:
                raise GuidanceDataError(f"{where}: unknown concept {c!r} (define it in lexicon.yaml)")
        rules = tuple(str(r) for r in item.get("rules") or ())
        for r in rules:
            if r not in rulebook:
                raise GuidanceDataError(f"{where}: unknown rule id {r!r}")
        subjects: dict[str, SubjectOverride] = {}
        for subject, ov in (item.get("subjects") or {}).items():
            if subject not in SUBJECT_CHOICES:
                raise GuidanceDataError(f"{where}: unknown subject {subject!r}")
            subjects[subject] = SubjectOverride(
                verdict=Verdict(ov.get("verdict", verdict.value)),
                reason=_localized(ov.get("reason"), f"{where}, subjects.{subject}.reason"),
                basis=_citations(ov.get("basis"), f"{where}, subjects.{subject}.basis"),
            )
        window = None
        if item.get("window") is not None:
            w = item["window"]
            if not isinstance(w, dict) or w.get("rule") not in rulebook or not isinstance(w.get("months_before_candidates_set"), int):
                raise GuidanceDataError(f"{where}: window needs a known 'rule' and an integer 'months_before_candidates_set'")
            window = Window(w["rule"], w["months_before_candidates_set"])
        out.append(Pattern(
            id=pid, verdict=verdict, requires=requires, excludes=excludes,
            title=_localized(item.get("title"), f"{where}, title"),
            reason=_localized(item.get("reason"), f"{where}, reason"),
            caution=_localized(item["caution"], f"{where}, caution") if item.get("caution") else None,
            rules=rules, basis=_citations(item.get("basis"), f"{where}, basis"), subjects=subjects, window=window,
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def default_engine() -> GuidanceEngine:
    """The engine over the packaged rulebook and calendars, built once per process."""
    return GuidanceEngine(load_rulebook(), load_elections())


def answer(question: str, *, when: date | None = None, subject: str | None = None,
           election: str | None = None) -> Answer:
    """Answer a "Bolehkah?" question with the packaged rulebook. See ``GuidanceEngine.answer``."""
    return default_engine().answer(question, when=when, subject=subject, election=election)
