"""`netra bolehkah` and `netra pedoman`, run through a Typer app holding just these commands (the main app
registers them the same way)."""

from __future__ import annotations

import io
import json

import typer
from pypdf import PdfReader
from typer.testing import CliRunner

from netra.cli import guidance_commands

app = typer.Typer()
app.command("bolehkah")(guidance_commands.ask)
app.command("pedoman")(guidance_commands.pedoman)
runner = CliRunner()


def test_bolehkah_prints_verdict_rules_sanction_and_basis():
    result = runner.invoke(app, ["bolehkah", "boleh gak sih PNS nge-like postingan paslon?"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "TIDAK BOLEH" in out and "skb2022.disiplin.6" in out and "skb2022.etik.4" in out
    assert "Sanksi" in out and "Dasar hukum" in out and "PP 94/2021 Pasal 14 huruf i" in out


def test_bolehkah_allowed_answer():
    result = runner.invoke(app, ["bolehkah", "ASN boleh datang ke TPS nyoblos?"], env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "BOLEH" in result.output and "TIDAK BOLEH" not in result.output


def test_bolehkah_with_date_status_and_json():
    result = runner.invoke(app, ["bolehkah", "PNS ngelike postingan akun relawan calon bupati", "--tanggal",
                                 "2024-10-10", "--status", "pns", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rules"][0]["id"] == "skb2022.disiplin.6" and data["stage"]["in_campaign"] is True


def test_bolehkah_refuses_bad_input_with_an_indonesian_sentence():
    result = runner.invoke(app, ["bolehkah", "Can a civil servant vote?"])
    assert result.exit_code == 2 and "bahasa Indonesia" in result.output
    result = runner.invoke(app, ["bolehkah", "ASN ikut kampanye", "--tanggal", "besok"])
    assert result.exit_code == 1 and "Tanggal tidak valid" in result.output


def test_pedoman_writes_a_pdf(tmp_path):
    out = tmp_path / "pedoman.pdf"
    result = runner.invoke(app, ["pedoman", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "skb2022.disiplin.12" in text and "uu7_2017.494" in text


def test_pedoman_in_english(tmp_path):
    out = tmp_path / "guideline.pdf"
    assert runner.invoke(app, ["pedoman", "--out", str(out), "--lang", "en"]).exit_code == 0
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Detailed Guideline" in text


def test_pedoman_refuses_a_non_pdf_name(tmp_path):
    result = runner.invoke(app, ["pedoman", "--out", str(tmp_path / "pedoman.txt")])
    assert result.exit_code == 1 and ".pdf" in result.output
