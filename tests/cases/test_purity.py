"""netra.cases is pure domain code: the standard library, `holidays`, `yaml`, itself and the account model (who
acts), nothing else."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import netra.cases

PACKAGE = Path(netra.cases.__file__).parent
ALLOWED_THIRD_PARTY = {"holidays", "yaml"}
ALLOWED_NETRA = ("netra.cases", "netra.accounts.model", "netra.accounts.roles")


def test_cases_imports_only_stdlib_holidays_yaml_and_itself():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                ok = top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY or name.startswith(ALLOWED_NETRA)
                assert ok, f"{path.name} imports {name}"


def test_role_enum_from_accounts_is_accepted():
    from netra.accounts.roles import Role

    from netra.accounts.model import Account
    from netra.cases import State, allowed_actions, apply
    from tests.cases.support import T0, case_in

    new, record = apply(case_in(State.RECEIVED), "register", Account(1, "a", "A", Role.BAWASLU), T0,
                        expected_version=3)
    assert new.state == State.REGISTERED and record.role == "bawaslu"
    assert allowed_actions(State.SENT_TO_PPK, Role.PPK) == ("impose_sanction",)
