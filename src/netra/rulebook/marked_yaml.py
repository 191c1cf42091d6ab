"""YAML loading that remembers where every key came from.

Administrators edit the rulebook and calendars by hand, so a validation error must point at the file and line to
fix. PyYAML's plain ``safe_load`` forgets node positions and silently keeps the last of two duplicate keys; this
loader returns ``MarkedDict``/``MarkedList`` (ordinary dict/list subclasses) that carry the line of the mapping
and of each key or item, and it rejects duplicate keys. Also used by ``netra.elections``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from netra.yaml_data import SafeLoader


class MarkedDict(dict):
    """A dict that knows its own line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict[Any, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key: Any) -> int | None:
        return self.key_lines.get(key, self.line)


class MarkedList(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list[int]

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines = []

    def line_of(self, index: int) -> int | None:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class MarkedYAMLSyntaxError(Exception):
    """Malformed YAML (or a duplicate key); carries the 1-based line and the nearest key name."""

    def __init__(self, problem: str, line: int | None, field: str | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.field = field


class _Loader(SafeLoader):  # libyaml when present: 5x faster, same marks
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = MarkedDict()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            raise MarkedYAMLSyntaxError(
                f"duplicate key {key!r} (first at line {data.key_lines[key]})", key_node.start_mark.line + 1, str(key)
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = MarkedList()
    data.line = node.start_mark.line + 1
    yield data
    for item in node.value:
        data.append(loader.construct_object(item, deep=True))
        data.item_lines.append(item.start_mark.line + 1)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)

_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:")


def _nearest_key(text: str, line: int | None) -> str | None:
    """The last ``key:`` at or above `line`: the best field name we can give for a syntax error."""
    if line is None:
        return None
    lines = text.splitlines()
    for raw in reversed(lines[: max(line, 1)]):
        match = _KEY_LINE.match(raw)
        if match:
            return match.group(1)
    return None


def load_marked(path: Path) -> Any:
    """Parse one YAML file into Marked containers. Raises MarkedYAMLSyntaxError on any YAML problem."""
    text = path.read_text(encoding="utf-8")
    return loads_marked(text)


def loads_marked(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except MarkedYAMLSyntaxError as exc:
        raise exc from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or str(exc)
        raise MarkedYAMLSyntaxError(f"invalid YAML: {problem}", line, _nearest_key(text, line)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare (e.g. encoding)
        raise MarkedYAMLSyntaxError(f"invalid YAML: {exc}", None, None) from None
