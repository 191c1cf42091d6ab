"""Small-cell suppression for published statistics.

Rule (public page and public API): a count between 1 and ``THRESHOLD - 1`` is never published, and neither is a
figure computed from fewer than ``THRESHOLD`` cases (a median). Zero is published: it reveals no one.

Secondary suppression: every published table is treated as a partition of a published total (the cells of a
breakdown add up to the total of the filtered cases, or to the row above in a hierarchy such as regencies within
a province). If exactly one cell of such a group is suppressed, it could be recovered as total minus the visible
cells, so the smallest other non-zero cell of the group is suppressed as well. Two hidden cells still leave their
sum visible; when that sum is below the threshold it narrows the hidden cells to a small group, so cells keep being
added until the hidden cells of each group add up to at least ``THRESHOLD`` (or the whole group is hidden).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Hashable

THRESHOLD = 5


@dataclass(frozen=True)
class Cell:
    key: str
    count: int | None  # None when suppressed
    suppressed: bool = False
    reason: str = ""  # "primary" (fewer than THRESHOLD cases) or "secondary" (protects another cell)


def primary(count: int, threshold: int = THRESHOLD) -> bool:
    return 0 < count < threshold


def suppress(counts: Mapping[str, int], threshold: int = THRESHOLD,
             groups: Mapping[str, Hashable] | None = None, total: int | None = None) -> dict[str, Cell]:
    """Suppress `counts` (key -> true count). `groups` maps each key to the group whose published total it adds up
    to (default: one group for all keys). If `total` (the group total, single group only) is itself below the
    threshold, every non-zero cell is suppressed."""
    cells = {k: Cell(k, v) for k, v in counts.items()}
    if total is not None and primary(total, threshold):
        return {k: Cell(k, None, True, "primary") if v else Cell(k, 0) for k, v in counts.items()}
    for k, v in counts.items():
        if primary(v, threshold):
            cells[k] = Cell(k, None, True, "primary")
    by_group: dict[Hashable, list[str]] = {}
    for k in counts:
        by_group.setdefault(groups.get(k) if groups else None, []).append(k)
    for keys in by_group.values():
        _secondary(keys, counts, cells, threshold)
    return cells


def _secondary(keys: list[str], counts: Mapping[str, int], cells: dict[str, Cell], threshold: int) -> None:
    hidden = [k for k in keys if cells[k].suppressed]
    if not hidden:
        return
    while sum(counts[k] for k in hidden) < threshold or len(hidden) == 1:
        candidates = sorted((counts[k], k) for k in keys if not cells[k].suppressed and counts[k] > 0)
        if not candidates:
            return  # the whole group is hidden: nothing left to derive anything from
        _, k = candidates[0]
        cells[k] = Cell(k, None, True, "secondary")
        hidden.append(k)


def suppress_hierarchy(child_counts: Mapping[str, int], parent_of: Mapping[str, str],
                       threshold: int = THRESHOLD) -> tuple[dict[str, Cell], dict[str, Cell]]:
    """Two-level tables (regencies within provinces): parents are suppressed as one group (they add up to the
    national total), children within each parent (they add up to the parent). A child group whose parent is
    suppressed is suppressed whole, since parent = sum of children would otherwise reveal the parent."""
    parents: dict[str, int] = {}
    for child, n in child_counts.items():
        parents[parent_of[child]] = parents.get(parent_of[child], 0) + n
    parent_cells = suppress(parents, threshold)
    child_cells = suppress(child_counts, threshold, groups=parent_of)
    for child in child_counts:
        if parent_cells[parent_of[child]].suppressed and child_counts[child] and not child_cells[child].suppressed:
            child_cells[child] = Cell(child, None, True, "secondary")
    return parent_cells, child_cells


def suppressed_value(value, n: int, threshold: int = THRESHOLD):
    """A statistic computed from `n` cases (a median): None when n is below the threshold."""
    return None if n < threshold else value


def visible_sum(cells: Iterable[Cell]) -> int:
    return sum(c.count or 0 for c in cells if not c.suppressed)


__all__ = ["THRESHOLD", "Cell", "primary", "suppress", "suppress_hierarchy", "suppressed_value", "visible_sum"]

