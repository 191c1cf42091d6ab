"""The `netra` command line (Typer + Rich)."""
