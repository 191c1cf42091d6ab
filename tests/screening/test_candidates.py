"""The candidate registry: CSV in, scope by region and date, clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from netra.screening.candidates import CandidateRegistry, CandidateRegistryError


def test_demo_registry_has_fictional_pilkada_pairs_and_the_presidential_numbers():
    reg = CandidateRegistry.demo()
    regions = {c.region for c in reg}
    assert {"33.20", "64.02", None} <= regions
    pres = sorted(c.label for c in reg if c.election == "pemilu2024-presiden")
    assert pres == ["01", "02", "03"]
    assert all(c.name is None for c in reg if c.election == "pemilu2024-presiden")
    assert all(c.name for c in reg if c.region in ("33.20", "64.02"))


def test_scope_by_region_and_date():
    reg = CandidateRegistry.demo()
    nov = dt.date(2024, 11, 1)
    assert reg.by_number(2, "33.20", nov).name.startswith("Budi")
    assert reg.by_number(2, "64.02", nov).name.startswith("Bayu")
    assert reg.by_number(2, "33.20", dt.date(2024, 1, 20)).election == "pemilu2024-presiden"
    assert reg.by_number(2, None, None) is None  # ambiguous without region and date


def test_registry_csv_errors_name_the_line(tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_text("election,region,number,name\ne1,33.20,1,A\ne1,33.20,x,B\n", encoding="utf-8")
    with pytest.raises(CandidateRegistryError, match="line 3"):
        CandidateRegistry.from_csv(bad)
    bad.write_text("election,region,number\ne1,33.20,1\ne1,33.20,1\n", encoding="utf-8")
    with pytest.raises(CandidateRegistryError, match="appears twice"):
        CandidateRegistry.from_csv(bad)
    bad.write_text("region,number\n33.20,1\n", encoding="utf-8")
    with pytest.raises(CandidateRegistryError, match="missing column"):
        CandidateRegistry.from_csv(bad)


def test_a_custom_registry_feeds_the_screener(tmp_path):
    from netra.screening import Screener

    csv = tmp_path / "reg.csv"
    csv.write_text("election,region,vote_date,number,name,aliases,hashtags,slogans\n"
                   "pilkada2024-bupati-35.22,35.22,2024-11-27,1,Joko Santika – Rini Lestari,Joko–Rini|Pak Joko,"
                   "#JokoRini,Bojonegoro Makmur\n", encoding="utf-8")
    s = Screener(registry=CandidateRegistry.from_csv(csv))
    r = s.screen({"id": "1", "text": "Sbg guru PNS, Bojonegoro Makmur! #JokoRini", "region": "35.22",
                  "created_at": "2024-10-10"})
    assert r.violation and r.candidate.number == "01" and r.candidate.name == "Joko Santika – Rini Lestari"
