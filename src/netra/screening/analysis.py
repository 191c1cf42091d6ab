"""The fast stage: rule patterns, ballot numbers, candidates and actor phrases found in one pass over tokens.

Patterns come from three places and are matched on NORMALISED tokens (``netra.text``):

* the rulebook (``netra.rulebook``): every rule's ``keywords``, so each hit names the rule and its family;
* the screening lexicon (``data/lexicon.yaml``): support/against/reporting/neutral cues, bound roles,
  unbinders ("mantan", "anak Pak ..."), state property that implies an official actor, and extra act phrases
  per family;
* the candidate registry (names, aliases, hashtags, slogans).

All phrases live in one ``PhraseIndex`` keyed by first token, so a text is scanned once with dictionary look-ups
(no regex per pattern). Spans are token ranges; ``Tokens.span`` turns them into original-text offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import and_, gt

from netra.screening.candidates import Candidate, CandidateRegistry
from netra.screening.lexicon import Lexicon
from netra.screening.names import LearnedNames
from netra.text import CAP, EMOJI, HAND, HASHTAG, NUM, NUMWORD, ZERO_PADDED, Normaliser, Tokens

WILD_NUM = "\x00num"
FAMILIES = ("social_media", "campaign", "state_resources", "official_action", "campaign_props", "party",
            "candidacy", "ktp_support", "partisan_event")
_DASHES = {"-", "–", "—", "‑"}
_HONORIFICS = {"pak", "bu", "mas", "mbak", "bang", "kak", "cak", "abah", "haji", "ustadz"}
_SKIP_BEFORE_ROLE = {"pak", "bu", "seorang", "oknum", "sang", "si", "para", "yang", "dua", "sesama", "beberapa"}
_NUMBER_MAX = 20
# words before a role that make it the audience ("untuk para ASN", "Pak Kades, ..."), and words after it that
# make the sentence a directive to it ("ASN harus netral", "PNS jangan ikut kampanye")
_ADDRESS = {"untuk", "kepada", "kpd", "bagi", "buat", "wahai", "hai", "halo", "yth", "rekan", "seluruh", "ayo"}
_DIRECTIVES = {"harus", "wajib", "jangan", "dilarang", "agar", "supaya", "diminta", "dihimbau", "diimbau",
               "mohon", "tolong", "perlu", "hendaknya", "sebaiknya", "tetap"}
# token flags (all below 256) -> a test on them, as tables: ``map(TABLE.__getitem__, flags)`` runs the test for
# every token in C, so a text pays Python only for the tokens that pass
_NUMERIC = tuple(bool(f & (NUM | HAND)) for f in range(256))
_CAPITALISED = tuple(bool(f & CAP and not f & (NUM | HASHTAG)) for f in range(256))
_WORDLIKE = tuple(not f & (NUM | HASHTAG | EMOJI) for f in range(256))


class PhraseIndex:
    """Phrases (tuples of normalised tokens) -> payloads, matched as a token trie.

    ``scan`` returns, for each start token in text order, every phrase that matches there, longest first (phrases
    of one length in the order they were first added): the order the analysis reads cues, roles and candidates
    in. A trie walks only as deep as the text keeps matching, so a common first word with dozens of phrases
    ("kepala", "staf" + every agency) costs a few look-ups, not one comparison per phrase."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], list[tuple]]] = {}
        self._compiled: dict[str, list] | None = None

    def add(self, toks: tuple[str, ...], payload: tuple) -> None:
        if not toks:
            return
        self._by_first.setdefault(toks[0], {}).setdefault(toks[1:], []).append(payload)
        self._compiled = None

    def compile(self) -> None:
        # a node is [children: {token: node}, terminal: None | (length of the rest, order added, payloads)];
        # WILD_NUM children match any number token
        out: dict[str, list] = {}
        for first, rests in self._by_first.items():
            root: list = [{}, None]
            for order, (rest, payloads) in enumerate(rests.items()):
                node = root
                for tok in rest:
                    node = node[0].setdefault(tok, [{}, None])
                node[1] = (len(rest), order, tuple(dict.fromkeys(payloads)))
            out[first] = root
        self._compiled = out

    def scan(self, tk: Tokens) -> list[tuple[int, int, tuple]]:
        if self._compiled is None:
            self.compile()
        index = self._compiled
        norm = tk.norm
        flags = tk.flags
        n = len(norm)
        hits = []
        roots = list(map(index.get, norm))  # the look-ups in C; a node (a non-empty list) is true, a miss None
        for i in compress(range(n), roots):
            root = roots[i]
            if not root[0]:  # a one-word phrase and nothing longer: the common case
                hits.append((i, i + 1, root[1][2]))
                continue
            found = []
            stack = [(root, i + 1)]
            while stack:
                node, k = stack.pop()
                if node[1] is not None:
                    found.append(node[1])
                children = node[0]
                if not children or k >= n:
                    continue
                child = children.get(norm[k])
                if child is not None:
                    stack.append((child, k + 1))
                if flags[k] & NUM:
                    child = children.get(WILD_NUM)
                    if child is not None:
                        stack.append((child, k + 1))
            if len(found) > 1:
                found.sort(key=lambda t: (-t[0], t[1]))
            for length, _, payloads in found:
                hits.append((i, i + 1 + length, payloads))
        return hits


@dataclass(slots=True)
class RoleHit:
    start: int  # token range of the actor phrase (widened over honorifics, first-person markers, NIP digits)
    end: int
    kind: str  # asn | village | security
    bound: bool  # a bound person who acted: not unbound ("mantan", "(Purn)") and the author or the doer
    first_person: bool  # "sebagai guru PNS", "sy PNS", "aku ASN"
    core: tuple[int, int] = (0, 0)  # the role words themselves
    # how the text relates the person to the act: "author" (first person), "subject" (the text says they did
    # it), "audience" ("Pak Kades, jangan lupa ..."), "topic" (asked or reported about: "Apakah PNS boleh ...?"),
    # "nickname" ("Pak Lurah" for the President), "unbound" (an unbinder applies)
    relation: str = "subject"


@dataclass(slots=True)
class Analysis:
    tokens: Tokens
    cues: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    rule_hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    family_hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    roles: list[RoleHit] = field(default_factory=list)
    implied: list[tuple[int, int, str]] = field(default_factory=list)
    unknown_actor: bool = False
    unbound_phrase: tuple[int, int] | None = None
    ballots: list[tuple[int, int, int, bool]] = field(default_factory=list)  # (i, j, number, strong)
    pairs: list[tuple[int, int]] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[tuple[int, int, int]] = field(default_factory=list)  # (i, j, registry index)
    proper: list[tuple[int, int]] = field(default_factory=list)  # capitalised unknown words opening no sentence
    titlecase: bool = False  # headline style
    tag_names: list[tuple[int, int]] = field(default_factory=list)  # hashtags made of (unknown) names
    tag_support: list[tuple[int, int]] = field(default_factory=list)  # campaign hashtags (see _hashtags)
    tag_against: list[tuple[int, int]] = field(default_factory=list)  # against-campaign hashtags
    slogans: list[tuple[int, int]] = field(default_factory=list)  # a registry candidate's slogans
    names: list[tuple[int, int, int]] = field(default_factory=list)  # learned candidate names (i, j, side)
    sides: frozenset = frozenset()  # distinct sides named (learned sides, registry candidates, ballot numbers)
    rt: bool = False  # a retweet ("RT @x: ...")
    reply: bool = False  # opens with @mentions
    question: bool = False  # asks ("?" or an interrogative word)
    reported_subject: bool = False  # opens with someone else doing or saying ("Airlangga optimistis ...")
    tagged_sides: int = 0  # distinct candidate sides named in campaign hashtags
    mention_sides: frozenset = frozenset()  # sides whose candidates' accounts are @mentioned ("@prabowo")

    @property
    def has_partisan_signal(self) -> bool:
        return bool(self.ballots or self.pairs or self.candidates or self.cues.get("support")
                    or self.cues.get("against") or self.persons)

    def bound_roles(self) -> list[RoleHit]:
        return [r for r in self.roles if r.bound]


def neutrality_rules(rulebook) -> list:
    """The rules the screener matches evidence against: the neutrality duties of bound people. Offences that bind
    every person (vote buying, campaigning in the quiet period) are left to guidance and case handling: their
    words ("uang", "amplop", "masa tenang") appear in posts of every family and pulled flags into the wrong one
    (dev family accuracy 0.769 -> 0.750 when they were matched)."""
    return [rule for rule in rulebook.rules if not rule.binds_everyone]


class Analyzer:
    """Builds the phrase index once (rulebook + lexicon + registry) and analyses texts."""

    def __init__(self, lexicon: Lexicon, rulebook=None, registry: CandidateRegistry | None = None,
                 names: LearnedNames | None = None):
        self.lexicon = lexicon
        self.registry = registry or CandidateRegistry()
        self.names = names if names is not None else LearnedNames()
        extra = set()
        for cand in self.registry:
            for phrase in cand.phrases():
                extra.update(w.lower() for w in _words(phrase))
        self.rule_keywords: dict[str, tuple[str, ...]] = {}
        self.rule_family: dict[str, str] = {}
        if rulebook is not None:
            for rule in neutrality_rules(rulebook):
                fam = rule.family.value if hasattr(rule.family, "value") else str(rule.family)
                self.rule_family[rule.id] = fam
                self.rule_keywords[rule.id] = tuple(rule.keywords)
                for kw in rule.keywords:
                    extra.update(w.lower() for w in _words(kw))
        # the screener's own vocabulary (never a name); learned names are known too, so "#prabowogibran" splits
        self._registry_words = frozenset(w.lower() for c in self.registry for p in c.phrases() for w in _words(p)
                                         if not w.isdecimal())
        self.vocabulary = frozenset((lexicon.words() | extra) - self._registry_words)
        self.normaliser = Normaliser(known_words=self.vocabulary | self._registry_words | set(self.names.side_of),
                                     stem=True)
        # words that are never a name (the spelling table's and the screener's own)
        self._common = frozenset(self.normaliser.known - self._registry_words - set(self.names.side_of))
        last = self._last_token
        # single words the code compares tokens with, in their normalised spelling ("capres" is written either way)
        self.ballot_context = frozenset(filter(None, (last(w) for w in lexicon.ballot_context)))
        self.unbinders_before = frozenset(filter(None, (last(w) for w in lexicon.unbinders_before)))
        self.occupations = frozenset(filter(None, (last(w) for w in lexicon.occupations)))
        self._tag_support_words = frozenset(
            w for p in lexicon.cues.get("support", ()) for w in self.normaliser.tokens(p).norm
        ) | {"menang", "presiden", "presidenku", "istimewa", "lanjutkan", "juara", "pilihanku", "hebat"}
        self.index = PhraseIndex()
        self._build()

    # --- building -------------------------------------------------------------------------------------------
    def _last_token(self, word: str) -> str | None:
        norm = self.normaliser.tokens(word).norm
        return norm[-1] if norm else None

    def _phrase(self, text: str) -> tuple[str, ...]:
        parts: list[str] = []
        for word in text.split():
            if word == "<num>":
                parts.append(WILD_NUM)
            else:
                parts.extend(self.normaliser.tokens(word).norm)
        return tuple(parts)

    def _build(self) -> None:
        lex = self.lexicon
        add = self.index.add
        for kind, phrases in lex.cues.items():
            for p in phrases:
                add(self._phrase(p), ("cue", kind))
        # "salam 2 jari" / "2 jari" are support cues whatever the number
        add(self._phrase("salam <num> jari"), ("cue", "support"))
        add(self._phrase("<num> jari"), ("cue", "support"))
        for kind, phrases in lex.roles.items():
            for p in phrases:
                add(self._phrase(p), ("role", kind))
        for office in lex.agencies:
            for head in ("pegawai", "staf", "petugas", "kepala", "kabid", "kasi", "sekretaris", "karyawan"):
                add(self._phrase(f"{head} {office}"), ("role", "asn"))
        for p in lex.unbinders_after:
            add(self._phrase(p), ("unb_after",))
        for p in lex.unbinder_phrases:
            add(self._phrase(p), ("unb",))
        for fam, phrases in lex.implied_actor.items():
            for p in phrases:
                add(self._phrase(p), ("implied", fam))
        role_phrases = {self._phrase(p) for phrases in lex.roles.values() for p in phrases}
        role_phrases |= {self._phrase(f"kepala {office}") for office in lex.agencies}
        # words that say an election or a side is involved, not which act was done ("paslon", "nomor urut",
        # "dukungan"): as rule keywords they would name a rule (and a family) for any post about a candidate
        generic = {self._phrase(p) for kind in ("support", "against", "election", "election_weak", "neutral")
                   for p in lex.cues.get(kind, ())}
        generic |= {(w,) for w in self.ballot_context}
        generic |= {self._phrase(w) for w in lex.raw.get("weak_keywords") or ()}
        for rule_id, keywords in self.rule_keywords.items():
            fam = self.rule_family[rule_id]
            for kw in keywords:
                toks = self._phrase(kw)
                if len(toks) == 1 and len(toks[0]) < 2:
                    continue  # "X" (the platform) would match every stray letter
                if toks in role_phrases:
                    continue  # "kepala desa", "ASN": who acted, not what was done (see roles)
                if toks in generic:
                    continue
                add(toks, ("rule", rule_id, fam))
        for fam, phrases in lex.family_cues.items():
            for p in phrases:
                toks = self._phrase(p)
                if toks not in generic:
                    add(toks, ("fam", fam))
        for idx, cand in enumerate(self.registry.candidates):
            for p in cand.phrases():
                toks = self._phrase(p)
                if toks:
                    add(toks, ("cand", idx))
            for p in (*cand.hashtags, *cand.slogans):  # a registry's campaign hashtag or slogan takes a side
                toks = self._phrase(p)
                if toks:
                    add(toks, ("campaign_phrase", "tag" if p.startswith("#") else "slogan"))
        for word, side in self.names.side_of.items():
            add((word,), ("name", side))
        for p in lex.raw.get("role_nicknames") or ():
            add(self._phrase(p), ("nickname",))
        self._negators = frozenset(self._last_token(w) for w in ("tidak", "bukan", "belum", "jangan", "tak", "enggan",
                                                                  "ogah", "anti"))
        handles = sorted((w for w in self.names.side_of if len(w) >= 5), key=len, reverse=True)
        self._handle_re = re.compile("|".join(map(re.escape, handles))) if handles else re.compile(r"(?!)")
        self._pronouns = frozenset(self._last_token(w) for w in ("saya", "aku", "kami", "kita", "kamu", "anda",
                                                                   "dia", "mereka", "ayo", "mari", "yuk", "semoga"))
        self._national = frozenset(self._last_token(w) for w in ("presiden", "capres", "cawapres", "pilpres",
                                                                  "istana", "wapres"))
        self.index.compile()

    # --- analysing ------------------------------------------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        tk = self.normaliser.tokens(text)
        a = Analysis(tk)
        norm = tk.norm
        n = len(norm)
        cues = a.cues
        unb_after: list[int] = []
        role_raw: list[tuple[int, int, str]] = []
        nicknames: list[tuple[int, int]] = []
        flags = tk.flags
        for i, j, payloads in self.index.scan(tk):
            # a lone ✌️ is a ballot number at most (see _ballots): not a written slogan, nor a photo's pose
            emoji = flags[i] & EMOJI and flags[j - 1] & EMOJI
            for p in payloads:
                kind = p[0]
                if emoji and kind in ("cue", "rule", "fam"):
                    continue
                if kind == "cue":
                    cues.setdefault(p[1], []).append((i, j))
                elif kind == "rule":
                    a.rule_hits.setdefault(p[1], []).append((i, j))
                    a.family_hits.setdefault(p[2], []).append((i, j))
                elif kind == "fam":
                    a.family_hits.setdefault(p[1], []).append((i, j))
                elif kind == "role":
                    role_raw.append((i, j, p[1]))
                elif kind == "implied":
                    a.implied.append((i, j, p[1]))
                elif kind == "cand":
                    a.candidates.append((i, j, p[1]))
                elif kind == "campaign_phrase":
                    if p[1] == "slogan":
                        a.slogans.append((i, j))
                    elif flags[i] & HASHTAG:  # "#BudiSari" as a hashtag, not the names written out
                        a.tag_support.append((i, j))
                elif kind == "unb_after":
                    unb_after.append(i)
                elif kind == "unb":
                    a.unbound_phrase = (i, j)
                elif kind == "name":
                    a.names.append((i, j, p[1]))
                elif kind == "nickname":
                    nicknames.append((i, j))
        if "support" in cues:
            self._negated_support(tk, a)
        for i, j in cues.get("third_party", ()):
            if j - i >= 2:  # "akun anonim", "tidak tahu siapa", "tidak dikenal"
                a.unknown_actor = True
        text = tk.text
        head = text.lstrip()
        a.rt = bool(n) and norm[0] == "rt" and tk.start[0] == len(text) - len(head)
        a.reply = head.startswith("@")
        a.question = "?" in text or "interrogative" in cues
        self._ballots(tk, a)
        self._names(tk, a)
        if tk.hashtags:
            self._hashtags(tk, a)
        if tk.mention_spans and self.names.side_of:
            a.mention_sides = self._mention_sides(tk)
        if role_raw:
            a.roles = self._roles(tk, role_raw, unb_after, a.unbound_phrase, nicknames, a)
        a.reported_subject = self._reported_subject(tk, a)
        if a.tag_support and a.names:
            a.tagged_sides = len({side for i, j, side in a.names
                                  if any(ti <= i and j <= tj for ti, tj in a.tag_support)})
        if a.names or a.candidates or a.ballots:
            sides = {("n", side) for _, _, side in a.names}
            sides.update(("c", self.registry.candidates[idx].number) for _, _, idx in a.candidates)
            sides.update(("b", b[2]) for b in a.ballots if b[3])
            a.sides = frozenset(sides)
        return a

    def _mention_sides(self, tk: Tokens) -> frozenset:
        """Sides of learned candidate names inside @handles ("@gibran_tweet", "@aniesbaswedan"): a reply to a
        candidate is about the race even when its words name nobody."""
        text = tk.text
        side_of = self.names.side_of
        out = set()
        for s, e in tk.mention_spans:
            out.update(side_of[name] for name in self._handle_re.findall(text[s + 1:e].lower()))
        return frozenset(out)

    def _reported_subject(self, tk: Tokens, a: Analysis) -> bool:
        """The text opens with a named subject who is not a candidate (a person, party or group: capitalised
        words or an acronym) followed within a few words by a verb of saying or doing ("Airlangga Hartarto
        optimistis ...", "SBY Sebut ...", "Golkar Surabaya sosialisasikan ...", "Relawan Prabu: ..."): a report
        of what others do, even when what they do is campaigning."""
        norm, flags, text = tk.norm, tk.flags, tk.text
        n = len(norm)
        k = 0
        while k < n and (flags[k] & (HASHTAG | EMOJI) or norm[k] == "rt"):
            k += 1
        if k == n or not flags[k] & CAP:
            return False
        first = k
        names = self.names.side_of
        while k < n and k - first < 4 and flags[k] & CAP and norm[k] not in names and norm[k] not in self._pronouns:
            k += 1
            if text[tk.end[k - 1]:tk.end[k - 1] + 1] == ":":
                break  # "Relawan Prabu: ..."
        if k == first or any(r.start <= first < r.end or first <= r.start < k for r in a.roles):
            return False  # no subject, or a bound role is the subject: its own act, not someone else's
        # a named subject, not a capitalised first word: two capitalised words, an acronym ("AHY", "TKN") or a
        # name the vocabulary does not know ("Airlangga")
        word = tk.text[tk.start[first]:tk.end[first]]
        named = k - first >= 2 or (len(word) >= 2 and word.isupper()) or norm[first] not in self._common
        if not named:
            return False
        if text[tk.end[k - 1]:tk.end[k - 1] + 1] == ":":
            return True
        verbs = [*a.cues.get("reported", ()), *a.cues.get("support", ())]
        return any(k <= i <= k + 4 for i, _ in verbs)

    def _negated_support(self, tk: Tokens, a: Analysis) -> None:
        """"tidak mendukung paslon manapun", "belum tentu pilih": support words under a negator are not support
        (a named side after them is the model's to read: "gak bakal pilih 02" is against). Support words inside an
        against phrase ("jangan pilih") are the against phrase's."""
        norm = tk.norm
        negators = self._negators
        against = a.cues.get("against", ())
        spans = None
        keep, negated = [], []
        for i, j in a.cues["support"]:
            if against and any(ai <= i and j <= aj for ai, aj in against):
                continue
            near = [k for k in range(max(0, i - 2), i) if norm[k] in negators]
            neg = False
            if near:
                if spans is None:
                    spans = [sp for group in a.cues.values() for sp in group]
                # a negator that belongs to a phrase of its own ("jangan lupa coblos") negates nothing here
                neg = any(not any(si <= k < sj and (si, sj) != (i, j) for si, sj in spans) for k in near)
            (negated if neg else keep).append((i, j))
        if keep:
            a.cues["support"] = keep
        else:
            del a.cues["support"]
        if negated:
            a.cues["neg_support"] = negated

    def _hashtags(self, tk: Tokens, a: Analysis) -> None:
        """Hashtags built from names ("#HendraWulan"), campaign hashtags (a name with a year, a ballot number or a
        support word: "#HendraWulan2024", "#BudiSariMenang"; or a support phrase with a year or number:
        "#MenangSatuPutaran", "#2024TetapBudi") and against-campaign hashtags (an attack or refusal with a name,
        year or number: "#2019GantiPresiden", "#TolakBudi")."""
        norm, flags, nums = tk.norm, tk.flags, tk.nums
        common = self._common
        names = self.names.side_of
        registry = self._registry_words
        support = self._tag_support_words
        cues = a.cues
        against_spans = [sp for kind in ("against", "attack", "mock") for sp in cues.get(kind, ())]
        for i, j in tk.hashtag_runs():
            named = backing = dated = False
            for k in range(i, j):
                w = norm[k]
                if (w.isdecimal() and len(w) == 4 and "2000" <= w <= "2035") or (flags[k] & NUM and 0 < nums[k] <= 20):
                    dated = True
                elif w in names or w in registry or (w.isalpha() and len(w) >= 3 and w not in common):
                    named = True
                elif w in support:
                    backing = True
            if named:
                a.tag_names.append((i, j))
            if (named and (backing or dated)) or (backing and dated):
                a.tag_support.append((i, j))
            if (named or dated) and any(i <= si and sj <= j for si, sj in against_spans):
                a.tag_against.append((i, j))

    def _roles(self, tk: Tokens, raw: list[tuple[int, int, str]], unb_after: list[int],
               unbound_phrase: tuple[int, int] | None, nicknames: list[tuple[int, int]],
               a: Analysis) -> list[RoleHit]:
        norm = tk.norm
        n = len(norm)
        # keep the longest role phrase where phrases overlap
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        kept: list[tuple[int, int, str]] = []
        for i, j, kind in raw:
            if kept and i < kept[-1][1]:
                if j - i > kept[-1][1] - kept[-1][0] and i == kept[-1][0]:
                    kept[-1] = (i, j, kind)
                continue
            kept.append((i, j, kind))
        occupations = self.occupations
        unb_before = self.unbinders_before
        out = []
        for i, j, kind in kept:
            core = (i, j)
            s = i
            # widen over occupation words written before a bare status word ("penyuluh pertanian PNS")
            while s > 0 and i - s < 3 and norm[s - 1] in occupations:
                s -= 1
            bound = True
            # look back past honorifics for an unbinder ("anak Pak Camat", "mantan kades", "bukan PNS")
            k = s - 1
            steps = 0
            while k >= 0 and steps < 3:
                w = norm[k]
                if w in unb_before:
                    bound = False
                    break
                if w not in _SKIP_BEFORE_ROLE:
                    break
                k -= 1
                steps += 1
            # "mantan kades yg sudah purna", "Sy sudah resmi mundur dari PNS"
            if bound and any(j <= u <= j + 4 for u in unb_after):
                bound = False
            if bound and unbound_phrase is not None and abs(unbound_phrase[0] - i) <= 4:
                bound = False
            # honorific directly before ("Pak Camat", "Bu Lurah")
            if s > 0 and norm[s - 1] in _HONORIFICS:
                s -= 1
            first_person = False
            if s > 0 and norm[s - 1] in ("sebagai", "selaku", "saya", "kami"):
                s -= 1
                first_person = True
                if s > 0 and norm[s - 1] in ("saya", "kami", "walaupun"):
                    s -= 1
            elif s > 1 and norm[s - 2] in ("saya", "kami") and norm[s - 1] in ("sudah", "juga", "ini", "itu", "para"):
                first_person = True
                s -= 2
            e = j
            if norm[i] == "nip":
                # "NIP sy 19880415 201101 2 003": take the digits
                while e < n and e - j < 6 and (norm[e].isdecimal() or norm[e] == "saya"):
                    e += 1
            elif e < n and norm[e] == "kami":
                e += 1  # "Sekdes kami", "Pak Camat kami"
            relation = "author" if first_person else "subject"
            if not bound:
                relation = "unbound"
            elif any(ni <= i and j <= nj for ni, nj in nicknames) and self._national_context(tk, a):
                relation = "nickname"
            elif not first_person and self._addressed(tk, s, e):
                relation = "audience"
            elif not first_person and a.question and self._in_question(tk, i):
                relation = "topic"
            out.append(RoleHit(s, e, kind, relation in ("author", "subject"), first_person, core, relation))
        return out

    def _national_context(self, tk: Tokens, a: Analysis) -> bool:
        """"Pak Lurah" is the President's nickname where the text is about the presidential race."""
        return bool(a.names or a.mention_sides) or any(w in self._national for w in tk.norm)

    @staticmethod
    def _addressed(tk: Tokens, s: int, e: int) -> bool:
        """The role is spoken to, not reported acting: "Pak Kades, jangan lupa ...", "untuk para ASN: ...",
        "ASN harus netral", "PNS jangan ikut kampanye"."""
        norm, text = tk.norm, tk.text
        before = norm[max(0, s - 2):s]
        if any(w in _ADDRESS for w in before):
            return True
        after = text[tk.end[e - 1]:tk.end[e - 1] + 2]
        opens = s == 0 or text[tk.end[s - 1]:tk.start[s]].strip()[-1:] in (".", "!", "?", "\n", ":")
        if opens and norm[s] in _HONORIFICS and after.strip()[:1] in (",", "!", ":"):
            return True  # "Pak Kades, ...", "Bu Camat! ..."
        return e < len(norm) and norm[e] in _DIRECTIVES

    @staticmethod
    def _in_question(tk: Tokens, i: int) -> bool:
        """The role sits in a sentence that asks ("Apakah PNS boleh ...?")."""
        text = tk.text
        start = max(text.rfind(".", 0, tk.start[i]), text.rfind("!", 0, tk.start[i]), text.rfind("\n", 0, tk.start[i]))
        stops = [k for k in (text.find(ch, tk.end[i]) for ch in ".!?\n") if k != -1]
        end = min(stops) if stops else len(text)
        sentence = text[start + 1:end + 1]
        return "?" in sentence

    def _ballots(self, tk: Tokens, a: Analysis) -> None:
        norm = tk.norm
        flags = tk.flags
        nums = tk.nums
        text = tk.text
        ctx = self.ballot_context
        n = len(norm)
        out = a.ballots
        for i in compress(range(n), map(_NUMERIC.__getitem__, flags)):
            fl = flags[i]
            if fl & HAND:
                out.append((i, i + 1, nums[i], True))
                continue
            if not fl & NUM:
                continue
            value = nums[i]
            if not 0 < value <= _NUMBER_MAX:
                continue
            prev = norm[i - 1] if i > 0 else ""
            prev2 = norm[i - 2] if i > 1 else ""
            prev3 = norm[i - 3] if i > 2 else ""
            nxt = norm[i + 1] if i + 1 < n else ""
            s = i
            e = i + 1
            strong = False
            if prev in ctx and not (fl & NUMWORD and prev not in ("nomor", "urut", "paslon")):
                strong = True
                s = i - 1
                while s > 0 and i - s < 3 and norm[s - 1] in ctx:
                    s -= 1
            elif prev in ("ke", "yang") and (prev2 in ctx or prev3 in ctx):
                strong = True
                s = i - 2 if prev2 in ctx else i - 3
            elif nxt == "jari":
                strong = True
                e = i + 2
                if prev == "salam":
                    s = i - 1
            elif fl & HASHTAG:
                # "#3", "#03Menang", "#PilihPaslon02": a small number inside a hashtag
                strong = bool(fl & ZERO_PADDED) or _alone_in_hashtag(tk, i)
                if not strong:
                    continue
            elif fl & ZERO_PADDED and value <= 9:
                if _clock_or_date(text, tk.start[i], tk.end[i]):
                    continue
                strong = False
            else:
                continue
            if fl & ZERO_PADDED and not fl & HASHTAG and _clock_or_date(text, tk.start[i], tk.end[i]):
                continue
            if nxt == "jari":
                e = max(e, i + 2)  # "salam 3 jari"
            out.append((s, e, value, strong))

    def _names(self, tk: Tokens, a: Analysis) -> None:
        """Proper nouns, "Pak X"/"Bu X" persons and "X–Y" pairs, from capitalised tokens only; and whether the
        text is written in title case like a headline (capitals on most longer words that open no sentence)."""
        flags = tk.flags
        caps = list(compress(range(len(flags)), map(_CAPITALISED.__getitem__, flags)))
        if not caps:
            return
        norm = tk.norm
        text = tk.text
        starts = tk.start
        known = self.normaliser.known
        n = len(norm)
        opens = [_opens_sentence(text, starts[i]) for i in caps]
        if len(caps) >= 4:
            long_caps = [k for k, i in enumerate(caps) if len(norm[i]) > 3]
            opening = sum(1 for k in long_caps if opens[k])
            words = sum(map(and_, map(gt, map(len, norm), repeat(3)), map(_WORDLIKE.__getitem__, flags))) - opening
            a.titlecase = words >= 4 and len(long_caps) - opening >= 0.7 * words
        capset = set(caps)
        for k, i in enumerate(caps):
            w = norm[i]
            if not opens[k] and w not in known and len(w) > 2 and w.isalpha():
                a.proper.append((i, i + 1))
            if i + 1 >= n or i + 1 not in capset:
                continue
            w2 = norm[i + 1]
            if w in _HONORIFICS:
                if w2 not in known and w2.isalpha():
                    a.persons.append((i, i + 2))
                continue
            if len(w) > 2 and len(w2) > 2 and w.isalpha() and w2.isalpha() \
                    and text[tk.end[i]:starts[i + 1]].strip() in _DASHES:
                a.pairs.append((i, i + 2))

    # --- candidates -----------------------------------------------------------------------------------------
    def candidate_hits(self, a: Analysis, region: str | None, day) -> list[tuple[int, int, Candidate]]:
        regs = self.registry.candidates
        out = []
        for i, j, idx in a.candidates:
            cand = regs[idx]
            if cand.covers(region) and cand.active_on(day):
                out.append((i, j, cand))
        return out


def _words(phrase: str) -> Iterable[str]:
    word = []
    for ch in phrase:
        if ch.isalnum():
            word.append(ch)
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)


def _opens_sentence(text: str, start: int) -> bool:
    """The last character before ``start`` that is not whitespace ends a sentence or opens a quote (or there is
    none): what ``text[:start].rstrip()[-1:]`` says, read backwards without copying the text before each word."""
    k = start
    while k and text[k - 1].isspace():
        k -= 1
    return not k or text[k - 1] in ".!?:\"'“(\u2026"


def _alone_in_hashtag(tk: Tokens, i: int) -> bool:
    """The number is the whole hashtag ("#3")."""
    s = tk.start[i]
    e = tk.end[i]
    text = tk.text
    return s > 0 and text[s - 1] == "#" and (e >= len(text) or not text[e].isalnum())


def _clock_or_date(text: str, s: int, e: int) -> bool:
    """"02.00", "07:30", "27/11", "02-03": a time or date, not a ballot number."""
    if e + 1 < len(text) and text[e] in ".:/-" and text[e + 1].isdecimal():
        return True
    if s >= 2 and text[s - 1] in ".:/-" and text[s - 2].isdecimal():
        return True
    return False
