"""An attacker's view of published tables, for the suppression tests: independent of netra's suppression engine.

Given published relations (a total equals the sum of its parts), the published values and, for each hidden cell,
what its label says ("<5": 1..4; "disembunyikan": at least 5, or at least 0 for a withheld breakdown), linear
programming (scipy's HiGHS) finds the smallest and largest value each hidden cell can take. A cell whose smallest
and largest values are equal is derivable. The tables netra publishes have network-shaped relations, so those
extremes are whole numbers and the linear bounds are the integer ones.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy.optimize import linprog

LABEL_BOUNDS = {"primary": (1, 4), "secondary": (5, None), "withheld": (0, None)}


def ranges(relations: Sequence[tuple[Hashable, Sequence[Hashable]]], published: Mapping[Hashable, int],
           hidden: Mapping[Hashable, str], only: Sequence[Hashable] | None = None):
    """Yields (key, min, max) for each hidden cell (or those in `only`). `published`: key -> value; `hidden`:
    key -> reason."""
    keys = list(hidden)
    index = {k: i for i, k in enumerate(keys)}
    rows, rhs = [], []
    for total, parts in relations:
        row = np.zeros(len(keys))
        constant = 0.0
        for k, sign in [(total, -1.0)] + [(p, 1.0) for p in parts]:
            if k in index:
                row[index[k]] += sign
            else:
                constant += sign * published[k]
        if row.any():
            rows.append(row)
            rhs.append(-constant)
        else:
            assert abs(constant) < 1e-9, f"published values break relation {total!r}"
    if not keys:
        return
    bounds = [LABEL_BOUNDS[hidden[k]] for k in keys]
    a_eq, b_eq = (np.array(rows), np.array(rhs)) if rows else (None, None)
    for k in (keys if only is None else only):
        c = np.zeros(len(keys))
        c[index[k]] = 1.0
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert low.status == 0, (k, low.message)  # the true values are feasible
        yield k, low.fun, float("inf") if high.status == 3 else -high.fun


def derivable(relations, published, hidden, values: Mapping[Hashable, int] | None = None) -> Hashable | None:
    """The first hidden cell pinned to one value, or None (a withheld cell pinned to zero is left out: zeros are
    published anyway). Small cells are tried first: they are the likeliest to be pinned. A published total whose
    hidden parts add up to 1..4 counts as well (that sum is a published small group): its total's key is returned."""
    for total, parts in relations:
        if total in published:
            rest = published[total] - sum(published[p] for p in parts if p in published)
            if 0 < rest < 5 and any(p in hidden for p in parts):
                return total
    order = sorted(hidden, key=lambda k: (hidden[k] != "primary", values[k] if values else 0, str(k)))
    for k, low, high in ranges(relations, published, hidden, order):
        if high - low < 0.5 and not (hidden[k] == "withheld" and values is not None and values[k] == 0):
            return k
    return None


def table_relations(rows: Sequence[Hashable], columns: Sequence[Hashable]):
    """A two-way table with its margins, keyed as netra.analytics.suppress_table keys it; the grand total is the
    sum of the row totals and, separately, of the column totals."""
    relations = [((r, None), [(r, c) for c in columns]) for r in rows]
    relations += [((None, c), [(r, c) for r in rows]) for c in columns]
    relations += [((None, None), [(r, None) for r in rows]), ((None, None), [(None, c) for c in columns])]
    return relations
