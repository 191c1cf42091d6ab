"""One demo account per role for two real regions, with passwords generated per installation.

Passwords are random, kept in the data directory (mode 0600) and printed by the run command; they never appear
in code or templates.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from netra.accounts.passwords import hash_password, verify_password
from netra.accounts.roles import Role
from netra.regions import load_reference_regions
from netra.services.accounts import create_account
from netra.storage.database import Database
from netra.storage.repositories import AccountRepository

DEMO_REGIONS = {"jepara": ("33.20", "Kabupaten Jepara"), "kukar": ("64.02", "Kabupaten Kutai Kartanegara")}
NATIONAL_ADMINS = ("admin.nasional", "admin.nasional2")  # rule corrections need two national administrators


@dataclass(frozen=True)
class DemoCredential:
    username: str
    password: str
    role: Role
    region_code: str
    region_name: str


def _read(path: Path) -> dict[str, str]:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _write(path: Path, passwords: dict[str, str]) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(passwords, fh, indent=1, sort_keys=True)
    os.replace(tmp, path)


def _wanted() -> list[tuple[str, Role, tuple[str, ...], str, str]]:
    """(username, role, regions, region label, code label): one per role and demo region, and two national
    administrators, so that a rule correction can be proposed by one and approved by the other."""
    wanted = [(f"{role.value}.{slug}", role, (code,), name, code)
              for slug, (code, name) in DEMO_REGIONS.items() for role in Role]
    provinces = tuple(r.code for r in load_reference_regions() if r.parent_code is None)
    wanted += [(username, Role.ADMIN, provinces, "Nasional", f"{len(provinces)} provinsi")
               for username in NATIONAL_ADMINS]
    return wanted


def ensure_demo_accounts(db: Database, data_dir: Path) -> list[DemoCredential]:
    """Create missing demo accounts; keep existing ones and their passwords. Running twice changes nothing."""
    path = data_dir / "demo-credentials.json"
    passwords = _read(path)
    result = []
    for username, role, scope, region_name, code in _wanted():
        with db.transaction() as session:
            repo = AccountRepository(session)
            found = repo.credentials(username)
            known = passwords.get(username)
            if found and known and verify_password(found[1], known):
                pass
            elif found:  # the password file was lost: issue a fresh one rather than lock the demo out
                passwords[username] = secrets.token_urlsafe(12)
                repo.set_password_hash(found[0].id, hash_password(passwords[username]))
        if not found:
            passwords[username] = secrets.token_urlsafe(12)
            create_account(db, username, f"Demo {role.label_id} {region_name}", passwords[username], role, scope)
        result.append(DemoCredential(username, passwords[username], role, code, region_name))
    _write(path, passwords)
    return result
