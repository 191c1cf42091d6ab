"""The domain stays free of web and database code; adapters depend on it, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "netra"
DOMAIN = ["regions", "accounts", "rulebook", "elections", "guidance", "screening", "cases", "intake", "audit", "analytics",
          "people"]
FORBIDDEN = ("netra.web", "netra.storage", "netra.cli", "netra.services", "fastapi", "starlette", "sqlalchemy",
             "alembic", "uvicorn", "jinja2")


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def domain_modules():
    for package in DOMAIN:
        yield from sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("module", list(domain_modules()), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_module_imports_no_adapter(module):
    bad = {n for n in imports_of(module) if n.startswith(FORBIDDEN)}
    assert not bad, f"{module.relative_to(SRC)} imports {sorted(bad)}"


def test_the_check_sees_the_domain():
    assert len(list(domain_modules())) >= 5
