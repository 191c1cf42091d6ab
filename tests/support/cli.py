"""`netra ...` run in this test process, through the same Typer app the installed entry point runs.

A `python -m netra.cli.main` subprocess paid ~1.8 s of CPU importing the package, and hashed passwords at
production cost, for each command of a test. In process, the command sees the same options, environment and
database, and answers the same exit code, stdout and stderr (Click keeps them apart). What only a real process
proves (the entry point starts, exit codes and stderr reach the shell) keeps real subprocesses in
tests/cli/test_cli.py (help, bad database URLs, a port in use), tests/backup's backup-then-restore (two
installations, each reading its audit key file when its process starts: Settings caches the key in a process) and
every `netra run`, `netra worker` and `live.cli` the browser, security and notification tests start.
"""

from __future__ import annotations

import os
import subprocess

from typer.testing import CliRunner


def netra(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Like `subprocess.run(["netra", *args], capture_output=True, text=True)`: returncode, stdout, stderr."""
    from netra.cli import context, screen_commands
    from netra.cli.main import app

    # A process reads COLUMNS once, when its consoles are made; these consoles outlive one command, so each command
    # gets the width its env asks for (80, Rich's default without a terminal, when it names none).
    consoles = (context.console, context.err_console, screen_commands.console, screen_commands.err_console)
    columns = {**os.environ, **(env or {})}.get("COLUMNS")
    for console in consoles:
        console.width = int(columns) if columns else 80
    result = CliRunner().invoke(app, [str(a) for a in args], input=input, env=env, prog_name="netra")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback a real process would print: fail the test with it
    return subprocess.CompletedProcess(["netra", *args], result.exit_code, result.stdout, result.stderr)
