"""Small-cell suppression, checked against an independent attacker (linear programming over what is published).

For random tables: every count from 1 to 4 is hidden and only those read "<5"; nothing published differs from the
truth; no hidden cell can be worked out from the published cells and the totals (row, column and grand), nor do
the hidden parts of a published total add up to 1..4; and no secondary cell is larger than needed: un-hiding it,
or swapping it for any smaller published cell sharing a total with it, would give something away.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netra.analytics import THRESHOLD, suppress, suppress_hierarchy, suppress_table
from tests.support.disclosure import derivable, table_relations

# Mostly small counts (where suppression happens), some zeros and some large ones.
counts = st.one_of(st.integers(0, 9), st.integers(0, 3), st.integers(10, 60))


def _split(cells, values):
    published = {k: values[k] for k, c in cells.items() if not c.suppressed}
    hidden = {k: c.reason for k, c in cells.items() if c.suppressed}
    return published, hidden


def _check_labels(cells, values):
    for k, c in cells.items():
        if 0 < values[k] < THRESHOLD:
            assert c.suppressed and c.reason in ("primary", "withheld"), (k, c)
        if c.suppressed and c.reason == "primary":
            assert 0 < values[k] < THRESHOLD, (k, c)  # "<5" only for real small cells
        if c.suppressed and c.reason == "secondary":
            assert values[k] >= THRESHOLD, (k, c)
        if not c.suppressed:
            assert c.count == values[k], (k, c)


def _check_minimal(relations, cells, values):
    """No secondary cell can be dropped, nor swapped for a smaller published cell sharing a relation with it."""
    published, hidden = _split(cells, values)
    assert derivable(relations, published, hidden, values) is None
    for s in [k for k, r in hidden.items() if r == "secondary"]:
        without = {k: r for k, r in hidden.items() if k != s}
        assert derivable(relations, {**published, s: values[s]}, without, values) is not None, f"{s!r} is not needed"
        sharing = {m for total, parts in relations if s == total or s in parts for m in (total, *parts)}
        for c in sharing:
            if c in published and 0 < values[c] < values[s]:
                swapped = {**without, c: "secondary"}
                rest = {k: v for k, v in published.items() if k != c}
                assert derivable(relations, {**rest, s: values[s]}, swapped, values) is not None, \
                    f"{c!r} ({values[c]}) would protect instead of {s!r} ({values[s]})"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 4).flatmap(lambda n_rows: st.integers(1, 4).flatmap(
    lambda n_cols: st.lists(st.lists(counts, min_size=n_cols, max_size=n_cols), min_size=n_rows, max_size=n_rows))))
def test_two_way_tables_with_margins(matrix):
    table = {f"r{i}": {f"c{j}": v for j, v in enumerate(row)} for i, row in enumerate(matrix)}
    cells = suppress_table(table)
    rows, columns = list(table), list(table["r0"])
    values = {(r, c): table[r][c] for r in rows for c in columns}
    values.update({(r, None): sum(table[r].values()) for r in rows})
    values.update({(None, c): sum(table[r][c] for r in rows) for c in columns})
    values[(None, None)] = sum(values[(r, None)] for r in rows)
    assert set(cells) == set(values)
    _check_labels(cells, values)
    _check_minimal(table_relations(rows, columns), cells, values)


@settings(max_examples=150, deadline=None)
@given(st.lists(counts, min_size=1, max_size=7), st.integers(0, 3))
def test_breakdowns_of_a_published_total(parts, extra_zeros):
    values = {f"k{i}": v for i, v in enumerate(parts + [0] * extra_zeros)}
    total = sum(values.values())
    cells = suppress(values)
    relations = [("total", list(values))]
    if 0 < total < THRESHOLD:  # the total itself is small: the whole breakdown goes
        assert all(c.suppressed for k, c in cells.items() if values[k])
        return
    _check_labels(cells, values)
    _check_minimal(relations, {**cells, "total": _published(total)}, {**values, "total": total})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(counts, min_size=1, max_size=4), min_size=1, max_size=4))
def test_regencies_within_provinces(groups):
    child_counts = {f"{p}.{c}": v for p, kids in enumerate(groups) for c, v in enumerate(kids)}
    parent_of = {k: k.split(".")[0] for k in child_counts}
    parents, children = suppress_hierarchy(child_counts, parent_of)
    grand = sum(child_counts.values())
    if 0 < grand < THRESHOLD:
        return
    values = {**{("c", k): v for k, v in child_counts.items()},
              **{("p", p): sum(v for k, v in child_counts.items() if parent_of[k] == p) for p in parents},
              "total": grand}
    cells = {**{("c", k): c for k, c in children.items()}, **{("p", k): c for k, c in parents.items()},
             "total": _published(grand)}
    relations = [("total", [("p", p) for p in parents])]
    relations += [(("p", p), [("c", k) for k in child_counts if parent_of[k] == p]) for p in parents]
    _check_labels(cells, values)
    _check_minimal(relations, cells, values)


def _published(n):
    from netra.analytics import Cell

    return Cell("total", n)


def test_a_single_rare_channel_report_hides_the_smaller_channel_as_hidden_not_small():
    """The issue's case: one report with the channel "unknown" next to two large channels."""
    cells = suppress({"social_media": 1415, "offline": 1585, "unknown": 1})
    assert cells["unknown"].reason == "primary" and cells["unknown"].small
    assert cells["social_media"].reason == "secondary" and not cells["social_media"].small
    assert not cells["offline"].suppressed and cells["offline"].count == 1585


def test_a_secondary_cell_of_exactly_five_does_not_protect_a_one():
    """'<5' says 1..4 and 'hidden' says at least 5: with a 1 and a 5 hidden, 6 - 5 = 1 would give the 1 away."""
    cells = suppress({"a": 1, "b": 5, "c": 7, "d": 40})
    assert cells["a"].suppressed and not cells["b"].suppressed and cells["c"].reason == "secondary"
    assert not cells["d"].suppressed


def test_hidden_cells_never_add_up_to_a_small_group():
    cells = suppress({"a": 1, "b": 2, "c": 40, "d": 9})
    assert cells["d"].reason == "secondary" and not cells["c"].suppressed  # a + b = 3 would be a group of 3
    cells = suppress({"a": 1, "b": 1, "c": 1103, "d": 30})
    assert cells["d"].reason == "secondary" and not cells["c"].suppressed  # 1 + 1 alone would be certain


def test_regencies_and_provinces_protect_each_other():
    parents, children = suppress_hierarchy({"33.01": 2, "33.02": 20, "35.01": 3, "35.02": 1, "36.01": 40},
                                           {"33.01": "33", "33.02": "33", "35.01": "35", "35.02": "35", "36.01": "36"})
    assert parents["35"].reason == "primary"  # 4 cases
    # Jawa Tengah (22), the smaller other province, protects Banten's 4; hidden, it also protects its own 2.
    assert parents["33"].reason == "secondary" and not parents["36"].suppressed
    assert children["33.01"].reason == "primary" and children["33.02"].count == 20
    assert children["35.01"].suppressed and children["35.02"].suppressed
