"""Every clock the adapters compute uses the deadline rules in force (an administrator's correction, else the
packaged file), never the packaged defaults directly: only netra.services.reference_data reads those."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "netra"
ADAPTERS = ("services", "web", "cli", "storage", "demo")
PACKAGED = {"default_rules", "load_rules"}


def packaged_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in PACKAGED:
                found.append(f"line {node.lineno}: {name}()")
    return found


def test_adapters_read_deadlines_through_reference_data():
    offenders = {}
    for package in ADAPTERS:
        for path in sorted((SRC / package).rglob("*.py")):
            relative = str(path.relative_to(SRC))
            if relative == "services/reference_data.py":
                continue
            if found := packaged_reads(path):
                offenders[relative] = found
    assert not offenders, f"packaged deadline rules read outside reference_data: {offenders}"


def test_the_check_sees_a_read():
    assert packaged_reads(SRC / "services" / "reference_data.py")
