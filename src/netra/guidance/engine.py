"""The "Bolehkah?" engine: a question in everyday Indonesian in, a verdict with ranked rules, reason, sanction and
legal basis out. Offline, no model download: everything is built at load time from the rulebook's own text and
the data files beside this module.

How a question is answered (``GuidanceEngine.answer``):

1. Input checks (``language.py``): empty, over 2,000 characters, English or unrecognised text -> GuidanceError.
2. Folding (``text.py``): slang, informal spelling and synonyms become words and concepts (``data/lexicon.yaml``).
3. Who and when: the status (parameter; else the one the asker gives for themselves, "sy PNS ..."; else words such
   as "honorer", "kades", "bukan ASN"; when none and the verdict differs by status, the answer asks) and the stage
   (a date parameter or a date in the question, looked up in the election calendars; or words such as "masa
   kampanye").
4. Reading (``reader.py``): a learned classifier (LinearSVC over word and character n-grams of the folded question,
   the words naming who acts left out; trained by lab/guidance/training.py and shipped as data/reader.npz) names the
   act type: one of the decision table's rows (``data/acts.yaml``: allowed or conditional conduct), "prohibited.
   <family>" (an act the rulebook forbids), "neutral" or "private_photo"; and scores every rule. A reading that
   answers "boleh" for everyone (neutral, an allowed row) must beat the best prohibited reading by a margin, else
   that prohibited reading answers (``_settled_act``).
5. Ranking: every rule gets a score from four TF-IDF cosine similarities (scikit-learn, fitted at load time on the
   rulebook: word/concept and character n-gram views of each rule's title, explanation, keywords and forbidden
   examples, and of each forbidden example alone), a keyword-concept overlap and the reader's score for the rule,
   rules of the family read a little ahead. Rules that do not apply at the known stage, or do not bind the known
   status, are pushed down, and candidacy rules unless the asker means to stand; offences binding everyone follow
   the asker's own rules.
6. Decision table, per status: a table row answers as written there (allowed or depends, possibly changed for the
   status or by the election calendar); "neutral" is allowed; a private photo "tergantung"; a prohibited act is not
   allowed when a rule of the ranking binds the asker (the rulebook's ``subjects`` decide whom; ``everyone`` for the
   general election offences), with a weak match "depends" with an honest "no clear rule" reason. The basis is
   always a rule binding the asker: for village heads and officials, BPD members and TNI/Polri the election law
   first, then the law on their own office (UU 6/2014, UU 34/2004, UU 2/2002); for non-ASN staff SE MenPANRB 1/2023
   after the civil servants' rule naming the act; for citizens, retirees and spouses only an offence binding
   everyone (vote buying ...), else allowed; a civil servant's "not allowed" cites such an offence beside their own
   discipline rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from netra import formatting
from netra.elections import Elections, load_elections
from netra.guidance import stages as stage_lookup
from netra.guidance import status as statuses
from netra.guidance.language import LanguageCheck
from netra.guidance.model import (
    Answer,
    Citation,
    Evidence,
    GuidanceDataError,
    GuidanceError,
    ActType,
    RuleMatch,
    StageInfo,
    Verdict,
)
from netra.guidance.acts import ACT_PREFIX, NEUTRAL, PRIVATE_PHOTO, PROHIBITED, load_acts, load_conditions, read_yaml
from netra.guidance.reader import Reader, document
from netra.guidance.text import Analysis, Lexicon
from netra.rulebook import ELECTION_LAWS, Family, LocalizedText, Period, Rule, Rulebook, load_rulebook

DATA_DIR = Path(__file__).resolve().parent / "data"

# Concepts that say who or where, not what was done: they do not count as act evidence.
CONTEXT_CONCEPTS = frozenset({
    "asn", "pns", "pppk", "non_asn", "village_head", "village_official", "tni_polri", "citizen", "teacher",
    "official", "staff", "elections", "family", "choose", "window_phrase", "retired", "bpd", "asn_spouse",
})
# Before "mencalonkan diri", "nyalon" ...: who stands. Someone else when it is a third person or a relation
# ("ketuanya sedang mencalonkan diri", "kakak saya yang nyalon"); the aspect words may stand between.
THIRD_PERSON = frozenset({"dia", "beliau", "ia", "mereka", "doi", "ketua", "teman", "kawan", "rekan", "atasan", "bos",
                          "tokoh", "kenalan", "sahabat", "pacar", "paman", "om", "tante", "bibi", "sepupu", "keponakan",
                          "ponakan", "menantu", "besan", "pak", "bu", "bapak", "ibu", "mas", "mbak"})
RELATIONS = frozenset({"family", "spouse", "regional_head", "party", "winteam", "candidate"})
ASPECT = frozenset({"sedang", "akan", "mau", "lagi", "juga", "baru", "sudah", "telah", "ingin", "hendak", "yang",
                    "katanya", "rencananya"})
# Concepts naming the statuses of status.py: who acts, left out of the act similarity.
PERSONS = frozenset({"asn", "pns", "pppk", "non_asn", "village_head", "village_official", "bpd", "tni_polri", "retired",
                     "asn_spouse", "citizen"})
# Acts that by themselves favour a candidate: for people only the statutes bind (village heads, TNI/Polri ...),
# these bring in the statutes' general bans on acts benefiting a candidate (UU 10/2016 Pasal 71(1), UU 7/2017
# Pasal 280(3), 282, 490), the same fallback the screener uses, and their own law's ban on campaigning. (Party
# office is not one: their own law forbids it as such.)
FAVOURING = frozenset({"support", "hand_sign", "active_support", "appeal", "gift", "favor", "winteam", "campaign",
                       "mobilize", "props", "consultant", "declaration", "socialization", "twibbon", "attribute",
                       "support_letter"})
# Online acts favour a candidate when they concern one (a like of a KPU post does not).
SOCIAL_ACTS = frozenset({"like", "share", "comment", "post", "follow"})
CONTESTANTS = frozenset({"candidate", "precandidate", "winteam", "party", "candidacy"})
OFFICIAL_ACTS = frozenset({"decision", "aid", "program", "transfer", "replace_official", "favor", "state_facility"})
# The election laws, by the kind of election they govern. Every other instrument binding a village head, a BPD
# member, TNI/Polri or non-ASN staff is the law on their own office (UU 6/2014, UU 34/2004 ...), cited after them.
STATUTE_KIND = ELECTION_LAWS  # the election statutes and the election each binds in (netra.rulebook)
# Words that say the asker means to stand: without them, candidacy rules (resigning, CLTN first) are about someone
# else's candidacy ("kakaknya yang nyalon") and rank lower.
STANDING = frozenset({"candidacy", "resign_question", "cltn", "no_cltn"})
# "calon independen" is the everyday name of a Pilkada's calon perseorangan
PILKADA_WORDS = frozenset({"pilkada", "independen", "calongubernur", "calonbupati", "calonwalikota", "bupati",
                           "gubernur", "walikota", "pilgub", "pilbup", "pilwalkot", "cabup", "cagub", "cawalkot"})
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
    not_standing: float = 0.6  # candidacy rules when the question says nothing of the asker standing
    min_score: float = 0.55  # below this the top match is not trusted (verdict depends, "no clear rule")
    learned: float = 1.0  # the learned reader's rule score (a LinearSVC margin, shifted so -1 counts 0)
    general: float = 0.6  # offences binding everyone, for an asker bound by rules of their own
    act_family: float = 1.15  # rules of the family of the prohibited act read
    allowed_margin: float = 0.2  # an allowed reading must beat the best prohibited one by this (SVM margin units)
    condition: float = 0.0  # the condition head's score above which a condition counts as stated


class GuidanceEngine:
    def __init__(
        self,
        rulebook: Rulebook,
        elections: Elections | None = None,
        *,
        lexicon: Lexicon | None = None,
        acts: Sequence[ActType] | None = None,
        messages: dict | None = None,
        weights: Weights | None = None,
        reader: Reader | None = None,
    ):
        """`reader`: the learned reader (default: the shipped data/reader.npz, loaded on the first question; the
        training recipe uses an engine's lexicon and folding before any reader exists)."""
        self.rulebook = rulebook
        self.elections = elections if elections is not None else load_elections()
        self.lexicon = lexicon or Lexicon.load()
        self.messages = messages or read_yaml(DATA_DIR / "messages.yaml")
        self.acts = {a.id: a for a in (acts if acts is not None else load_acts(rulebook=rulebook, lexicon=self.lexicon))}
        self.condition_names, self.allowing_conditions, self.lifting_conditions = load_conditions()
        unknown = set(self.lifting_conditions) - {r.id for r in rulebook.rules}
        if unknown:
            raise GuidanceDataError(f"acts.yaml, lifting_conditions: unknown rule(s) {sorted(unknown)}")
        self.weights = weights or Weights()
        self._reader = reader
        self.rules: tuple[Rule, ...] = tuple(rulebook.rules)
        self._build_index()
        rule_words: set[str] = set()
        for analysis in self._rule_analyses:
            rule_words.update(w for w in analysis.words if len(w) > 1)  # "187A" folds to "187", "a"
        self.language = LanguageCheck.build(self.messages, extra_indonesian=self.lexicon.known_words | rule_words)
        self.speller = self.lexicon.speller(rule_words | self.language.indonesian)

    # --- index ----------------------------------------------------------------------------------------------------
    def _build_index(self) -> None:
        lex = self.lexicon
        self._person_words = frozenset(w for phrase, found in lex.phrases.items() if found & PERSONS for w in phrase)
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

        corpus = [self._act_tokens(a) for a in docs] + [self._act_tokens(a) for _, a, _ in self._forbidden] + \
            [self._act_tokens(a) for _, a, _, _ in self._allowed]
        from sklearn.feature_extraction.text import TfidfVectorizer  # here, not at import: most processes never ask

        self._word = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False)
        self._word.fit(corpus)
        texts = [" ".join(t) for t in corpus]
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)
        self._char.fit(texts)

        self._doc_w = self._word.transform([self._act_tokens(a) for a in docs])
        self._doc_c = self._char.transform([" ".join(self._act_tokens(a)) for a in docs])
        self._ex_rule = np.array([i for i, _, _ in self._forbidden])
        self._ex_w = self._word.transform([self._act_tokens(a) for _, a, _ in self._forbidden])
        self._ex_c = self._char.transform([" ".join(self._act_tokens(a)) for _, a, _ in self._forbidden])
        self._al_rule = np.array([i for i, _, _, _ in self._allowed])
        self._al_w = self._word.transform([self._act_tokens(a) for _, a, _, _ in self._allowed])
        self._al_c = self._char.transform([" ".join(self._act_tokens(a)) for _, a, _, _ in self._allowed])

    def _own_acts(self, analysis: Analysis) -> Analysis:
        """A candidacy named only as someone else's ("ketuanya sedang mencalonkan diri") makes that person a
        candidate, not the asker one who stands."""
        words = analysis.words
        if "candidacy" not in analysis.concepts:
            return analysis
        def someone_else(j: int) -> bool:
            while j >= 0 and words[j] in ASPECT:
                j -= 1
            if j >= 1 and words[j] in statuses.FIRST_PERSON:  # "kakak saya", "suami saya"
                j -= 1
            if j < 0:
                return False
            # the word, or a phrase ending on it ("kakak kandung", "tim sukses"), names someone else
            return words[j] in THIRD_PERSON or any(
                self.lexicon.concepts_at(words[k:j + 1], 0) & RELATIONS for k in range(max(0, j - 2), j + 1))
        for i in range(len(words)):
            if "candidacy" in self.lexicon.concepts_at(words, i) and not someone_else(i - 1):
                return analysis  # the asker's own (or an unclear) candidacy
        tokens = tuple("c:candidate" if t == "c:candidacy" else t for t in analysis.tokens)
        return replace(analysis, tokens=tokens, concepts=analysis.concepts - {"candidacy"} | {"candidate"})

    def _act_tokens(self, analysis: Analysis) -> tuple[str, ...]:
        """The comparison tokens without the words naming who acts ("kepala desa", "anggota BPD", "PNS"): the status
        is settled apart, so a rule does not match a question for naming the same people but for the same act."""
        out: list[str] = []
        person = False
        for token in analysis.tokens:
            if token.startswith("c:"):
                person = token[2:] in PERSONS
                if not person:
                    out.append(token)
            elif not (person and token in self._person_words):
                person = False
                out.append(token)
        return tuple(out)

    @property
    def reader(self) -> Reader:
        if self._reader is None:
            self._reader = Reader.load()
        return self._reader

    def analyse(self, question: str) -> Analysis:
        """A question folded as every answer reads it: spelling, concepts, typo repair, whose candidacy."""
        return self._own_acts(self.lexicon.analyse(question, self.speller))

    def document(self, analysis: Analysis) -> str:
        """What the learned reader reads of a question, and is trained on: the act's tokens, negated acts marked."""
        return document(self._act_tokens(analysis), analysis.negated)

    def read(self, analysis: Analysis, stated: frozenset[str] | None = None) -> tuple[str, dict[str, float]]:
        """The act type the reader finds (an acts.yaml id as "act.<id>", "prohibited.<family>", "neutral" or
        "private_photo") and its score for each rule; `stated`: the conditions, when the caller has read them."""
        doc = self.document(analysis)
        stated = self.conditions(analysis) if stated is None else stated
        return self._settled_act(self.reader.acts(doc), stated), self.reader.rules(doc)

    def conditions(self, analysis: Analysis) -> frozenset[str]:
        """The conditions the question states (leave, CLTN, official invitation, serving the election ...), as the
        reader's condition head reads them; a condition the head does not learn, from the lexicon concept of that
        name (no_cltn: the negation the lexicon reads in "tanpa CLTN")."""
        scores = self.reader.conditions(self.document(analysis))
        learned = {c for c, v in scores.items() if v > self.weights.condition}
        from_lexicon = analysis.concepts - set(scores)
        return frozenset(c for c in learned | from_lexicon if c in self.condition_names)

    def _table_row(self, act: str) -> ActType | None:
        """The decision-table row an act reading ("act.<id>") names, or None for any other reading."""
        return self.acts.get(act[len(ACT_PREFIX):]) if act.startswith(ACT_PREFIX) else None

    def _allowed_reading(self, act: str) -> bool:
        """Whether reading `act` answers "boleh" for everyone: "neutral", or a table row allowed as written."""
        if act == NEUTRAL:
            return True
        row = self._table_row(act)
        return row is not None and row.verdict is Verdict.ALLOWED and not row.subjects and row.window is None

    def _settled_act(self, ranking: list[tuple[str, float]], conditions: frozenset[str] = frozenset()) -> str:
        """The reader's act, unless it would answer "boleh" without positive evidence: an allowed reading ("neutral"
        or a row allowed as written) must beat the reader's best prohibited reading by a margin. The SVM margins are
        not probabilities: the threshold was set leaving each question set out (lab/guidance/crossval.py; a wider
        margin when a contestant or the campaign is named, and a binary allowed/forbidden head as a second opinion,
        were measured there and gained nothing). Short of it the prohibited reading answers: the rulebook then
        decides per status, and the page asks the status when the verdicts differ (a citizen may, a civil servant
        may not), not a flat "boleh".

        A stated condition that allows the act whatever it resembles (acts.yaml `allowing_conditions`: serving the
        election, reporting a violation) is that positive evidence: the best allowed row the reader ranks answers,
        without the margin, and a prohibited reading yields to it."""
        top, score = ranking[0]
        if conditions & set(self.allowing_conditions):
            allowed = next((a for a, _ in ranking if self._allowed_reading(a) and a != NEUTRAL), None)
            if allowed is not None and (top.startswith(PROHIBITED) or self._allowed_reading(top)):
                return top if self._allowed_reading(top) else allowed
        if not self._allowed_reading(top):
            return top
        prohibited = next(((a, s) for a, s in ranking if a.startswith(PROHIBITED)), None)
        if prohibited is None:
            return top
        return top if score - prohibited[1] >= self.weights.allowed_margin else prohibited[0]

    # --- public -----------------------------------------------------------------------------------------------------
    def answer(
        self,
        question: str,
        *,
        when: date | None = None,
        status: str | None = None,
        subject: str | None = None,
        election: str | None = None,
    ) -> Answer:
        """Answer `question`. Optional: `when` (the day of the act), `status` (who asks: see status.STATUSES;
        `subject` is its older name) and `election` (an election id such as pilkada2024).

        Who is bound decides, so the asker's status is settled first: the parameter, else the words of the
        question. When neither says and the verdict differs by status, the answer asks (``status_options``)
        instead of guessing.

        Raises GuidanceError (Indonesian message) for empty, over-long or non-Indonesian questions and for unknown
        status or election values.
        """
        analysis = self.analyse(question) if isinstance(question, str) else None
        text = self.language.check(question, analysis.words if analysis else None)
        chosen = self._check_subject(status if status not in (None, "") else subject)
        if election is not None and election not in self.elections:
            choices = ", ".join(e.id for e in self.elections)
            raise self._error("bad_election", value=election, choices=choices)
        assert analysis is not None

        source = "parameter" if chosen else None
        if chosen is None:
            def concept_at(i: int) -> frozenset[str]:
                return self.lexicon.concepts_at(analysis.words, i)
            chosen = statuses.named(analysis.words, concept_at)
            if chosen != "asn_spouse":  # "suami saya PNS" names a spouse, not the asker's own status
                chosen = statuses.stated(analysis.words, concept_at) or chosen
            source = "question" if chosen else None
        stage = self._stage(text, analysis, when, election)
        stated = self.conditions(analysis)
        act, rule_scores = self.read(analysis, stated)
        similarity, recognised = self._similarity(analysis, act, rule_scores)
        if chosen is not None:
            return self._answer_as(text, analysis, stage, chosen, source, similarity, recognised, act, stated)

        each = {s: self._answer_as(text, analysis, stage, s, None, similarity, recognised, act, stated)
                for s in statuses.STATUSES}
        base = each["pns"]
        if len({a.verdict for a in each.values()}) == 1:  # the same for everyone: no need to ask
            return replace(base, subject=None, subject_source=None,
                           notes=tuple(n for n in base.notes if n not in self._status_notes()))
        return Answer(
            question=text, verdict=Verdict.DEPENDS, matches=base.matches, primary=(),
            reason=self._l("reasons", "needs_status"), stage=stage, confident=base.confident,
            rulebook_version=self.rulebook.version, pattern=base.pattern,
            status_options=tuple((s, each[s].verdict) for s in statuses.STATUSES),
        )

    def _answer_as(self, text, analysis: Analysis, stage, status: str, source, similarity, recognised: float,
                   act: str, stated: frozenset[str] = frozenset()) -> Answer:
        """The decision table, for one status: the act type read decides which row answers."""
        scores = self._scores(similarity, analysis, stage, status)
        order = sorted(range(len(self.rules)), key=lambda i: -scores[i])
        matches = [self._match(i, scores[i], stage, status) for i in order]
        if (row := self._table_row(act)) is not None:
            found = self._act_answer(text, analysis, row, matches, stage, status, source, stated)
            if found is not None:
                return found
        elif act == PRIVATE_PHOTO and status not in statuses.UNBOUND:
            # the best-matching rule binding the asker: the one the photo would break once spread
            basis = [m for m in matches if m.applies is not False and statuses.obliges(m.rule, status)][:1]
            return self._row_answer(text, Verdict.DEPENDS, "private_photo", basis, matches, stage, status, source)
        elif act in (NEUTRAL, PRIVATE_PHOTO):
            return self._row_answer(text, Verdict.ALLOWED, "neutral_no_act", [], matches, stage, status, source)
        if status in statuses.UNBOUND:
            return self._unbound_answer(text, analysis, matches, stage, status, source, act, stated)
        return self._rule_answer(text, analysis, matches, stage, status, source, recognised)

    def _row_answer(self, text, verdict: Verdict, reason: str, basis: list[RuleMatch], matches: list[RuleMatch],
                    stage, status, source) -> Answer:
        """The answer of a fixed row of the decision table (neutral, private photo): its reason, the binding rule it names."""
        ranked = tuple(basis + [m for m in matches if m not in basis])[:5]
        return Answer(question=text, verdict=verdict, matches=ranked, primary=tuple(m.rule for m in basis),
                      reason=self._l("reasons", reason), notes=(self._stage_note(stage),) if stage is not None else (),
                      subject=status, subject_source=source, stage=stage, confident=True,
                      rulebook_version=self.rulebook.version)

    # --- pieces -----------------------------------------------------------------------------------------------------
    def _error(self, code: str, **values) -> GuidanceError:
        msg = self.messages["errors"][code]
        return GuidanceError(code, msg["id"].format(**values), msg["en"].format(**values))

    def _check_subject(self, subject: str | None) -> str | None:
        try:
            return statuses.normalise(subject)
        except ValueError:
            raise self._error("bad_subject", value=subject, choices=", ".join(statuses.STATUSES)) from None

    def _status_notes(self) -> tuple[LocalizedText, ...]:
        return tuple(self._l("subject_notes", s) for s in self.messages["subject_notes"])

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

    def _similarity(self, analysis: Analysis, act: str, rule_scores: dict[str, float]) -> tuple[np.ndarray, float]:
        """Each rule's similarity to the question, before stage and status weigh in (computed once per question):
        the rulebook text views, plus the learned reader's score for the rule, rules of the family of the act read
        a little ahead. Also how well the rulebook's own text matches at best (the confidence an act was recognised,
        which the reader's scores do not lend)."""
        w = self.weights
        tokens = self._act_tokens(analysis)
        qw = self._word.transform([tokens])
        qc = self._char.transform([" ".join(tokens)])
        doc = w.doc_word * (self._doc_w @ qw.T).toarray().ravel() + w.doc_char * (self._doc_c @ qc.T).toarray().ravel()
        ex_all = w.example_word * (self._ex_w @ qw.T).toarray().ravel() + w.example_char * (self._ex_c @ qc.T).toarray().ravel()
        ex = np.zeros(len(self.rules))
        np.maximum.at(ex, self._ex_rule, ex_all)
        acts = analysis.concepts - CONTEXT_CONCEPTS
        total = sum(self._concept_idf.get(c, 1.0) for c in acts) or 1.0
        kw = np.array([sum(self._concept_idf.get(c, 1.0) for c in acts & k) / total for k in self._keyword_concepts])
        learned = np.array([rule_scores.get(r.id, -1.0) for r in self.rules])
        recognised = float((doc + ex + w.keyword * kw).max())
        scores = doc + ex + w.keyword * kw + w.learned * np.maximum(learned + 1.0, 0.0)
        if act.startswith(PROHIBITED):
            family = act[len(PROHIBITED):]
            for i, rule in enumerate(self.rules):
                if rule.family.value == family:
                    scores[i] *= w.act_family
        if "precandidate" in analysis.concepts and "candidate" not in analysis.concepts:
            for i, rule in enumerate(self.rules):
                if rule.period is Period.BEFORE_CANDIDATES_SET:
                    scores[i] *= w.precandidate
        if not analysis.concepts & STANDING:
            for i, rule in enumerate(self.rules):
                if rule.family is Family.CANDIDACY:
                    scores[i] *= w.not_standing
        return scores, recognised

    def _scores(self, similarity: np.ndarray, analysis: Analysis, stage: StageInfo | None,
                subject: str | None) -> np.ndarray:
        w = self.weights
        scores = similarity.copy()
        bound = statuses.ACTS_AS.get(subject or "", statuses.BOUND_AS.get(subject or "", ()))
        for i, rule in enumerate(self.rules):
            if stage is not None and _applies(rule.period, stage) is False:
                scores[i] *= w.stage_mismatch
            # ranking keeps rules that concern the asker, even those addressed to others (shown as related);
            # only the verdict refuses to rest on them
            if bound and subject not in statuses.UNBOUND and not any(rule.binds(b) for b in bound):
                scores[i] *= w.pppk_mismatch if subject == "pppk" else w.subject_mismatch
            elif subject not in statuses.UNBOUND and rule.binds_everyone:
                scores[i] *= w.general  # the asker's own rules first; an offence binding everyone follows
        return scores

    def _match(self, i: int, score: float, stage: StageInfo | None, subject: str | None) -> RuleMatch:
        rule = self.rules[i]
        binds = statuses.obliges(rule, subject) if statuses.BOUND_AS.get(subject or "") else None
        return RuleMatch(rule=rule, score=float(score), applies=_applies(rule.period, stage) if stage else None,
                         binds_subject=binds)

    @staticmethod
    def _in_election(rule: Rule, kind: str | None) -> bool:
        """Whether `rule` belongs to the election in question: UU 10/2016 to a Pilkada, UU 7/2017 to a Pemilu;
        every rule when the kind is unknown, and always the rules of other instruments."""
        statute = STATUTE_KIND.get(rule.instrument)
        return kind is None or statute is None or statute == kind

    def _binding(self, matches: list[RuleMatch], subject: str, kind: str | None) -> list[RuleMatch]:
        """The matches whose rules oblige `subject`, apply at the stage asked about and belong to the election in
        question, best first."""
        return [m for m in matches if statuses.obliges(m.rule, subject) and m.applies is not False
                and self._in_election(m.rule, kind)]

    def _own_binding(self, matches: list[RuleMatch], subject: str, kind: str | None) -> list[RuleMatch]:
        """`_binding`, the rules naming the asker's status before the offences binding everyone."""
        found = self._binding(matches, subject, kind)
        return sorted(found, key=lambda m: m.rule.binds_everyone)

    def _unverified_notes(self, primary: Iterable[Rule]) -> list[LocalizedText]:
        ids = ", ".join(r.id for r in primary if not r.verified)
        return [self._l("notes", "unverified_rules", rule_ids=ids)] if ids else []

    def _evidence(self, analysis: Analysis, rule_ids: Iterable[str], kind: str) -> Evidence | None:
        wanted = {i for i, r in enumerate(self.rules) if r.id in set(rule_ids)}
        if not wanted:
            return None
        tokens = self._act_tokens(analysis)
        qw = self._word.transform([tokens])
        qc = self._char.transform([" ".join(tokens)])
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

    def _bi(self, path: tuple[str, ...], values: dict[str, dict]) -> LocalizedText:
        """A message whose placeholders differ by language (rule titles, dates): `values` maps "id"/"en" to them."""
        return LocalizedText(id=self._l(*path, **values["id"]).id.strip(), en=self._l(*path, **values["en"]).en.strip())

    def _citation(self, key: str) -> Citation:
        """A legal basis the engine cites for people no rule binds (messages.yaml, bases)."""
        raw = self.messages["bases"][key]
        return Citation(raw["cite"], bool(raw.get("verified", True)))

    def _act_answer(self, text, analysis, pattern: ActType, matches: list[RuleMatch], stage, subject,
                        subject_source, stated: frozenset[str] = frozenset()) -> Answer | None:
        """The table row's answer for this status, or None when its condition (CLTN, leave ...) concerns civil
        servants only: the asker's own answer then applies (the unbound's, or the statutes binding a village head,
        a BPD member or TNI/Polri). `stated`: the conditions the question states; the row's `when` answer for the
        first of them it names replaces its own (not a status's), and the page says which condition decided."""
        override = pattern.subjects.get(subject or "")
        kind = self._election_kind(analysis, stage)
        if override is None and pattern.verdict is not Verdict.ALLOWED and (
                subject in statuses.UNBOUND or subject in statuses.STATUTE_BOUND
                and not any(statuses.obliges(self.rulebook[r], subject) for r in pattern.rules)):
            return None
        verdict, reason, basis = pattern.verdict, pattern.reason, pattern.basis
        rule_ids = pattern.rules
        if override is not None:
            verdict, reason, basis = override.verdict, override.reason, override.basis
            rule_ids = override.rules or pattern.rules
        decided = None if override is not None else next((c for c in pattern.when if c in stated), None)
        if decided is not None:
            verdict, reason = pattern.when[decided].verdict, pattern.when[decided].reason
        related = [m for m in matches if m.rule.id in rule_ids and self._in_election(m.rule, kind)]
        related.sort(key=lambda m: subject is not None and not statuses.obliges(m.rule, subject))  # binding first
        if "regional_head" not in analysis.concepts:
            related = self._discipline_first(related, subject)
        ranked = tuple(related + [m for m in matches if m not in related])[:5]
        notes: list[LocalizedText] = []
        primary: tuple[Rule, ...] = ()
        if pattern.window is not None:
            verdict, reason, primary = self._window(pattern, analysis, stage, verdict, reason)
        if verdict is not Verdict.ALLOWED and not primary:
            primary = tuple(m.rule for m in related)
        # sanctions shown are only those of rules that bind the asker
        primary = tuple(r for r in primary if subject is None or statuses.obliges(r, subject))[:2]
        if subject == "non_asn" and override is None and verdict is not Verdict.ALLOWED and not primary:
            # the circular binds them, not the civil servants' rules the pattern's reason explains the act with
            own = self._own_binding(matches, subject, kind)[:1]
            primary, basis = tuple(m.rule for m in own), ()
            ranked = tuple(own + [m for m in ranked if m not in own])[:5]
        if decided is None and verdict is Verdict.ALLOWED:  # an allowing condition the question states
            decided = next((c for c in self.allowing_conditions if c in stated), None)
        if decided is not None:
            notes.append(self._condition_note(decided))
        if stage is not None:
            notes.append(self._stage_note(stage))
        if subject not in (None, "pns") and override is None and verdict is not Verdict.ALLOWED:
            notes.append(self._l("subject_notes", subject))
        if pattern.calendar_note:
            notes.extend(self._registration_notes(analysis, stage))
        if any(not c.verified for c in basis):
            notes.append(self._l("notes", "unverified_basis"))
        notes.extend(self._unverified_notes(primary))
        evidence = self._evidence(analysis, pattern.rules, "allowed" if verdict is Verdict.ALLOWED else "forbidden")
        return Answer(
            question=text, verdict=verdict, matches=ranked, primary=primary, reason=reason, notes=tuple(notes),
            pattern=pattern, basis=basis, caution=pattern.caution if verdict is not Verdict.NOT_ALLOWED or override is None else None,
            evidence=evidence, subject=subject, subject_source=subject_source, stage=stage, confident=True,
            rulebook_version=self.rulebook.version,
        )

    def _condition_note(self, condition: str) -> LocalizedText:
        """The note naming the stated condition that decided the answer."""
        name = self.condition_names[condition]
        return self._bi(("notes", "decided_by"), {"id": dict(condition=name.id), "en": dict(condition=name.en)})

    def _window(self, pattern: ActType, analysis: Analysis, stage: StageInfo | None, verdict: Verdict,
                reason: LocalizedText) -> tuple[Verdict, LocalizedText, tuple[Rule, ...]]:
        """Acts banned from some months before candidates are set unless the Minister approves in writing (replacing
        officials): where the date falls, from "N bulan sebelum penetapan" or the election calendar."""
        window = pattern.window
        assert window is not None
        rule = self.rulebook.get(window.rule)
        primary = (rule,) if rule else ()
        months = window.months_before_candidates_set

        def said(key: str, start: date | None = None, end: date | None = None, **extra) -> LocalizedText:
            return self._bi(("reasons", key), {lang: dict(months=months, period=(
                f" ({_long_date(start, lang)} {'sampai' if lang == 'id' else 'to'} {_long_date(end, lang)})"
                if start and end else f" ({_long_date(start, lang)})" if start else ""), **{
                    k: _long_date(v, lang) for k, v in extra.items()}) for lang in ("id", "en")})

        def inside(start: date | None = None, end: date | None = None):
            if "no_approval" in analysis.concepts:
                return Verdict.NOT_ALLOWED, said("window_inside", start, end), primary
            return Verdict.DEPENDS, said("window_inside_depends", start, end), primary

        if "minister_approval" in analysis.concepts and "no_approval" not in analysis.concepts:
            return Verdict.ALLOWED, said("window_approved"), primary  # whatever the date, the approval permits it
        asked = stage_lookup.months_before_set(" ".join(analysis.words))
        if asked is not None:
            return inside() if asked <= months else (Verdict.ALLOWED, said("window_before"), primary)
        if stage is not None and stage.day is not None and stage.election_id:
            election = self.elections[stage.election_id]
            if election.kind.value == "pilkada":
                set_on = election.candidates_set_on
                start = _months_back(set_on, months)
                if stage.day < start:
                    return Verdict.ALLOWED, said("window_before", start), primary
                if stage.day < set_on:
                    return inside(start, set_on)
                return Verdict.DEPENDS, said("window_after", set_on=set_on), primary
        return verdict, reason, primary

    def _rule_answer(self, text, analysis, matches: list[RuleMatch], stage, subject, subject_source,
                     recognised: float) -> Answer:
        """`recognised`: how well the best rule matches the act, whoever it binds (the statute-bound are measured
        by it: the SKB rules that describe the act best do not bind them, so their own scores are pushed down)."""
        w = self.weights
        top = matches[0]
        notes: list[LocalizedText] = []
        acts = analysis.concepts - CONTEXT_CONCEPTS
        common = dict(question=text, subject=subject, subject_source=subject_source, stage=stage,
                      rulebook_version=self.rulebook.version)
        confidence = recognised if subject in statuses.STATUTE_BOUND else min(top.score, recognised)
        if confidence < w.min_score or not acts and confidence < 2 * w.min_score:
            return Answer(verdict=Verdict.DEPENDS, matches=tuple(matches[:5]), primary=(),
                          reason=self._l("reasons", "no_rule"), confident=False, **common)
        if subject in statuses.STATUTE_BOUND:
            return self._statute_answer(analysis, matches, stage, subject, common)
        # A rule addressed to others (UU 10/2016 Pasal 70 binds the candidate pair) is never the basis: an obliging
        # rule close behind takes the lead, else the answer says who the rule binds.
        if subject != "non_asn" and not top.binds_subject:
            binding = [m for m in matches[:12] if m.binds_subject]
            if binding and binding[0].score >= w.subject_promotion * top.score:
                matches = [binding[0]] + [m for m in matches if m is not binding[0]]
                top = matches[0]
        if "regional_head" not in analysis.concepts:  # a regional head answers to the election law itself
            matches = self._discipline_first(matches, subject)
            top = matches[0]
        primary = self._primary(matches, stage)
        verdict = Verdict.NOT_ALLOWED
        rule = primary[0]
        reason = self._l("reasons", "not_allowed", title=rule.title.id, explanation=rule.explanation.id)
        reason = LocalizedText(id=reason.id, en=self._l("reasons", "not_allowed", title=rule.title.en,
                                                         explanation=rule.explanation.en).en)
        if subject == "non_asn":
            # the civil servants' rule says what the act is; the rule extending it to non-ASN staff is the basis
            acts_rule = next((m.rule for m in matches if not statuses.obliges(m.rule, subject)), rule)
            own = self._own_binding(matches, subject, self._election_kind(analysis, stage))[:1]
            primary = tuple(m.rule for m in own)
            matches = own + [m for m in matches if m not in own]
            reason = self._bi(("reasons", "non_asn"),
                              {lang: dict(title=acts_rule.title.get(lang), rule_ids=acts_rule.id,
                                          own=", ".join(f"{r.id} ({r.title.get(lang)})" for r in primary) or "-")
                               for lang in ("id", "en")})
        if stage is not None:
            notes.append(self._stage_note(stage))
            if top.applies is False:
                candidates = [m for m in matches[:3] if m.applies]
                if not candidates or candidates[0].score < 0.6 * top.score:
                    verdict = Verdict.DEPENDS
                    reason = self._not_applicable_reason(top.rule, stage)
        if subject != "non_asn" and not top.binds_subject:
            verdict, primary = Verdict.DEPENDS, ()
            reason = self._subject_reason((top.rule,), subject)
        elif subject in ("pppk", "asn"):
            notes.append(self._l("subject_notes", subject))
        if stage is None and primary:
            notes.extend(self._period_notes(primary))
        if verdict is Verdict.NOT_ALLOWED:
            # an offence binding every person (vote buying ...) is cited beside the civil servants' own rule
            general = tuple(m.rule for m in matches[:3] if m.rule.binds_everyone and m.applies is not False
                            and m.rule not in primary and self._in_election(m.rule, self._election_kind(analysis, stage)))[:1]
            if general:
                primary = primary + general
                also = self._bi(("reasons", "also_general"), {lang: dict(rules="; ".join(
                    f"{r.id} ({r.title.get(lang)})" for r in general)) for lang in ("id", "en")})
                reason = LocalizedText(id=f"{reason.id} {also.id}", en=f"{reason.en} {also.en}")
        notes.extend(self._unverified_notes(primary))
        return Answer(
            verdict=verdict, matches=tuple(matches[:5]), primary=primary, reason=reason, notes=tuple(notes),
            evidence=self._evidence(analysis, [rule.id], "forbidden"), confident=True, **common,
        )

    def _discipline_first(self, matches: list[RuleMatch], subject: str | None) -> list[RuleMatch]:
        """A civil servant answers first to their own discipline (SKB 2022, PP 94/2021): among the first five, the
        discipline rules that bind them, apply at the stage and score close to the best election-law rule lead,
        the election laws follow (still shown, with their heavier sanctions, as related)."""
        if subject not in statuses.CIVIL_SERVANTS or not matches:
            return matches
        head = matches[:5]
        statute = next((m for m in head if m.rule.instrument in STATUTE_KIND), None)
        if statute is None:
            return matches
        floor = self.weights.subject_promotion * statute.score
        lead = [m for m in head if m.rule.instrument not in STATUTE_KIND and m.score >= floor
                and m.applies is not False and statuses.obliges(m.rule, subject)]
        if not lead:
            return matches
        return lead + [m for m in matches if m not in lead]

    def _statute_answer(self, analysis: Analysis, matches: list[RuleMatch], stage, subject, common) -> Answer:
        """Village heads and officials, BPD members and TNI/Polri: bound by the election laws and by the law on their
        own office, never by the SKB or PP 94/2021. Not allowed when a rule binding them covers the act: the election
        law first (the heavier, criminal sanction), then their own law's rule (one per law: TNI and Polri each have
        theirs). An act that favours a candidate falls under the election laws' general ban on acts benefiting one
        and under their own law's ban on campaigning. Otherwise "it depends", with the condition spelled out."""
        w = self.weights
        top = matches[0]
        binding = self._binding(matches, subject, self._election_kind(analysis, stage))
        acts = analysis.concepts - CONTEXT_CONCEPTS
        # the act's own family decides (read from the best rule that forbids someone the act itself, not from one
        # addressed to candidates), except the general bans on official action, which need an official act
        ref = next((m for m in matches if not m.rule.addressees), top)
        same = [m for m in binding if m.rule.family is ref.rule.family and m.score >= w.subject_promotion * ref.score
                and (m.rule.family is not Family.OFFICIAL_ACTION or acts & OFFICIAL_ACTS)]
        election = [m for m in same if m.rule.instrument in STATUTE_KIND][:1]
        own_law = [m for m in same if m.rule.instrument not in STATUTE_KIND]
        favouring = bool(acts & FAVOURING or acts & SOCIAL_ACTS and analysis.concepts & CONTESTANTS)
        general = bool(favouring and not election)
        if general:
            election = [m for m in binding if m.rule.instrument in STATUTE_KIND
                        and m.rule.family is Family.OFFICIAL_ACTION][:1]
        if own_law or favouring:
            # each law on their office binding them (UU 34/2004 for TNI, UU 2/2002 for Polri) with its rule for the
            # act, else its ban on campaigning: who of them asks, the question rarely says
            laws = dict.fromkeys(m.rule.instrument for m in binding if m.rule.instrument not in STATUTE_KIND)
            own_law = [m for m in (next((m for m in own_law if m.rule.instrument == law), None) or next(
                (m for m in binding if m.rule.instrument == law and m.rule.family is Family.CAMPAIGN), None)
                for law in laws) if m is not None]
        chosen = election + own_law
        notes = [self._stage_note(stage)] if stage is not None else []
        notes.append(self._l("subject_notes", subject))
        label = self.messages["subjects"][subject]
        if chosen:
            first = chosen[0].rule
            key = "statute_general" if general and election else "own_law" if not election else "not_allowed"
            reason = self._bi(("reasons", key), {lang: dict(
                subject=label[lang], rule_id=first.id, title=first.title.get(lang),
                rules="; ".join(f"{m.rule.id} ({m.rule.title.get(lang)})" for m in chosen),
                explanation=first.explanation.get(lang) if len(chosen) == 1 else "") for lang in ("id", "en")})
            if election and own_law:  # their own law forbids it too
                also = self._bi(("reasons", "also_own_law"), {lang: dict(rules="; ".join(
                    f"{m.rule.id} ({m.rule.title.get(lang)})" for m in own_law)) for lang in ("id", "en")})
                reason = LocalizedText(id=f"{reason.id} {also.id}", en=f"{reason.en} {also.en}")
            primary = tuple(m.rule for m in chosen)
            notes.extend(self._unverified_notes(primary))
            ranked = chosen + [m for m in matches if m not in chosen]
            return Answer(verdict=Verdict.NOT_ALLOWED, matches=tuple(ranked[:5]), primary=primary, reason=reason,
                          notes=tuple(notes), evidence=self._evidence(analysis, [first.id], "forbidden"),
                          confident=True, **common)
        ids = ", ".join(m.rule.id for m in matches[:2])
        matches = binding + [m for m in matches if m not in binding]  # what binds the asker first
        if binding:
            reason = self._bi(("reasons", "statute_depends"), {lang: dict(
                subject=label[lang], rule_ids=ids,
                binding="; ".join(f"{m.rule.id} ({m.rule.title.get(lang)})" for m in binding[:3]))
                for lang in ("id", "en")})
        else:
            bound = dict(zip(("id", "en"), self._bound_labels(top.rule)))
            reason = self._bi(("reasons", "statute_none"), {lang: dict(subject=label[lang], rule_ids=ids,
                                                                       bound=bound[lang]) for lang in ("id", "en")})
        return Answer(verdict=Verdict.DEPENDS, matches=tuple(matches[:5]), primary=(), reason=reason,
                      notes=tuple(notes), confident=True, **common)

    def _unbound_answer(self, text, analysis, matches: list[RuleMatch], stage, subject, subject_source,
                        act: str, stated: frozenset[str] = frozenset()) -> Answer:
        """Citizens, retired civil servants and civil servants' families: no neutrality rule binds them; an offence
        binding everyone does, unless a condition the question states lifts it (acts.yaml `lifting_conditions`)."""
        label = self.messages["subjects"][subject]
        top = matches[0].rule
        ids = ", ".join(m.rule.id for m in matches[:2])
        bound_id, bound_en = self._bound_labels(top)
        kind = self._election_kind(analysis, stage)
        family = act[len(PROHIBITED):] if act.startswith(PROHIBITED) else None
        # an offence binding everyone that matches nearly as well as the best rule of the election in question (the
        # other election's law sets no bar: "paslon walkot" is a Pilkada, UU 7/2017's vote buying is not its law):
        # the best match itself, or one of the family of the act read
        inside = [m for m in matches if self._in_election(m.rule, kind)]
        floor = self.weights.subject_promotion * inside[0].score if inside else 0.0
        general = [m for n, m in enumerate(inside[:8]) if statuses.obliges(m.rule, subject) and m.applies is not False
                   and m.score >= floor and (n == 0 or m.rule.family.value == family or family == "none")]
        lifts = [self.lifting_conditions.get(m.rule.id, frozenset()) & stated for m in general]
        lifted = sorted(frozenset().union(*lifts))
        general = [m for m, lift in zip(general, lifts) if not lift]
        if general:
            # an offence of election law that binds every person (vote buying, campaigning in the quiet period ...)
            rule = general[0].rule
            reason = self._bi(("reasons", "general_offence"), {lang: dict(
                subject=label[lang], title=rule.title.get(lang), explanation=rule.explanation.get(lang))
                for lang in ("id", "en")})
            notes = [self._stage_note(stage)] if stage is not None else []
            notes.extend(self._unverified_notes((rule,)))
            ranked = general[:1] + [m for m in matches if m is not general[0]]
            return Answer(question=text, verdict=Verdict.NOT_ALLOWED, matches=tuple(ranked[:5]), primary=(rule,),
                          reason=reason, notes=tuple(notes), evidence=self._evidence(analysis, [rule.id], "forbidden"),
                          subject=subject, subject_source=subject_source, stage=stage, confident=True,
                          rulebook_version=self.rulebook.version)
        verdict, reason = Verdict.ALLOWED, LocalizedText(
            id=self._l("reasons", "unbound", subject=label["id"], rule_ids=ids, bound=bound_id).id,
            en=self._l("reasons", "unbound", subject=label["en"], rule_ids=ids, bound=bound_en).en)
        notes = [self._stage_note(stage)] if stage is not None else []
        notes.extend(self._condition_note(c) for c in lifted)
        notes.append(self._l("subject_notes", subject))
        basis = tuple(self._citation(key) for key in (("asn_law", "retired") if subject == "retired" else ("asn_law",)))
        if any(not c.verified for c in basis):
            notes.append(self._l("notes", "unverified_basis"))
        return Answer(question=text, verdict=verdict, matches=tuple(matches[:5]), primary=(), reason=reason,
                      notes=tuple(notes), basis=basis, subject=subject, subject_source=subject_source, stage=stage,
                      confident=True, rulebook_version=self.rulebook.version)

    def _registration_notes(self, analysis: Analysis, stage: StageInfo | None) -> list[LocalizedText]:
        """When candidates register and are set, per election in question (the one the date falls in, else those
        of the kind the words name, else every election in the calendars): what "first" and "when" mean."""
        if stage is not None and stage.election_id in self.elections:
            chosen = [self.elections[stage.election_id]]
        else:
            kind = self._election_kind(analysis, None)
            chosen = [e for e in self.elections if kind is None or e.kind.value == kind]
        notes = []
        for e in chosen:
            first = e.stages[0]
            values = {lang: dict(election=e.name.get(lang), stage=first.name.get(lang),
                                 start=_long_date(first.start, lang), end=_long_date(first.end, lang),
                                 set_on=_long_date(e.candidates_set_on, lang)) for lang in ("id", "en")}
            msg = self.messages["notes"]["registration"]
            notes.append(LocalizedText(id=msg["id"].format(**values["id"]), en=msg["en"].format(**values["en"])))
        return notes

    def _bound_labels(self, rule: Rule) -> tuple[str, str]:
        """Whom `rule` binds, in words: its addressees (candidate pairs ...) when it has any, else its subjects."""
        if rule.addressees:
            names = self.messages["addressees"]
            return (", ".join(names[a.value]["id"] for a in rule.addressees),
                    ", ".join(names[a.value]["en"] for a in rule.addressees))
        subjects = self.messages["subjects"]
        return (", ".join(subjects[s.value]["id"] for s in rule.subjects),
                ", ".join(subjects[s.value]["en"] for s in rule.subjects))

    def _election_kind(self, analysis: Analysis, stage: StageInfo | None) -> str | None:
        """pilkada or pemilu: from the election the date falls in, else from words such as "cabup" or "caleg"."""
        if stage is not None and stage.election_id and stage.election_id in self.elections:
            return self.elections[stage.election_id].kind.value
        words = set(analysis.words)
        return "pilkada" if words & PILKADA_WORDS else "pemilu" if words & PEMILU_WORDS else None

    def _primary(self, matches: list[RuleMatch], stage: StageInfo | None) -> tuple[Rule, ...]:
        """The top rule, plus its counterpart for the other side of the candidates-set date when the stage is
        unknown (e.g. the ethics rule before candidates are set and the disciplinary rule after)."""
        top = matches[0].rule
        if matches[0].binds_subject and top.instrument in STATUTE_KIND:
            # an election law binding a civil servant: their discipline rule for the act is a basis too
            discipline = next((m.rule for m in matches[1:4] if m.binds_subject and m.applies is not False
                               and m.rule.instrument not in STATUTE_KIND), None)
            if discipline is not None:
                return (top, discipline)
        if stage is not None:
            return (top,)
        for m in matches[1:6]:
            other = m.rule
            if other.family is top.family and (other.id in top.related or top.id in other.related) \
                    and {top.period, other.period} & {Period.BEFORE_CANDIDATES_SET} and top.period is not other.period:
                return (top, other)
        return (top,)

    def _stage_note(self, stage: StageInfo) -> LocalizedText:
        if stage.source == "date" and stage.day and stage.election_name and stage.stage_name:
            set_fact = self.messages["notes"]["set_yes" if stage.candidates_set else "set_no"]
            camp = self.messages["notes"]["in_campaign" if stage.in_campaign else "not_in_campaign"]
            return self._bi(("notes", "stage_known"), {lang: dict(
                day=_long_date(stage.day, lang), election=stage.election_name.get(lang), stage=stage.stage_name.get(lang),
                set_fact=set_fact[lang], campaign_fact=camp[lang]) for lang in ("id", "en")})
        fact = self.messages["stage_facts"].get(stage.stage_id or "", self.messages["stage_facts"]["after_set"])
        return LocalizedText(id=self.messages["notes"]["stage_phrase"]["id"].format(fact=fact["id"]),
                             en=self.messages["notes"]["stage_phrase"]["en"].format(fact=fact["en"]))

    def _period_notes(self, primary: tuple[Rule, ...]) -> list[LocalizedText]:
        if len(primary) == 2 and Period.BEFORE_CANDIDATES_SET in {r.period for r in primary} \
                and primary[0].period is not primary[1].period:
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
        bound_id, bound_en = self._bound_labels(primary[0])
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
               "ptdh": "pemberhentian tidak dengan hormat", "pidana": "pidana", "administratif": "sanksi administratif",
               "institusi": "sanksi menurut aturan institusinya"},
        "en": {"moral_terbuka_atau_tertutup": "moral sanction", "moral_terbuka": "open moral sanction",
               "moral_tertutup": "closed moral sanction", "ringan": "light disciplinary penalty",
               "sedang": "moderate disciplinary penalty", "berat": "severe disciplinary penalty",
               "ptdh": "dishonourable dismissal", "pidana": "criminal penalty",
               "administratif": "administrative sanction", "institusi": "sanction under the institution's own rules"},
    }
    return levels["en" if lang == "en" else "id"][rule.sanction.level.value]


def _long_date(day: date, lang: str) -> str:
    """"27 Agustus 2024" (Indonesian) or "27 August 2024"."""
    return formatting.day(day, lang)


@lru_cache(maxsize=1)
def default_engine() -> GuidanceEngine:
    """The engine over the packaged rulebook and calendars, built once per process."""
    return GuidanceEngine(load_rulebook(), load_elections())


def answer(question: str, *, when: date | None = None, status: str | None = None, subject: str | None = None,
           election: str | None = None) -> Answer:
    """Answer a "Bolehkah?" question with the packaged rulebook. See ``GuidanceEngine.answer``."""
    return default_engine().answer(question, when=when, status=status, subject=subject, election=election)
