"""Shared fixtures for the screening tests (no database needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

REPO = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path | None:
    for cand in (REPO.parent / "shared" / "data", Path("/work/shared/data")):
        if (cand / "pilpres2024_tweets.jsonl").is_file():
            return cand
    return None


def seeds_dir() -> Path | None:
    for cand in (REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if cand.is_dir() and list(cand.glob("0*.txt")):
            return cand
    return None


@pytest.fixture(scope="session")
def screener():
    from netra.screening import default_screener

    return default_screener()


@pytest.fixture(scope="session")
def cli_app():
    """A throwaway `netra` app with the screening commands (main.py registers them for real)."""
    from netra.cli.screen_commands import model_app, screen_app

    app = typer.Typer()
    app.add_typer(screen_app, name="screen")
    app.add_typer(model_app, name="model")
    return app


@pytest.fixture
def run_cli(cli_app):
    from typer.testing import CliRunner

    def run(*args: str):
        return CliRunner().invoke(cli_app, list(args), catch_exceptions=False)

    return run
