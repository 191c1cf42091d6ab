"""The screener: fast rule stage + learned stage + the actor rule, combined into one ``Result`` per item.

Decision (in this order):

1. ``author.is_asn == false``: never a violation (score 0). Citizens, volunteers, cadres and candidates may
   campaign.
2. Who acted: ``author.is_asn == true`` binds the author (except for ``source: report``, where the author is the
   reporter and the actor must come from the text); otherwise the text must say it: a bound role ("sebagai
   guru PNS", "Pak Camat", "kades", "perangkat desa", NIP ...) not cancelled by an unbinder ("mantan",
   "anak Pak Camat", "sudah pensiun"), or state property / official levers whose partisan use implies an
   official ("mobil dinas plat merah", "bansos ... cuma dibagi ke relawan").
3. What was done: the learned ``act`` probability (text features plus rule-pattern features). Reporting,
   reminders, socialisation, pledges and neutral civic messages score low however many campaign words they
   hold.
4. A violation needs a bound actor, ``act >= threshold`` and at least one evidence span from the rule stage
   (pattern matches; the model's strongest words only when no pattern matched).

``score`` is the probability of a violation: ``act`` for a bound actor, ``act × unknown_actor_prior`` when no
actor is named, and 0 when the actor is known not to be bound.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from netra.screening.analysis import Analysis, Analyzer, neutrality_rules
from netra.screening.candidates import CandidateRegistry
from netra.screening.items import Actor, CandidateRef, Item, Result, Span, Stance
from netra.screening.names import LearnedNames
from netra.screening.model import MODEL_PATH, LinearModel, feature_words
from netra.screening.stages import StageInfo, StageResolver
from netra.screening.lexicon import Lexicon
from netra.text import HAND, HASHTAG, ZERO_PADDED

_STATUTE_KIND = {"uu10_2016": "pilkada", "uu7_2017": "pemilu"}  # other sources (SKB, PP 94/2021) bind in both
SUBJECTS = {"asn": ("pns", "pppk"), "village": ("village_head", "village_official", "bpd"), "security": ("tni_polri",)}
FAMILY_LABELS_ID = {
    "social_media": "kampanye di media sosial",
    "campaign": "keikutsertaan dalam kampanye",
    "state_resources": "penggunaan fasilitas negara",
    "official_action": "keputusan atau tindakan jabatan yang berpihak",
    "campaign_props": "pemasangan atau pembagian alat peraga kampanye",
    "party": "keterlibatan dalam partai politik",
    "candidacy": "pencalonan tanpa mundur atau CLTN",
    "ktp_support": "dukungan KTP untuk calon perseorangan",
    "partisan_event": "kegiatan yang berpihak pada calon",
}
_NEGATORS = {"jangan", "tidak", "tolak", "bukan", "asal", "anti"}
_SENTENCE_BREAK = set(".!?\n")
_MAX_RULES = 4
_MANY_BATCH = 256  # items scored together by screen_many (memory stays constant)


class Screener:
    """Screens items against the rulebook; build once and reuse (it is immutable after construction)."""

    def __init__(self, *, rulebook=None, registry: CandidateRegistry | None = None,
                 model: LinearModel | str | None = None, lexicon: Lexicon | None = None,
                 stages: StageResolver | None | str = "packaged", threshold: float = 0.5, unknown_actor_prior: float = 0.1,
                 support_floor: float | None = None, names: LearnedNames | None | str = "packaged",
                 anchor_cap: bool = True):
        if rulebook is None:
            from netra.rulebook import load_rulebook

            rulebook = load_rulebook()
        self.rulebook = rulebook
        self.registry = registry if registry is not None else CandidateRegistry.demo()
        self.lexicon = lexicon or Lexicon.load()
        self.names = LearnedNames.packaged() if names == "packaged" else (names or LearnedNames())
        self.analyzer = Analyzer(self.lexicon, rulebook, self.registry, self.names)
        if model is None or isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
            model = LinearModel.load(model or MODEL_PATH)
        self.model = model
        self.stages = StageResolver.packaged() if stages == "packaged" else (stages or StageResolver(None))
        self.threshold = threshold
        self.unknown_actor_prior = unknown_actor_prior
        self.support_floor = support_floor
        self.anchor_cap = anchor_cap
        self._role_kinds: dict[str, str] = {}
        self._rules_for: dict[tuple[str, str], list] = {}
        self._stance_rules = frozenset(self.lexicon.raw.get("stance_rules") or ())
        self._rules_by_family = {}
        for rule in neutrality_rules(rulebook):
            fam = rule.family.value if hasattr(rule.family, "value") else str(rule.family)
            self._rules_by_family.setdefault(fam, []).append(rule)

    def with_model(self, model: LinearModel) -> Screener:
        """The same screener (rulebook, registry, names, vocabulary) with another model: for training runs."""
        import copy

        other = copy.copy(self)
        other.model = model
        return other

    # --- public ---------------------------------------------------------------------------------------------
    def screen(self, item: Item | dict) -> Result:
        return self.screen_batch([item])[0]

    def screen_many(self, items: Iterable[Item | dict]) -> Iterator[Result]:
        batch: list[Item | dict] = []
        for item in items:
            batch.append(item)
            if len(batch) >= _MANY_BATCH:
                yield from self.screen_batch(batch)
                batch = []
        if batch:
            yield from self.screen_batch(batch)

    def screen_batch(self, items: list[Item | dict]) -> list[Result]:
        """Screen items together: each text is analysed on its own, the model scores the batch in one set of array
        operations (``LinearModel.score_batch``), then each item is decided on its own. ``screen`` is a batch of
        one."""
        with cyclic_gc_paused():
            items = [item if isinstance(item, Item) else Item.from_dict(item) for item in items]
            analyse = self.analyzer.analyse
            analyses = [analyse(item.text) for item in items]
            # the model is not asked about authors known not to be bound: they are never a violation
            scored = [k for k, item in enumerate(items) if item.author.is_asn is not False]
            scores: list = [None] * len(items)
            for k, s in zip(scored, self.model.score_batch([analyses[k] for k in scored]) if scored else ()):
                scores[k] = s
            return [self._screen(item, a, s) for item, a, s in zip(items, analyses, scores)]

    # --- the decision ---------------------------------------------------------------------------------------
    def _screen(self, item: Item, a: Analysis, scores) -> Result:
        text = item.text
        tk = a.tokens
        actor = self._actor(item, a)
        candidate = self._candidate(item, a)
        info = self.stages.resolve(item.created_at, item.region, candidate.election if candidate else None) \
            if item.created_at else None
        stage = info.label if info else None

        if item.author.is_asn is False:
            return Result(item.id, False, 0.0, None, (), (), actor, candidate, stage,
                          "Penulis bukan ASN atau perangkat desa (author.is_asn = false), sehingga dukungan "
                          "politiknya bukan pelanggaran netralitas.")

        act = scores.act
        if self.support_floor and act < self.support_floor and _explicit_support(a):
            act = self.support_floor
        if act >= self.threshold and ((self.anchor_cap and not _election_anchor(a)) or _every_side(a)
                                      or _reporting_context(a) or _denial(a)
                                      or _report_of_others(a) or _genuine_question(a)):
            act = min(act, NOT_PARTISAN_CAP)
        if actor.bound:
            score = act
        elif actor.basis == "none":
            score = act * self.unknown_actor_prior
        else:
            score = 0.0
        score = round(score, 4)

        if not actor.bound or act < self.threshold:
            return Result(item.id, False, score, None, (), (), actor, candidate, stage,
                          self._reason_clear(a, actor, act))

        family = self._family(a, scores)
        cues = _stance_cues(a)
        stance = Stance("against" if scores.against >= 0.5 else "support", tuple(label for label, _ in cues))
        # the side taken is shown by its cues, or else by the words that made the model read a side
        cue_spans = [sp for _, spans in cues for sp in spans] or self._model_spans(a, scores)
        rule_spans = self._rules(family, actor.kind, a, info, cue_spans)
        if not rule_spans:
            return Result(item.id, False, score, None, (), (), actor, candidate, stage,
                          "Model menilai ada indikasi keberpihakan, tetapi tidak ada frasa yang cocok dengan "
                          "aturan mana pun; perlu ditinjau manual.", stance)
        spans = set(self._act_spans(a, family)) | {sp for _, sps in rule_spans for sp in sps}
        evidence = []
        if actor.basis == "text" and actor.start is not None:
            evidence.append(Span(actor.start, actor.end, text[actor.start:actor.end]))
        for s, e in self._merge(tk, list(spans)):
            named = tuple(rid for rid, sps in rule_spans if any(s <= i and j <= e for i, j in sps))
            start, end = tk.start[s], tk.end[e - 1]
            evidence.append(Span(start, end, text[start:end], named))
        evidence.sort(key=lambda sp: (sp.start, sp.end))
        rules = tuple(rid for rid, _ in rule_spans)
        return Result(item.id, True, score, family, rules, tuple(evidence), actor, candidate, stage,
                      self._reason_violation(actor, family, candidate, stance), stance)

    # --- actor ----------------------------------------------------------------------------------------------
    def _actor(self, item: Item, a: Analysis) -> Actor:
        author = item.author
        if author.is_asn is False:
            return Actor(author.role, False, "author.is_asn", relation="author")
        if author.is_asn is True and item.source != "report":
            return Actor(author.role or "penulis (ASN)", True, "author.is_asn", kind=self._role_kind(author.role),
                         relation="author")
        tk = a.tokens
        text = tk.text
        bound = [r for r in a.roles if r.bound]
        if bound:
            pick = next((r for r in bound if r.first_person), bound[0])
            s, e = tk.start[pick.start], tk.end[pick.end - 1]
            return Actor(text[s:e], True, "text", s, e, pick.kind, pick.relation)
        implied = [(i, j) for i, j, _ in a.implied if not _candidate_before(a, i)]
        if implied and not a.unknown_actor:
            i, j = implied[0]
            s, e = tk.start[i], tk.end[j - 1]
            return Actor(text[s:e], True, "text", s, e, "asn", "subject")
        if a.roles:
            r = a.roles[0]
            s, e = tk.start[r.start], tk.end[r.end - 1]
            return Actor(text[s:e], False, "text", s, e, r.kind, r.relation)
        if a.unbound_phrase is not None:
            i, j = a.unbound_phrase
            s, e = tk.start[i], tk.end[j - 1]
            return Actor(text[s:e], False, "text", s, e, None, "unbound")
        return Actor(None, False, "none")

    def _role_kind(self, role: str | None) -> str:
        if not role:
            return "asn"
        kind = self._role_kinds.get(role)
        if kind is None:
            a = self.analyzer.analyse(role)
            kind = a.roles[0].kind if a.roles else "asn"
            if len(self._role_kinds) < 10_000:
                self._role_kinds[role] = kind
        return kind

    # --- candidate ------------------------------------------------------------------------------------------
    def _candidate(self, item: Item, a: Analysis) -> CandidateRef | None:
        tk = a.tokens
        text = tk.text
        norm = tk.norm
        region, day = item.region, item.created_at

        def negated(i: int) -> bool:
            return any(norm[k] in _NEGATORS for k in range(max(0, i - 2), i))

        hits = self.analyzer.candidate_hits(a, region, day) if a.candidates else []
        if hits:
            hits.sort(key=lambda h: (negated(h[0]), h[0]))
            i, j, cand = hits[0]
            return CandidateRef(cand.label, cand.name, cand.election, text[tk.start[i]:tk.end[j - 1]])
        if a.ballots:
            ballots = sorted(a.ballots, key=lambda b: (negated(b[0]), not b[3], b[0]))
            i, j, number, _ = ballots[0]
            cand = self.registry.by_number(number, region, day)
            return CandidateRef(f"{number:02d}", cand.name if cand else None, cand.election if cand else None,
                                text[tk.start[i]:tk.end[j - 1]])
        if a.pairs:
            i, j = a.pairs[0]
            return CandidateRef(None, None, None, text[tk.start[i]:tk.end[j - 1]])
        return None

    # --- family ---------------------------------------------------------------------------------------------
    @staticmethod
    def _family(a: Analysis, scores) -> str:
        """The family of the act, from the act the text describes. An offline act named in words (a shirt or a
        pin worn, stickers handed out, an event held, an office or its facilities used, a decision taken) is its
        own family even on social media, unless the text also names an online act (posting, sharing, liking);
        a side taken with no act named is online campaigning when it is a post."""
        hits = a.family_hits
        offline = [f for f in hits if f != "social_media"]
        if not offline:
            return "social_media" if "social_media" in hits or a.has_partisan_signal else scores.best_family
        pool = offline + (["social_media"] if "social_media" in hits else [])
        if len(pool) == 1:
            return pool[0]  # one act family named: no need for the model's family head
        probs = scores.family
        return max(pool, key=lambda f: probs.get(f, 0.0))

    # --- evidence -------------------------------------------------------------------------------------------
    def _act_spans(self, a: Analysis, family: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for kind in self.lexicon.evidence_cues:
            spans.extend(a.cues.get(kind, ()))
        spans.extend((i, j) for i, j, _, _ in a.ballots)
        spans.extend((i, j) for i, j, _ in a.candidates)
        spans.extend(a.pairs)
        spans.extend(a.persons)
        spans.extend((i, j) for i, j, _ in a.names)
        spans.extend(a.tag_support)
        spans.extend(a.tag_against)
        for kind in ("praise", "attack", "mock"):
            spans.extend(a.cues.get(kind, ()))
        spans.extend(a.family_hits.get(family, ()))
        if family in ("state_resources", "official_action"):
            spans.extend((i, j) for i, j, fam in a.implied)
        if not a.roles:
            return list(set(spans))  # every span holds a token: none is inside an (absent) role phrase
        role_tokens = set()
        for r in a.roles:
            role_tokens.update(range(r.core[0], r.core[1]))
        return [s for s in set(spans) if not role_tokens.issuperset(range(s[0], s[1]))]

    def _model_spans(self, a: Analysis, scores) -> list[tuple[int, int]]:
        """Fallback evidence: the words whose features pushed the act score up the most."""
        norm = feature_words(a)
        spans = []
        for f in scores.top_words(3):
            words = f.split(" ")
            k = len(words)
            for i in range(len(norm) - k + 1):
                if norm[i:i + k] == words:
                    spans.append((i, i + k))
                    break
        return spans

    @staticmethod
    def _merge(tk, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Merge overlapping spans, and spans one token apart within a sentence, into readable phrases."""
        text = tk.text
        out: list[list[int]] = []
        for s, e in sorted(spans):
            if out:
                ps, pe = out[-1]
                if s <= pe or (s <= pe + 1 and not (_SENTENCE_BREAK & set(text[tk.end[pe - 1]:tk.start[s]]))):
                    out[-1][1] = max(pe, e)
                    continue
            out.append([s, e])
        return [(s, e) for s, e in out]

    # --- rules ----------------------------------------------------------------------------------------------
    def _rules(self, family: str, kind: str | None, a: Analysis, info: StageInfo | None,
               stance_spans: list[tuple[int, int]]) -> list[tuple[str, list[tuple[int, int]]]]:
        """The rules the evidence matched, each with its token spans: a rule's own keywords found in the text; an
        act phrase of the family for that family's rules; a side taken in a post (the stance cues) for the rules on
        campaigning online. Only rules that bind the actor, in the period and under the statute of the date. A rule
        with no matching evidence is never named: no evidence, no rule."""
        key = (family, kind or "asn")
        rules = self._rules_for.get(key)
        if rules is None:
            subjects = SUBJECTS.get(kind or "asn", SUBJECTS["asn"])

            def binding(fam: str) -> list:
                return [r for r in self._rules_by_family.get(fam, ()) if any(r.binds(s) for s in subjects)]
            # No rule of this family binds the actor (a village head's post, say: the SKB binds PNS/PPPK only):
            # the statutes' general bans on acts that favour a candidate (UU 10/2016 Pasal 71(1), UU 7/2017
            # Pasal 282/490) do.
            rules = binding(family) or binding("official_action")
            self._rules_for[key] = rules
        if info is not None and info.kind:  # the statute of the election in question, where the date tells
            rules = [r for r in rules if _STATUTE_KIND.get(r.id.split(".", 1)[0], info.kind) == info.kind] or rules
        if info is not None and info.candidates_set is not None:
            in_campaign = bool(info.in_campaign)
            dated = [r for r in rules
                     if r.period.applies(candidates_set=info.candidates_set or in_campaign, in_campaign=in_campaign)]
            rules = dated or rules
        hits = a.rule_hits
        acts = [sp for fam, sps in a.family_hits.items() if fam == family for sp in sps]
        out: dict[str, list[tuple[int, int]]] = {}
        for r in rules:
            found = list(hits.get(r.id, ()))
            if not found and acts and family != "social_media":
                found = list(acts)  # an act phrase of this family ("pakai kaos", "bagi sembako")
            if r.id in self._stance_rules and stance_spans:
                found.extend(stance_spans)  # a side taken in a post: campaigning online
            if found:
                out[r.id] = found
        ranked = sorted(out.items(), key=lambda kv: (-len(set(hits.get(kv[0], ()))), kv[0] not in self._stance_rules))
        return ranked[:_MAX_RULES]

    # --- reasons (one Indonesian sentence) ------------------------------------------------------------------
    def _reason_violation(self, actor: Actor, family: str, candidate: CandidateRef | None, stance: Stance) -> str:
        who = f"Pelaku ({actor.text})" if actor.text else "Pelaku"
        basis = "menurut data penulis" if actor.basis == "author.is_asn" else "menurut teks"
        target = ""
        if candidate is not None:
            if candidate.name:
                target = f" untuk {candidate.name}"
            elif candidate.number:
                target = f" untuk nomor urut {candidate.number}"
            elif candidate.text:
                target = f" untuk {candidate.text}"
        side = "menentang" if stance.side == "against" else "mendukung"
        cues = f" ({', '.join(stance.cues)})" if stance.cues else ""
        return (f"{who} terikat aturan netralitas {basis}, dan teks menunjukkan "
                f"{FAMILY_LABELS_ID.get(family, family)}{target}: {side}{cues}.")

    def _reason_clear(self, a: Analysis, actor: Actor, act: float) -> str:
        if actor.basis == "text" and not actor.bound:
            if actor.relation in _RELATION_REASONS:
                return _RELATION_REASONS[actor.relation].format(actor.text)
            return (f"Orang yang disebut (\"{actor.text}\") tidak atau tidak lagi terikat aturan netralitas, "
                    "sehingga ini bukan pelanggaran netralitas.")
        if not actor.bound:
            if act >= self.threshold:
                return ("Teks menunjukkan dukungan politik, tetapi tidak menyebut pelaku yang terikat netralitas "
                        "(ASN, kepala desa atau perangkat desa).")
            return "Tidak ditemukan tindakan keberpihakan yang dilarang, dan pelaku yang terikat tidak disebut."
        if a.cues.get("reporting"):
            return ("Teks memberitakan, mengingatkan atau menyosialisasikan aturan, bukan melakukan tindakan "
                    "keberpihakan.")
        if a.cues.get("neutral") and not (a.candidates or a.pairs):
            return "Pesan kewargaan yang netral tanpa dukungan kepada calon tertentu, bukan pelanggaran."
        return "Tidak ditemukan tindakan keberpihakan yang dilarang dalam teks."


NOT_PARTISAN_CAP = 0.45
_RELATION_REASONS = {
    "audience": "\"{}\" disapa atau diimbau oleh teks, bukan pelaku tindakan; tidak ada pelaku terikat yang bertindak.",
    "topic": "\"{}\" ditanyakan atau dibicarakan, bukan pelaku tindakan; tidak ada pelaku terikat yang bertindak.",
    "nickname": "\"{}\" di sini julukan tokoh yang dibicarakan, bukan pejabat kelurahan atau desa yang bertindak.",
}


def _reporting_context(a: Analysis) -> bool:
    """Two or more distinct reporting or prohibition phrases ("BKN merekomendasikan sanksi ...", "mengingatkan ...
    agar tidak ikut") and no campaign hashtag: the text reports on, or warns against, an act rather than doing
    it. (A report passed on with a campaign hashtag added takes a side: the hashtag is the poster's.)"""
    if a.tag_support or a.tag_against:
        return False
    tk = a.tokens
    seen = set()
    for kind in ("reporting", "prohibition"):
        for i, j in a.cues.get(kind, ()):
            seen.add(" ".join(tk.norm[i:j]))
            if len(seen) >= 2:
                return True
    return False


def _election_anchor(a: Analysis) -> bool:
    """Something ties the text to an election: an election word, a candidate (registry, learned name, "Pak X",
    "X–Y", a campaign hashtag), or a ballot number that reads as one ("02", "#3", "paslon 3", "coblos no 2", "no
    1" next to a support word). A bare "nomor 2" or a lone ✌️ is not partisan ("antrean nomor 2", "juara 2 ✌️"),
    nor is "dukung" next to a cause that is not an election ("dukung atlet PON"), nor a name alone."""
    cues = a.cues
    if cues.get("election") or a.candidates or a.names or a.pairs or a.persons or a.tag_support or a.mention_sides:
        return True
    if cues.get("election_weak") and not cues.get("non_election"):
        return True  # "dukung", "pilih": an election unless the text says what else ("dukung atlet PON")
    tk = a.tokens
    if not a.ballots or cues.get("non_election"):
        return False  # "antrean nomor 02", "juara 2 ✌️", "nomor urut 1 ketua OSIS"
    flags, norm = tk.flags, tk.norm
    support = bool(a.cues.get("support") or a.cues.get("against") or a.family_hits)
    for i, j, _, strong in a.ballots:
        last = j - 1
        if flags[last] & HAND:
            continue
        if flags[last] & (ZERO_PADDED | HASHTAG):
            return True
        if strong and (j - i > 1 and norm[i] != "nomor" or support):
            return True
    return False


# the Indonesian names of the cues a side is taken with, in the order a reason lists them
CUE_LABELS = (("support", "ajakan memilih"), ("praise", "pujian kepada paslon"), ("against", "serangan terhadap paslon"),
              ("attack", "serangan terhadap paslon"), ("mock", "ejekan"))


def _stance_cues(a: Analysis) -> list[tuple[str, list[tuple[int, int]]]]:
    """The cues of the side the text takes, as (Indonesian label, token spans): "ajakan memilih", "pujian kepada
    paslon", "serangan terhadap paslon", "ejekan", "tagar kampanye", "nomor urut / simbol jari"."""
    out: dict[str, list[tuple[int, int]]] = {}
    for kind, label in CUE_LABELS:
        spans = a.cues.get(kind)
        if spans:
            out.setdefault(label, []).extend(spans)
    tags = sorted({*a.tag_support, *a.tag_against})
    if tags:
        out["tagar kampanye"] = tags
    if a.slogans:
        out["slogan kampanye"] = list(a.slogans)
    ballots = [(i, j) for i, j, _, strong in a.ballots if strong]
    if ballots:
        out["nomor urut / simbol jari"] = ballots
    return list(out.items())


def _candidate_before(a: Analysis, i: int, window: int = 8) -> bool:
    """A candidate is named just before state aid or a lever ("Prabowo–Gibran memanfaatkan bansos ..."): the text
    accuses the candidate, it does not show an official handing the aid out."""
    names = [*((x, y) for x, y, _ in a.names), *((x, y) for x, y, _ in a.candidates), *a.pairs]
    return any(i - window <= y <= i for _, y in names)


def _denial(a: Analysis) -> bool:
    """Support denied and no side named after it ("saya tidak mendukung paslon manapun"); refusing one named side
    ("gak bakal pilih 02") is against it, and stays the model's to read."""
    cues = a.cues
    neutral = cues.get("neutral", ())
    # "pilihan saya rahasia": a choice kept secret is no support
    support = [(i, j) for i, j in cues.get("support", ()) if not any(j <= ni <= j + 1 for ni, _ in neutral)]
    if not cues.get("neg_support") or support or any(cues.get(k) for k in ("praise", "attack", "mock", "against")):
        return False
    if a.tag_support or a.tag_against:
        return False
    if cues.get("universal"):
        return True
    last = max(j for _, j in cues["neg_support"])
    named = [*((i, j) for i, j, _ in a.names), *((i, j) for i, j, _ in a.candidates), *a.pairs,
             *((b[0], b[1]) for b in a.ballots if b[3])]
    return not any(i >= last - 1 for i, _ in named)


def _report_of_others(a: Analysis) -> bool:
    """The text opens with someone else doing or saying (a headline or a report: "Airlangga optimistis X menang",
    "Calon Bupati nomor urut 3 berjanji ...") and adds nothing of the poster's own: no campaign hashtag, no first
    person."""
    if any(r.bound for r in a.roles):
        return False  # a bound person reported acting is the very act a report exists to flag
    if _explicit_support(a):
        return False  # "Pagi2 semangat! yukkk menangkan Bu Ratna": the poster's own call, whatever opens it
    return a.reported_subject and not (a.tag_support or a.tag_against or a.cues.get("first_person"))


def _genuine_question(a: Analysis) -> bool:
    """A question asked ("Apakah PNS boleh pilih 02?"), with no praise, attack, mockery or campaign hashtag in it:
    a rhetorical question that attacks ("Masa mau pilih capres pelanggar HAM?") is not one."""
    if not (a.question and a.cues.get("interrogative") and "?" in a.tokens.text):
        return False
    return not (a.tag_support or a.tag_against or any(a.cues.get(k) for k in ("praise", "attack", "mock")))


def _every_side(a: Analysis) -> bool:
    """Campaign hashtags of two or more sides and no side taken in the poster's own words ("#AniesMuhaimin2024
    #PrabowoGibran2024 #GanjarMahfud2024" on a question or an advert): topic tagging, not a stance."""
    if a.tagged_sides < 2:
        return False
    flags = a.tokens.flags
    for kind in ("support", "against", "praise", "attack", "mock"):
        for i, _ in a.cues.get(kind, ()):
            if not flags[i] & HASHTAG:
                return False
    return True


def _explicit_support(a: Analysis) -> bool:
    """A support (or against) phrase right next to a candidate, or a campaign hashtag, outside any reporting
    context: "coblos no 2", "menangkan pasangan Hendra–Wulan", "jangan pilih 01", "#HendraWulan2024"."""
    if a.cues.get("reporting") or a.cues.get("prohibition"):
        return False
    if a.tag_support:
        return True
    targets = [*a.pairs, *a.persons, *a.tag_names, *((i, j) for i, j, _ in a.candidates),
               *((b[0], b[1]) for b in a.ballots if b[3])]
    if not targets:
        return False
    for cue in ("support", "against"):
        for i, j in a.cues.get(cue, ()):
            for ti, tj in targets:
                if (0 <= ti - j <= 2) or (0 <= i - tj <= 1) or (ti <= i < tj):
                    return True
    return False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Run a batch with Python's cyclic garbage collector paused (switched back on after, if it was on).

    A batch builds tens of thousands of short-lived containers (tokens, analyses, scores, results, evidence) that
    all die by reference counting: screening makes no reference cycles (``gc.collect()`` finds none after
    thousands of screenings with the collector off). Left on, the collector walks them again and again: they
    outlive two young collections, reach the old generation and set off a full collection about once a batch,
    14-16% of the CPU time of the 30,000-post bench. With several threads, the first to pause it switches it back
    on; another thread's batch may then finish with it on, which only costs that time again."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@lru_cache(maxsize=1)
def default_screener() -> Screener:
    """The packaged screener: shipped rulebook, demo candidate registry, shipped model."""
    return Screener()


def screen(item: Item | dict, screener: Screener | None = None) -> Result:
    """Screen one item (an ``Item`` or a dict in the input format)."""
    return (screener or default_screener()).screen(item)


def screen_many(items: Iterable[Item | dict], screener: Screener | None = None) -> Iterator[Result]:
    """Screen items lazily, in order (constant memory)."""
    return (screener or default_screener()).screen_many(items)
