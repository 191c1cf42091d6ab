"""The `netra` command: help everywhere, idempotent setup, one clear sentence for bad input."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from tests.support import cli


def options(data_dir=None, database_url=None) -> list[str]:
    return [*(["--data-dir", str(data_dir)] if data_dir else []),
            *(["--database-url", database_url] if database_url else [])]


def netra(*args: str, data_dir=None, database_url=None) -> subprocess.CompletedProcess:
    """The installed entry point in a real process: the tests of its start-up, exit codes and stderr."""
    cmd = [sys.executable, "-m", "netra.cli.main", *options(data_dir, database_url)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=900)


def in_process(*args: str, data_dir=None, database_url=None) -> subprocess.CompletedProcess:
    """The same commands in this process (tests/support/cli.py): what they write and print, without a Python
    start-up and production-cost password hashing per command."""
    return cli.netra(*options(data_dir, database_url), *args)


COMMANDS = [[], ["db"], ["db", "upgrade"], ["regions"], ["regions", "load"], ["regions", "workforce"], ["users"], ["users", "create-admin"],
            ["demo"], ["demo", "load"], ["serve"], ["run"], ["audit", "verify"], ["backup"], ["restore"],
            ["screen"], ["screen", "eval"], ["model", "train"], ["queue", "import"], ["queue", "labels"],
            ["bolehkah"], ["pedoman"], ["stats", "rebuild"], ["rules", "propose"], ["rules", "decide"],
            ["rules", "proposals"], ["rules", "overrides"], ["elections", "propose"], ["elections", "list"], ["people"], ["people", "import"]]


def test_the_netra_command_starts_and_has_help():
    result = netra("--help")
    assert result.returncode == 0 and "Usage" in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "netra")
def test_every_command_has_help(command):
    """In this process (the command above proves the entry point starts): a Python start-up per command was a
    second of CPU each, for the same Typer app main.py builds."""
    from typer.testing import CliRunner

    from netra.cli.main import app

    result = CliRunner().invoke(app, [*command, "--help"], prog_name="netra")
    assert result.exit_code == 0 and "Usage" in result.output, result.output


@pytest.mark.parametrize(
    "url,message",
    [
        ("this is not a url", "not a valid database URL"),
        ("mysql://root@localhost/netra", "not supported"),
        ("postgresql://netra@127.0.0.1:1/netra", "Cannot connect to the database"),
        ("sqlite:////no/such/folder/netra.sqlite3", "does not exist"),
    ],
)
def test_bad_database_urls_give_one_sentence(tmp_path, url, message):
    result = netra("db", "upgrade", data_dir=tmp_path, database_url=url)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr + result.stdout


def test_port_in_use_is_said_plainly(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = netra("serve", "--port", str(port), data_dir=tmp_path)
    assert result.returncode == 1
    assert "already in use" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.long
def test_demo_load_is_idempotent(tmp_path, database_url):
    first = in_process("demo", "load", data_dir=tmp_path, database_url=database_url)
    assert first.returncode == 0, first.stderr
    creds = json.loads((tmp_path / "demo-credentials.json").read_text())
    assert len(creds) == 12 and "bawaslu.jepara" in creds and "ppk.kukar" in creds
    assert "admin.nasional" in creds and "admin.nasional2" in creds  # two people for a rule correction
    assert (tmp_path / "demo-credentials.json").stat().st_mode & 0o077 == 0
    second = in_process("demo", "load", data_dir=tmp_path, database_url=database_url)
    assert second.returncode == 0
    assert json.loads((tmp_path / "demo-credentials.json").read_text()) == creds
    assert "Demo cases: 3000 added." in first.stdout and "Demo cases: already present." in second.stdout
    assert all(password in second.stdout for password in creds.values())


def test_regions_load_reports_counts(tmp_path, database_url):
    result = in_process("regions", "load", data_dir=tmp_path, database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert "552 in source, 0 added, 0 updated" in result.stdout  # the fixture database already holds them


def test_create_admin_then_refuse_duplicate(tmp_path, database_url):
    ok = in_process("users", "create-admin", "--username", "admin", "--password", "kata-sandi-admin",
                    data_dir=tmp_path, database_url=database_url)
    assert ok.returncode == 0, ok.stderr
    assert "38 region(s)" in ok.stdout
    again = in_process("users", "create-admin", "--username", "admin", "--password", "kata-sandi-admin",
                        data_dir=tmp_path, database_url=database_url)
    assert again.returncode == 1 and "sudah dipakai" in again.stderr


def test_create_admin_refuses_weak_password(tmp_path, database_url):
    result = in_process("users", "create-admin", "--username", "admin2", "--password", "pendek",
                        data_dir=tmp_path, database_url=database_url)
    assert result.returncode == 1 and "minimal 10" in result.stderr and "Traceback" not in result.stderr
