"""Learn who the candidates are from unlabelled posts: names, nicknames, pairs and their ballot numbers.

Recall must not hang on a loaded registry (issue 11): campaigns name their candidates over and over, in
campaign hashtags (``#PrabowoGibran2024``), as ``X-Y`` pairs, after titles (``capres X``, ``Pak X``) and next to
ballot numbers. This reads a pool of posts (the MIT-licensed tweets and headlines, never the blind split) and
writes ``src/netra/screening/data/names.json``: the words that name a candidate, grouped into sides (the words
that appear together as a pair), with the ballot number a side is most often written with.

The screener reads the file as one more source of candidate names (beside a registry and the names it spots in
each text), masks them as ``<name>`` for the model (so it learns how people take sides, not which side this data
set favoured), tells a post tagging every side from one taking a side, and fills ``candidate`` in its output.

    .venv/bin/python -m lab.screening.names            # rewrites the file (deterministic)
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from netra.text import CAP, HAND, HASHTAG, NUM, ZERO_PADDED

OUT = Path(__file__).resolve().parents[2] / "src" / "netra" / "screening" / "data" / "names.json"

MIN_COUNT = 40  # occurrences (capitalised or in a hashtag) before a word can be a name
MIN_CAP_SHARE = 0.6  # outside hashtags, a name is written with a capital most of the time
MEMBER_CAP_SHARE = 0.4  # a nickname joined to a pair ("#PrabowoGemoy") may be written in lower case more often
MIN_ELECTION_SHARE = 0.35  # share of its occurrences next to an election word, a ballot number or in a campaign tag
MIN_SIDE_SHARE = 0.03  # a side is named at least this often relative to the most-named side
PAIR_MIN = 25  # two names written side by side this often are one side (a pair)
NUMBER_MIN = 8
NUMBER_SHARE = 0.6
_WINDOW = 3
_ELECTION = {"capres", "calonpresiden", "cawapres", "paslon", "pilpres", "pemilu", "pilih", "coblos", "dukung",
             "menang", "menangkan", "presiden", "wapres", "kampanye", "debat", "nomor", "urut", "putaran", "jari"}
_TAG_BACKING = {"menang", "presiden", "pilih", "lanjutkan", "istimewa", "jago", "capres", "cawapres", "wapres"}
_BALLOT_BEFORE = {"nomor", "urut", "paslon", "coblos", "pilih", "salam"}


def mine(texts, normaliser, known: set[str]) -> dict:
    """``texts``: a list of strings. ``known``: the screener's vocabulary (never a name).

    Two passes: the first finds the names written most clearly; the second reads the texts again with those
    names known (so lowercase tags such as ``#prabowopresiden`` split) and settles sides and ballot numbers."""
    first = _count(texts, normaliser, known)
    core = _names(first, MIN_CAP_SHARE)
    normaliser.add_words(core)
    counts = _count(texts, normaliser, known)
    core = _names(counts, MIN_CAP_SHARE)
    loose = _names(counts, MEMBER_CAP_SHARE)
    cap, tag, adjacent, numbers = counts["cap"], counts["tag"], counts["adjacent"], counts["numbers"]
    mentions = {w: cap[w] + tag[w] for w in loose}
    parent = {w: w for w in loose}

    def find(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    # a side is a pair of names written side by side ("Prabowo-Gibran", "#GanjarMahfud"); a nickname joins the
    # side it is written against ("#PrabowoGemoy")
    tag_adjacent = counts["tag_adjacent"]
    for (a, b), c in sorted(adjacent.items()):
        if c < PAIR_MIN or a not in loose or b not in loose or (a not in core and b not in core):
            continue
        if (a not in core or b not in core) and tag_adjacent[(a, b)] < PAIR_MIN:
            continue  # a nickname joins a pair only through the pair's own hashtags ("#PrabowoGemoy")
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for w in sorted(loose, key=lambda x: (-mentions[x], x)):
        groups[find(w)].append(w)
    sides = []
    ranked = sorted(groups.values(), key=lambda m: (-sum(mentions[w] for w in m), m))
    top = sum(mentions[w] for w in ranked[0]) if ranked else 0
    for members in ranked:
        if len(members) < 2:
            continue  # a lone capitalised word is a place, a month or a party line as often as a candidate
        if sum(mentions[w] for w in members) < MIN_SIDE_SHARE * top:
            continue  # a pair of words in a few repeated headlines ("Kasus E-KTP"), not a side of the race
        votes: Counter = Counter()
        for w in members:
            votes.update(numbers[w])
        number = None
        if votes:
            best, count = votes.most_common(1)[0]
            if count >= NUMBER_MIN and count / sum(votes.values()) >= NUMBER_SHARE:
                number = best
        sides.append({"names": members, "number": number, "mentions": sum(mentions[w] for w in members)})
    return {"documents": counts["documents"], "sides": sides}


def _names(counts: dict, cap_share: float) -> set[str]:
    cap, low, tag, near = counts["cap"], counts["low"], counts["tag"], counts["near"]
    out = set()
    for w in set(cap) | set(tag):
        total = cap[w] + tag[w]
        plain = cap[w] + low[w]
        if total < MIN_COUNT or (plain and cap[w] / plain < cap_share):
            continue
        if near[w] / (total + low[w]) < MIN_ELECTION_SHARE:
            continue
        out.add(w)
    return out


def _count(texts, normaliser, known: set[str]) -> dict:
    cap, low, tag, near = Counter(), Counter(), Counter(), Counter()
    adjacent: Counter = Counter()
    tag_adjacent: Counter = Counter()
    numbers: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        tk = normaliser.tokens(text)
        norm, flags, n = tk.norm, tk.flags, len(tk.norm)
        cand = [w.isalpha() and len(w) >= 3 and w not in known for w in norm]
        backed = _backed_tags(tk)
        ballots = [k for k in range(n) if flags[k] & NUM and 0 < tk.nums[k] <= 20
                   and (flags[k] & (ZERO_PADDED | HAND) or (k and norm[k - 1] in _BALLOT_BEFORE))]
        for i in range(n):
            if not cand[i]:
                continue
            w = norm[i]
            if flags[i] & HASHTAG:
                tag[w] += 1
                if i in backed:
                    near[w] += 1
            elif flags[i] & CAP:
                cap[w] += 1
            else:
                low[w] += 1
            window = range(max(0, i - _WINDOW), min(n, i + _WINDOW + 1))
            if any(norm[k] in _ELECTION or flags[k] & NUM for k in window if k != i):
                near[w] += 1
            for k in ballots:
                if abs(k - i) <= _WINDOW:
                    numbers[w][tk.nums[k]] += 1
            if i + 1 < n and cand[i + 1] and norm[i + 1] != w:
                gap = text[tk.end[i]:tk.start[i + 1]].strip()
                if gap in ("", "-", "–", "&", "dan") or (flags[i] & flags[i + 1] & HASHTAG and not gap):
                    adjacent[tuple(sorted((w, norm[i + 1])))] += 1
                    if flags[i] & flags[i + 1] & HASHTAG and not gap:
                        tag_adjacent[tuple(sorted((w, norm[i + 1])))] += 1
    return {"cap": cap, "low": low, "tag": tag, "near": near, "adjacent": adjacent, "tag_adjacent": tag_adjacent,
            "numbers": numbers, "documents": len(texts)}


def _backed_tags(tk) -> set[int]:
    """Token positions inside hashtags that also carry a year or a backing word (#Prabowo2024, #AniesPresiden)."""
    out: set[int] = set()
    for i, j in tk.hashtag_runs():
        if any(p in _TAG_BACKING or (p.isdecimal() and len(p) == 4 and p.startswith("20")) for p in tk.norm[i:j]):
            out.update(range(i, j))
    return out


def main() -> int:
    from lab.screening import realdata
    from netra.screening.engine import Screener

    shared = realdata.shared_dir()
    if shared is None:
        raise SystemExit("shared data not found (../shared/data)")
    analyzer = Screener(model=None, stages=None, names=None).analyzer
    texts = [r["text"] for r in realdata.unlabelled_pool(shared)]
    result = mine(texts, analyzer.normaliser, set(analyzer.normaliser.known))
    data = {
        "format": "netra-screening-names/1",
        "source": "learned by lab/screening/names.py from the MIT-licensed posts of "
                  "github.com/achmaddhani/sentiment-webscrape (tweets and headlines), blind split excluded",
        "documents": result["documents"],
        "sides": result["sides"],
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for side in data["sides"]:
        print(side)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
