"""Only the case repository writes cases, reports, evidence rows, case history and the outbox: every other module
that did (intake, the monitoring queue, workflow steps, linking, the demo loader) now goes through it, so each
change carries its audit entry and its outbox event."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "netra"
CASE_TABLES = {"CaseRow", "CaseEventRow", "ReportRow", "EvidenceRow", "OutboxRow"}
# The repository itself; the outbox's own module; backup/restore copies every table as it is.
ALLOWED = {"storage/case_repository.py", "storage/outbox.py", "storage/backup.py", "storage/tables.py"}


def writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name in CASE_TABLES:
            found.append(f"line {node.lineno}: {name}(...)")
        elif name in ("insert", "update", "delete") and node.args and isinstance(node.args[0], ast.Name) \
                and node.args[0].id in CASE_TABLES:
            found.append(f"line {node.lineno}: {name}({node.args[0].id})")
    return found


def test_only_the_case_repository_writes_cases():
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = str(path.relative_to(SRC))
        if relative in ALLOWED or relative.startswith("storage/migrations/"):
            continue
        if found := writes(path):
            offenders[relative] = found
    assert not offenders, f"case rows written outside netra.storage.case_repository: {offenders}"


def test_the_check_sees_a_write():
    assert writes(SRC / "storage" / "case_repository.py")
