"""Public rule pages and the printable guideline cite the legal sources, never the team's working notes; an
unverified value says so in plain Indonesian (issue 12)."""

from __future__ import annotations

import re

from netra.rulebook import load_rulebook
from tests.web.test_case_workflow_pages import pdf_text

# Phrases of internal notes: the domain brief, the data's field names, English working remarks.
INTERNAL = re.compile(r"domain brief|\bbrief\b|section \d|no external source|\bsubjects\b|\bsubject\b|"
                      r"sanction\.level|\bTODO\b|x-sources|\bnote:", re.IGNORECASE)


def visible(html: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_no_public_rule_page_nor_the_guideline_shows_internal_notes(client):
    book = load_rulebook()
    pages = {f"/aturan/{r.id}": visible(client.get(f"/aturan/{r.id}").text) for r in book}
    pages["/aturan"] = visible(client.get("/aturan").text)
    pages["/pedoman"] = visible(client.get("/pedoman").text)
    pages["/pedoman.pdf"] = pdf_text(client.get("/pedoman.pdf").content)
    assert INTERNAL.search("Sumber: Domain brief section 2") and INTERNAL.search("tercantum di subjects")
    found = {path: INTERNAL.findall(text) for path, text in pages.items() if INTERNAL.search(text)}
    assert found == {}
    assert len(pages) == len(book) + 3


def test_every_rule_page_cites_its_legal_basis_and_says_when_unverified(client):
    for rule in load_rulebook():
        text = visible(client.get(f"/aturan/{rule.id}").text)
        assert all(basis in text for basis in rule.legal_basis), rule.id
        assert ("belum diverifikasi" in text) is (not rule.verified), rule.id


def test_a_general_offence_page_says_it_binds_everyone_with_its_penalty_and_that_it_is_unverified(client):
    text = visible(client.get("/aturan/uu10_2016.187a").text)
    assert "Setiap orang" in text  # whom it binds
    assert "UU 10/2016 Pasal 187A ayat (2)" in text  # the receiver's article too
    assert "36 bulan" in text and "72 bulan" in text  # the penalty as the article is commonly cited
    assert "belum diverifikasi" in text
    listing = visible(client.get("/aturan").text)
    assert "uu7_2017.515" in listing and "uu7_2017.492" in listing
