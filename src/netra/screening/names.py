"""Candidate names learned from posts (``data/names.json``, written by ``lab/screening/names.py``).

Each side is a set of words that name its candidates (surnames, nicknames, acronyms such as ``amin``), with the
ballot number it is most often written with when the data says so. No person is named here by hand: the file is
what the learning step found in the MIT-licensed posts it read. A loaded registry comes first; these names are
what the screener knows without one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

NAMES_PATH = Path(__file__).resolve().parent / "data" / "names.json"
FORMAT = "netra-screening-names/1"


@dataclass(frozen=True)
class Side:
    index: int
    names: tuple[str, ...]
    number: int | None

    @property
    def label(self) -> str:
        return "–".join(n.capitalize() for n in self.names[:2])


class LearnedNames:
    def __init__(self, sides: tuple[Side, ...] = ()):
        self.sides = sides
        self.side_of: dict[str, int] = {w: s.index for s in sides for w in s.names}

    @classmethod
    def load(cls, path: str | Path = NAMES_PATH) -> LearnedNames:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: not a Netra names file (format {data.get('format')!r})")
        sides = tuple(Side(k, tuple(str(w).lower() for w in s["names"]), s.get("number"))
                      for k, s in enumerate(data.get("sides") or ()))
        return cls(sides)

    @classmethod
    def packaged(cls) -> LearnedNames:
        return cls.load(NAMES_PATH) if NAMES_PATH.is_file() else cls()

    def __len__(self) -> int:
        return len(self.side_of)
