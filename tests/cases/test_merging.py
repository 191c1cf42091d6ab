"""Linking reports about the same civil servant and event into one case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netra.cases import (
    MergeRefused, ReportedPerson, State, can_merge, merge, normalise_agency, normalise_name, same_person,
)

from tests.cases.support import T0, case_in

BUDI = ReportedPerson("19800101 200501 1 001", "Budi Santoso", "Dinas Pendidikan Kab. Bogor")


def case(id, state="received", subject=BUDI, event=date(2024, 10, 1), since=T0, **kw):
    return case_in(state, id=id, subject=subject, event_date=event, since=since, **kw)


def test_names_and_agencies_normalise():
    assert normalise_name("Drs. H. Budi  Santoso, M.Si.") == "budi santoso"
    assert normalise_name("BUDI SANTOSO, S.Pd") == "budi santoso"
    assert normalise_name("Hj. Siti Aisyah") == "siti aisyah"
    assert normalise_agency("Dinas Pendidikan Kab. Bogor") == normalise_agency("dinas pendidikan kabupaten  bogor")
    assert normalise_agency("Pemkot Bandung") == "pemerintah kota bandung"


def test_same_person_by_nip_first_then_name_and_agency():
    assert same_person(BUDI, ReportedPerson("198001012005011001", "B. Santoso", "Pemkab Bogor"))
    assert not same_person(BUDI, ReportedPerson("198001012005011002", "Budi Santoso", BUDI.agency))
    assert same_person(BUDI, ReportedPerson("", "Drs. Budi Santoso, M.M.", "Dinas Pendidikan Kabupaten Bogor"))
    assert not same_person(BUDI, ReportedPerson("", "Budi Santoso", "Dinas Kesehatan Kab. Bogor"))
    assert not same_person(ReportedPerson(name="Budi"), ReportedPerson(name="Budi"))  # a name alone is too weak


def test_merge_keeps_the_case_further_along_and_records_the_other_ids():
    older = case(1, "under_review", event=date(2024, 10, 1), merged_ids=(9,))
    newer = case(2, "received", subject=ReportedPerson("", "Budi Santoso", "Dinas Pendidikan Kabupaten Bogor"),
                 event=date(2024, 10, 3), since=T0 + timedelta(days=2), merged_ids=(11,))
    assert can_merge(older, newer)
    for a, b in ((older, newer), (newer, older)):
        survivor = merge(a, b)
        assert survivor.id == 1 and survivor.state == State.UNDER_REVIEW
        assert survivor.merged_ids == (9, 2, 11) and survivor.version == older.version + 1
        assert survivor.event_date == date(2024, 10, 1)


def test_tie_goes_to_the_case_opened_first():
    a = case(5, since=T0 + timedelta(hours=3))
    b = case(6, since=T0)
    assert merge(a, b).id == 6


def test_survivor_takes_a_nip_it_lacked():
    a = case(1, "under_review", subject=ReportedPerson("", "Budi Santoso", "Dinas Pendidikan Kabupaten Bogor"))
    assert merge(a, case(2)).subject.nip == BUDI.nip


@pytest.mark.parametrize("a,b,message", [
    (case(1), case(1), "dirinya sendiri"),
    (case(1), case(2, kind="pemilu"), "jenis pemilihan"),
    (case(1), case(2, "closed"), "keputusan akhir"),
    (case(1, "not_a_violation"), case(2), "keputusan akhir"),
    (case(1, "recommended_to_bkn"), case(2, "sent_to_ppk"), "melewati tahap kajian"),
    (case(1), case(2, subject=ReportedPerson("199001012015012001", "Budi Santoso", BUDI.agency)), "Terlapor"),
    (case(1), case(2, event=None), "Tanggal kejadian"),
    (case(1, event=date(2024, 10, 1)), case(2, event=date(2024, 10, 9)), "8 hari, lebih dari 7"),
])
def test_merge_refusals(a, b, message):
    check = can_merge(a, b)
    assert not check and message in check.reason
    with pytest.raises(MergeRefused, match=message):
        merge(a, b)


def test_window_is_a_parameter():
    a, b = case(1, event=date(2024, 10, 1)), case(2, event=date(2024, 10, 9))
    assert can_merge(a, b, within_days=8) and not can_merge(a, b, within_days=7)


def test_a_new_report_joins_a_case_already_with_bkn():
    assert merge(case(1, "recommended_to_bkn"), case(2, "received")).state == State.RECOMMENDED_TO_BKN
