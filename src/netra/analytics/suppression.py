"""Small-cell suppression for published statistics.

Primary: a count from 1 to ``THRESHOLD - 1`` is never published (zero is: it reveals no one), and neither is a
figure computed from fewer than ``THRESHOLD`` cases (a median). Its label is "<5".

Secondary: published tables come with their totals (a breakdown adds up to the total of the filtered cases; a
province's regencies add up to the province; in a table of provinces by category, rows, columns and the grand total
are all published). A hidden cell must not be derivable from what is published. What a reader knows about a hidden
cell is its label: "<5" says 1..4; "disembunyikan" (hidden to protect another cell) says at least 5, since every
smaller count is primary; a cell of a withheld breakdown (its total is hidden) could be anything from 0. A hidden
cell is derivable when the published cells, totals and those bounds leave it a single possible value.

The published relations (a total equals the sum of its parts) are seen as a graph: each relation is a node, each
cell an edge between the (at most two) relations it takes part in, or between one relation and "ground" when it is
in only one. Moving a hidden cell by +1 or -1 unbalances its relations; another hidden cell must take the
difference, and so on, until the walk closes on itself or reaches ground (a cell in a single relation is free on
its other side). A hidden cell can take at least two values exactly when such a walk exists in which every cell
stays within its bounds (``_Engine.protected``): that is exact, not a heuristic, for the tables we publish (a
breakdown with its total, a hierarchy, a two-way table with its margins), whose relations form such a graph.

Choosing the secondary cells: for each hidden cell that can still be worked out, the cheapest walk is found with
Dijkstra, where making a published cell hidden costs its count; the published cells on that walk become secondary.
A small cell whose "<5" alone blocks every walk (four cells of 1 under a column total of 4: all are then known)
may instead be shown as hidden, which widens what a reader knows of it to "0 or more"; that costs little, and it
is undone wherever the "<5" can come back.
Hidden cells also must not add up to 1..4 within a published total (the total less the shown parts would publish
that small group): such a breakdown gets its smallest other part hidden as well. Then every secondary cell is
dropped if the others protect without it, and swapped for the smallest published cell that protects as well,
until neither helps: no secondary cell is larger than needed, and the largest
cell of a line is hidden only when nothing smaller protects.

Tables shared between breakdowns (a province's total is the row total of every breakdown by province) are decided
once and passed as ``fixed``: they neither move nor are chosen here. When a fixed total is hidden, the whole
breakdown it totals is hidden too (``withheld``), which keeps the two tables from narrowing each other down.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

THRESHOLD = 5
PRIMARY, SECONDARY, WITHHELD = "primary", "secondary", "withheld"
RELABEL = 1  # the cost of showing a small cell as "hidden" rather than "<5" (its bounds widen to 0..)
_INF = float("inf")
_GROUND = -1


@dataclass(frozen=True)
class Cell:
    key: Hashable
    count: int | None  # None when suppressed
    suppressed: bool = False
    # "primary": 1..THRESHOLD-1 cases (shown "<5"); "secondary": hidden so that another hidden cell cannot be
    # worked out; "withheld": part of a breakdown whose total is hidden. The last two are shown "disembunyikan".
    reason: str = ""

    @property
    def small(self) -> bool:
        """True when the label may say "<5": the cell really holds fewer than THRESHOLD cases."""
        return self.reason == PRIMARY


def primary(count: int, threshold: int = THRESHOLD) -> bool:
    return 0 < count < threshold


Relation = tuple[Hashable, Sequence[Hashable]]  # (total, parts): the parts add up to the total


def bounds(reason: str, threshold: int = THRESHOLD) -> tuple[float, float]:
    """What a reader knows about a hidden cell from its label."""
    return {PRIMARY: (1, threshold - 1), SECONDARY: (threshold, _INF), WITHHELD: (0, _INF)}[reason]


class _Hidden(dict):
    """Hidden cells -> reason, keeping for each relation the hidden cells that may move (the only ones a walk
    without candidates can use), so a search skips the many published cells of a long row."""

    def __init__(self, engine: "_Engine"):
        super().__init__()
        self.engine = engine
        self.movable_at: dict[int, dict[Hashable, tuple[int, int, int]]] = defaultdict(dict)

    def __setitem__(self, k, reason) -> None:
        if k not in self and k not in self.engine.frozen:
            for node, coef, other, other_coef in self.engine.links[k]:
                self.movable_at[node][k] = (coef, other, other_coef)
        super().__setitem__(k, reason)

    def __delitem__(self, k) -> None:
        super().__delitem__(k)
        for node, *_ in self.engine.links[k]:
            self.movable_at[node].pop(k, None)


class _Engine:
    def __init__(self, values: Mapping[Hashable, int], relations: Sequence[Relation], threshold: int,
                 fixed: Mapping[Hashable, Cell], withheld: Iterable[Hashable] = (),
                 implied: Sequence[Relation] = ()):
        self.value = {k: int(v) for k, v in values.items()}
        self.t = threshold
        self.ends: dict[Hashable, list[tuple[int, int]]] = {k: [] for k in self.value}
        self.members: list[list[Hashable]] = []
        for i, (total, parts) in enumerate(relations):
            self.ends[total].append((i, -1))
            for p in parts:
                self.ends[p].append((i, 1))
            self.members.append([total, *parts])
        # Relations that hold because the others do (a table's grand total is also its column totals' sum): not
        # part of the graph, but their hidden parts must not add up to a small group either.
        self.implied = [[total, *parts] for total, parts in implied]
        self.at: dict[int, list[tuple[Hashable, int, int, int]]] = defaultdict(list)  # node -> (cell, coef, other node, its coef)
        self.links: dict[Hashable, list[tuple[int, int, int, int]]] = {}  # cell -> (node, coef, other node, its coef)
        for k, e in self.ends.items():
            if len(e) > 2:
                raise ValueError(f"cell {k!r} is in {len(e)} relations; at most two are supported")
            while len(e) < 2:
                e.append((_GROUND, 0))
            (n1, a1), (n2, a2) = e
            self.links[k] = []
            if n1 != _GROUND:
                self.at[n1].append((k, a1, n2, a2))
                self.links[k].append((n1, a1, n2, a2))
            if n2 != _GROUND:
                self.at[n2].append((k, a2, n1, a1))
                self.links[k].append((n2, a2, n1, a1))
        self.frozen = set(fixed)
        self.reason = _Hidden(self)
        for k, c in fixed.items():
            if c.suppressed:
                self.reason[k] = c.reason or PRIMARY
        for k, n in self.value.items():
            if k not in self.frozen and primary(n, threshold):
                self.reason[k] = PRIMARY
        for k in withheld:
            if k not in self.frozen:
                self.reason[k] = WITHHELD
        self.witness: dict[Hashable, frozenset] = {}
        self.relabelled: set[Hashable] = set()  # small cells shown as hidden rather than "<5"

    # -------------------------------------------------------------------------------------------- moves

    def _can(self, k: Hashable, delta: int, as_candidate: bool = False) -> bool:
        """May cell k move by delta (hidden now, or as a new secondary cell when as_candidate)?"""
        lo, hi = bounds(SECONDARY if as_candidate else self.reason[k], self.t)
        v = self.value[k]
        return v + delta <= hi if delta > 0 else v + delta >= lo

    def _hidden_movable(self, k: Hashable) -> bool:
        return k in self.reason and k not in self.frozen

    def _candidate(self, k: Hashable) -> bool:
        return k not in self.reason and k not in self.frozen and self.value[k] >= self.t

    def _step(self, k: Hashable, delta: int, with_candidates: bool) -> int | None:
        """The cost of moving cell k by delta in a walk: 0 for a hidden cell, its count for a published cell that
        would become secondary (with_candidates), None when it cannot move that way. With candidates, a small cell
        that only its "<5" label stops (four cells of 1 under a total of 4) may be relabelled hidden, at RELABEL."""
        reason = self.reason.get(k)
        v = self.value[k]
        if reason is not None:
            if k in self.frozen:
                return None
            if delta > 0:
                ok = reason != PRIMARY or v + 1 < self.t
            else:
                ok = v - 1 >= (1 if reason == PRIMARY else self.t if reason == SECONDARY else 0)
            if ok:
                return 0
            return RELABEL if with_candidates and reason == PRIMARY and v + delta >= 0 else None
        if with_candidates and k not in self.frozen and v >= self.t and (delta > 0 or v > self.t):
            return v
        return None

    def _search(self, start: tuple[int, int], target: tuple[int, int] | None, exclude: Hashable,
                with_candidates: bool):
        """Cheapest walks from state `start` (node, imbalance to cancel). Returns (cost to target, cost to ground,
        cells of the walk to target, cells of the walk to ground). Hidden cells cost 0; with_candidates lets the
        walk use published cells at the cost of their count (Dijkstra); without, a breadth-first search."""
        dist = {start: 0}
        prev: dict = {}
        best_ground, ground_prev = _INF, None
        step = self._step
        if with_candidates:
            heap = [(0, 0, start)]
            counter = 1
            while heap:
                d, _, state = heapq.heappop(heap)
                if target is None and d >= best_ground:
                    break
                if d > dist.get(state, _INF):
                    continue
                if state == target:
                    break
                node, charge = state
                for k, coef, other, other_coef in self.at[node]:
                    if k == exclude:
                        continue
                    cost = step(k, -charge * coef, True)
                    if cost is None:
                        continue
                    nd = d + cost
                    if other == _GROUND:
                        if nd < best_ground:
                            best_ground, ground_prev = nd, (state, k, -charge * coef)
                        continue
                    nxt = (other, -charge * coef * other_coef)
                    if nd < dist.get(nxt, _INF):
                        dist[nxt] = nd
                        prev[nxt] = (state, k, -charge * coef)
                        heapq.heappush(heap, (nd, counter, nxt))
                        counter += 1
        else:
            queue = deque([start])
            movable_at = self.reason.movable_at
            while queue and not (ground_prev and target is None) and target not in dist:
                state = queue.popleft()
                node, charge = state
                for k, (coef, other, other_coef) in movable_at[node].items():
                    if k == exclude or step(k, -charge * coef, False) is None:
                        continue
                    if other == _GROUND:
                        if ground_prev is None:
                            best_ground, ground_prev = 0, (state, k, -charge * coef)
                        continue
                    nxt = (other, -charge * coef * other_coef)
                    if nxt not in dist:
                        dist[nxt] = 0
                        prev[nxt] = (state, k, -charge * coef)
                        queue.append(nxt)

        def path(end):  # the (cell, move) pairs of the walk
            moves, link = [], end
            while link is not None:
                state, k, delta = link
                moves.append((k, delta))
                link = prev.get(state)
            return moves

        to_target = dist.get(target, _INF) if target is not None else _INF
        return (to_target, best_ground, path(prev.get(target)) if to_target < _INF else None,
                path(ground_prev) if ground_prev else None)

    def _best_walk(self, k: Hashable, with_candidates: bool) -> tuple[float, list[tuple[Hashable, int]] | None]:
        """The cheapest walk that lets hidden cell k take another value ((cell, move) pairs), or (inf, None)."""
        (u, au), (v, av) = self.ends[k]
        if u == _GROUND and v == _GROUND:
            return 0, []
        if v == _GROUND:
            (u, au), (v, av) = (v, av), (u, au)
        best: tuple[float, list | None] = (_INF, None)
        for s in (1, -1):
            if not self._can(k, s):
                continue
            if u == _GROUND:
                _, cost, _, cells = self._search((v, av * s), None, k, with_candidates)
                if cost < best[0]:
                    best = (cost, cells)
                continue
            to_u, to_ground, cycle, half = self._search((v, av * s), (u, -au * s), k, with_candidates)
            if to_u < best[0]:
                best = (to_u, cycle)
            if to_ground < best[0]:
                _, back, _, other_half = self._search((u, au * s), None, k, with_candidates)
                if to_ground + back < best[0]:
                    best = (to_ground + back, half + other_half)
            if best[0] == 0:
                break
        return best

    def protected(self, k: Hashable) -> bool:
        """Can hidden cell k take another value given everything published? Records the walk that shows it."""
        cost, walk = self._best_walk(k, with_candidates=False)
        if walk is None:
            return False
        self.witness[k] = frozenset(c for c, _ in walk)
        return True

    # -------------------------------------------------------------------------------------------- choosing

    def _needs_protection(self, k: Hashable) -> bool:
        # A withheld cell pinned to zero reveals no one (zeros are published anyway).
        return self._hidden_movable(k) and not (self.reason[k] == WITHHELD and self.value[k] == 0)

    def _withhold(self, k: Hashable) -> bool:
        """Last resort when no walk can protect k: hide the whole breakdown k is a part of (one whose total is
        fixed first: that total is what pins k), leaving its total as it is. False when there is none left."""
        nodes = [n for n, coef in self.ends[k] if n != _GROUND and coef > 0]
        nodes.sort(key=lambda n: (self.members[n][0] not in self.frozen, len(self.members[n])))
        for node in nodes:
            todo = [m for m in self.members[node][1:] if m not in self.frozen and self.reason.get(m) != WITHHELD]
            if todo:
                for m in todo:
                    self.reason[m] = WITHHELD
                return True
        return False

    def _small_sums(self, cells: Iterable[Hashable] | None = None) -> list[int]:
        """Relations (of `cells`, or all) whose total is published and whose hidden parts add up to 1..4 cases:
        that sum is then published in effect, a small group as much as a "<5" cell would be."""
        groups = self.members + self.implied
        if cells is not None:
            cells = set(cells)
            groups = [g for g in groups if cells.intersection(g)]
        return [g for g in groups if g[0] not in self.reason
                and primary(sum(self.value[m] for m in g[1:] if m in self.reason), self.t)]

    def choose(self) -> None:
        while True:
            todo = sorted((k for k in self.reason if self._needs_protection(k) and k not in self.witness),
                          key=lambda k: (-self.value[k], str(k)))
            if not todo:
                for group in self._small_sums():
                    parts = [m for m in group[1:] if self._candidate(m)]
                    if parts:  # one more part of at least THRESHOLD cases takes the sum past it
                        self.reason[min(parts, key=lambda m: (self.value[m], str(m)))] = SECONDARY
                todo = [k for k in self.reason if self._needs_protection(k) and k not in self.witness]
                if not todo:
                    break
            for k in todo:
                if k in self.witness or not self._needs_protection(k) or self.protected(k):
                    continue
                cost, walk = self._best_walk(k, with_candidates=True)
                if walk is None:
                    if not self._withhold(k):
                        raise ValueError(f"cell {k!r} cannot be protected: its totals are fixed and published")
                    continue
                for c, delta in walk:
                    if c not in self.reason:
                        self.reason[c] = SECONDARY
                    elif self._step(c, delta, False) is None:  # a small cell only its label held
                        self.reason[c] = WITHHELD
                        self.relabelled.add(c)
                self.witness[k] = frozenset(c for c, _ in walk)
        self._trim()

    def _recheck(self, cells: Iterable[Hashable]) -> dict | None:
        """New witnesses for `cells`, or None if one of them can no longer be protected."""
        found = {}
        for k in cells:
            cost, walk = self._best_walk(k, with_candidates=False)
            if walk is None:
                return None
            found[k] = frozenset(c for c, _ in walk)
        return found

    def _dependents(self, k: Hashable) -> list[Hashable]:
        return [c for c, w in self.witness.items() if k in w and c in self.reason and c != k]

    def _trim(self) -> None:
        """Drop secondary cells the others make unnecessary, and swap each for the smallest published cell that
        protects as well, until neither changes anything."""
        changed = True
        while changed:
            changed = False
            for c in sorted(self.relabelled, key=str):
                self.reason[c] = PRIMARY
                found = self._recheck([*self._dependents(c), c])
                if found is None:
                    self.reason[c] = WITHHELD
                    continue
                self.relabelled.discard(c)
                self.witness.update(found)
            for s in sorted((k for k, r in self.reason.items() if r == SECONDARY), key=lambda k: -self.value[k]):
                deps = self._dependents(s)
                del self.reason[s]
                found = None if self._small_sums([s]) else self._recheck(deps)
                if found is None:
                    self.reason[s] = SECONDARY
                    continue
                self.witness.pop(s, None)
                self.witness.update(found)
                changed = True
            for s in sorted((k for k, r in self.reason.items() if r == SECONDARY), key=lambda k: -self.value[k]):
                if self.reason.get(s) != SECONDARY:
                    continue
                for c in self._swap_candidates(s):
                    deps = self._dependents(s)
                    del self.reason[s]
                    self.reason[c] = SECONDARY
                    found = None if self._small_sums([s, c]) else self._recheck([*deps, c])
                    if found is None:
                        del self.reason[c]
                        self.reason[s] = SECONDARY
                        continue
                    self.witness.pop(s, None)
                    self.witness.update(found)
                    changed = True
                    break

    def _swap_candidates(self, s: Hashable) -> list[Hashable]:
        """Published cells smaller than s, smallest first, whose relations each hold another hidden cell (or
        ground): any other cell could not even protect itself."""
        def touches_hidden(c):
            return all(node == _GROUND or any(m != s and m != c and self._hidden_movable(m) for m in self.members[node])
                       for node, _ in self.ends[c])
        return sorted((c for c in self.value if c != s and self._candidate(c) and self.value[c] < self.value[s]
                       and touches_hidden(c)), key=lambda c: (self.value[c], str(c)))

    def cells(self) -> dict[Hashable, Cell]:
        out = {}
        for k, v in self.value.items():
            reason = self.reason.get(k)
            out[k] = Cell(k, None, True, reason) if reason else Cell(k, v)
        return out


def protect(values: Mapping[Hashable, int], relations: Sequence[Relation], threshold: int = THRESHOLD,
            fixed: Mapping[Hashable, Cell] | None = None, withheld: Iterable[Hashable] = (),
            implied: Sequence[Relation] = ()) -> dict[Hashable, Cell]:
    """Suppress `values` (every published cell, totals included) so that no hidden cell can be worked out from the
    published cells and the `relations` (each: a total and the parts that add up to it; a cell may take part in at
    most two). `fixed` cells were decided elsewhere: they keep their state and are never moved or chosen here.
    `withheld` cells are hidden from the start whatever their count (the breakdown of a hidden total). `implied`
    relations follow from the others (they add no unknowns) but are checked for small sums of hidden parts."""
    engine = _Engine(values, relations, threshold, fixed or {}, withheld, implied)
    engine.choose()
    out = engine.cells()
    out.update({k: c for k, c in (fixed or {}).items() if k in out})
    return out


def suppress(counts: Mapping[str, int], threshold: int = THRESHOLD,
             groups: Mapping[str, Hashable] | None = None, total: int | None = None) -> dict[str, Cell]:
    """A breakdown that adds up to a published total (or, with `groups`, several breakdowns each adding up to its
    group's published total). The totals are taken as published elsewhere: they are fixed here. A total below the
    threshold hides its whole breakdown."""
    by_group: dict[Hashable, list[str]] = defaultdict(list)
    for k in counts:
        by_group[groups.get(k) if groups else None].append(k)
    values: dict[Hashable, int] = dict(counts)
    relations, fixed = [], {}
    for g, keys in by_group.items():
        key = ("total", g)
        values[key] = sum(counts[k] for k in keys)
        relations.append((key, keys))
        if primary(values[key] if total is None or groups else total, threshold):
            fixed[key] = Cell(key, None, True, PRIMARY)
            fixed.update({k: Cell(k, None, True, PRIMARY if primary(counts[k], threshold) else WITHHELD)
                          for k in keys if counts[k]})
        else:
            fixed[key] = Cell(key, values[key])
    cells = protect(values, relations, threshold, fixed)
    return {k: cells[k] for k in counts}


def suppress_hierarchy(child_counts: Mapping[str, int], parent_of: Mapping[str, str],
                       threshold: int = THRESHOLD) -> tuple[dict[str, Cell], dict[str, Cell]]:
    """Two-level tables (regencies within provinces): parents add up to the grand total, children to their parent;
    all of it is published, the grand total included (as the total of every filtered view)."""
    parents: dict[str, int] = defaultdict(int)
    children_of: dict[str, list[str]] = defaultdict(list)
    for child, n in child_counts.items():
        parents[parent_of[child]] += n
        children_of[parent_of[child]].append(child)
    grand = ("total", None)
    values = {grand: sum(parents.values()), **{("p", p): n for p, n in parents.items()},
              **{("c", c): n for c, n in child_counts.items()}}
    relations = [(grand, [("p", p) for p in parents])] + [(("p", p), [("c", c) for c in kids])
                                                          for p, kids in children_of.items()]
    if primary(values[grand], threshold):  # a small total hides everything under it
        cells = {k: Cell(k, None, True, PRIMARY if primary(n, threshold) else WITHHELD) if n else Cell(k, 0)
                 for k, n in values.items()}
    else:
        cells = protect(values, relations, threshold, {grand: Cell(grand, values[grand])})
    return ({p: _rekey(cells[("p", p)], p) for p in parents}, {c: _rekey(cells[("c", c)], c) for c in child_counts})


def suppress_table(table: Mapping[Hashable, Mapping[Hashable, int]], threshold: int = THRESHOLD,
                   fixed: Mapping[Hashable, Cell] | None = None) -> dict[Hashable, Cell]:
    """A two-way table published with its row totals, column totals and grand total. Keys of the result:
    (row, column) for inner cells, (row, None) for row totals, (None, column) for column totals, (None, None) for
    the grand total; `fixed` uses the same keys."""
    rows = list(table)
    columns = list(dict.fromkeys(c for r in rows for c in table[r]))
    values: dict[Hashable, int] = {}
    for r in rows:
        for c in columns:
            values[(r, c)] = int(table[r].get(c, 0))
        values[(r, None)] = sum(values[(r, c)] for c in columns)
    for c in columns:
        values[(None, c)] = sum(values[(r, c)] for r in rows)
    values[(None, None)] = sum(values[(r, None)] for r in rows)
    relations: list[Relation] = [((r, None), [(r, c) for c in columns]) for r in rows]
    relations += [((None, c), [(r, c) for r in rows]) for c in columns]
    relations.append(((None, None), [(r, None) for r in rows]))
    # The grand total is also the sum of the column totals: implied by the rest (every cell is in a row and a
    # column), so not a third relation for the grand total, only checked for small sums.
    return protect(values, relations, threshold, fixed, implied=[((None, None), [(None, c) for c in columns])])


def _rekey(cell: Cell, key: Hashable) -> Cell:
    return Cell(key, cell.count, cell.suppressed, cell.reason)


def suppressed_value(value, n: int, threshold: int = THRESHOLD):
    """A statistic computed from `n` cases (a median): None when n is below the threshold."""
    return None if n < threshold else value


def visible_sum(cells: Iterable[Cell]) -> int:
    return sum(c.count or 0 for c in cells if not c.suppressed)


__all__ = ["PRIMARY", "SECONDARY", "THRESHOLD", "WITHHELD", "Cell", "bounds", "primary", "protect", "suppress",
           "suppress_hierarchy", "suppress_table", "suppressed_value", "visible_sum"]
