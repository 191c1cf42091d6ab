"""Election calendars: stage lookup on boundary dates, regions, and validation of added elections."""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path

import pytest

from netra.elections import (
    AFTER_SCHEDULE,
    BEFORE_SCHEDULE,
    BETWEEN_STAGES,
    DATA_DIR,
    ElectionDataError,
    ElectionKind,
    add_election,
    candidates_set,
    election_from_dict,
    load_elections,
)
from netra.regions import RegionKind, load_reference_regions
from netra.rulebook import load_rulebook

D = date.fromisoformat


@pytest.fixture(scope="module")
def elections():
    return load_elections()


@pytest.fixture(scope="module")
def pilkada(elections):
    return elections["pilkada2024"]


@pytest.fixture(scope="module")
def pemilu(elections):
    return elections["pemilu2024"]


def test_both_elections_are_loaded(elections):
    assert [e.id for e in elections] == ["pemilu2024", "pilkada2024"]  # ordered by first day
    assert elections["pilkada2024"].kind is ElectionKind.PILKADA
    assert elections["pemilu2024"].kind is ElectionKind.PEMILU
    assert "PKPU 2/2024" in " ".join(elections["pilkada2024"].legal_basis)
    assert "PKPU 3/2022" in " ".join(elections["pemilu2024"].legal_basis)


@pytest.mark.parametrize(
    ("day", "stage_id"),
    [
        ("2024-08-27", "registration"),
        ("2024-08-29", "registration"),
        ("2024-09-22", "candidates_set"),
        ("2024-09-23", "ballot_number_draw"),
        ("2024-09-25", "campaign"),
        ("2024-11-23", "campaign"),
        ("2024-11-24", "quiet_period"),
        ("2024-11-26", "quiet_period"),
        ("2024-11-27", "voting"),  # also day 1 of counting: the single-day stage is more specific
        ("2024-11-28", "counting_recapitulation"),
        ("2024-12-16", "counting_recapitulation"),
    ],
)
def test_pilkada_stage_on_boundaries(pilkada, day, stage_id):
    stage = pilkada.stage_on(D(day))
    assert stage.id == stage_id and stage.scheduled


def test_campaign_day_numbers(pilkada):
    campaign = pilkada.stage("campaign")
    assert campaign.day_number(D("2024-09-25")) == 1
    assert campaign.day_number(D("2024-11-23")) == campaign.days == 60
    with pytest.raises(ValueError):
        campaign.day_number(D("2024-11-24"))


def test_off_schedule_answers_are_explicit(pilkada):
    before = pilkada.stage_on(D("2024-08-26"))
    assert (before.id, before.scheduled, before.end) == (BEFORE_SCHEDULE, False, D("2024-08-26"))
    assert before.name.en.startswith("Before the schedule")
    gap = pilkada.stage_on(D("2024-09-01"))
    assert (gap.id, gap.start, gap.end) == (BETWEEN_STAGES, D("2024-08-30"), D("2024-09-21"))
    assert pilkada.stage_on(D("2024-09-24")).id == BETWEEN_STAGES
    after = pilkada.stage_on(D("2024-12-17"))
    assert (after.id, after.start) == (AFTER_SCHEDULE, D("2024-12-17"))


def test_stages_at_lists_nested_stages_most_specific_first(pilkada):
    assert [s.id for s in pilkada.stages_at(D("2024-11-27"))] == ["voting", "counting_recapitulation"]
    assert pilkada.stages_at(D("2024-09-24")) == ()


@pytest.mark.parametrize(
    ("day", "stage_id"),
    [
        ("2023-10-18", BEFORE_SCHEDULE),
        ("2023-10-19", "presidential_nomination"),
        ("2023-11-25", "presidential_nomination"),
        ("2023-11-26", BETWEEN_STAGES),
        ("2023-11-28", "campaign"),
        ("2024-02-10", "campaign"),
        ("2024-02-11", "quiet_period"),
        ("2024-02-13", "quiet_period"),
        ("2024-02-14", "voting"),
        ("2024-02-15", "recapitulation"),
        ("2024-03-20", "recapitulation"),
        ("2024-03-21", AFTER_SCHEDULE),
    ],
)
def test_pemilu_stage_on_boundaries(pemilu, day, stage_id):
    assert pemilu.stage_on(D(day)).id == stage_id


def test_candidates_set_split(pilkada, pemilu):
    assert not pilkada.candidates_set(D("2024-09-21"))
    assert pilkada.candidates_set(D("2024-09-22"))  # the decree day itself counts as set
    assert pilkada.candidates_set_on == D("2024-09-22")
    assert candidates_set(D("2024-10-01"), "pilkada2024") is True
    assert candidates_set(D("2024-08-28"), "pilkada2024") is False
    assert pemilu.stage("candidates_set").verified is False  # not in the brief: flagged for checking
    assert pemilu.stage("candidates_set").note is not None


def test_calendar_drives_the_rulebook_split(pilkada):
    book = load_rulebook()

    def rules_on(day: str) -> set[str]:
        d = D(day)
        return {r.id for r in book.applicable(subject="pns", candidates_set=pilkada.candidates_set(d),
                                              in_campaign=pilkada.in_campaign(d))}

    assert "skb2022.etik.4" in rules_on("2024-08-28") and "skb2022.disiplin.6" not in rules_on("2024-08-28")
    assert "skb2022.disiplin.6" in rules_on("2024-09-25") and "skb2022.etik.4" not in rules_on("2024-09-25")
    assert "pp94.5n.1" in rules_on("2024-09-25") and "pp94.5n.1" not in rules_on("2024-11-24")


def test_region_exclusions(pilkada, pemilu):
    assert not pilkada.holds_contest_in("34")  # no governor election in DI Yogyakarta
    assert pilkada.holds_contest_in("34.01") and pilkada.applies_to_region("34.71")
    assert not pilkada.applies_to_region("34")
    assert not pilkada.holds_contest_in("31.71")  # Jakarta Pusat elects no mayor...
    assert pilkada.applies_to_region("31.71")  # ...but votes for DKI's governor
    assert pilkada.holds_contest_in("31") and pilkada.holds_contest_in("33.20")
    assert pemilu.applies_to_region("34")


def test_exclusions_reproduce_the_brief_region_count(pilkada):
    regions = load_reference_regions()
    holding = [r for r in regions if pilkada.holds_contest_in(r.code)]
    by_kind = {k: sum(r.kind is k for r in holding) for k in RegionKind}
    assert by_kind == {RegionKind.PROVINSI: 37, RegionKind.KABUPATEN: 415, RegionKind.KOTA: 93}
    assert (pilkada.facts["provinces"], pilkada.facts["regencies"], pilkada.facts["cities"]) == (37, 415, 93)


def test_stages_on_by_date_and_region(elections):
    on_voting = elections.stages_on(D("2024-11-27"))
    assert [(a.election.id, a.stage.id) for a in on_voting] == [("pilkada2024", "voting")]
    assert elections.stages_on(D("2024-11-27"), region_code="34") == ()
    assert [a.stage.id for a in elections.stages_on(D("2024-11-27"), region_code="34.04")] == ["voting"]
    assert [a.stage.id for a in elections.stages_on(D("2024-02-14"), region_code="34")] == ["voting"]
    assert elections.stages_on(D("2025-06-01")) == ()
    assert {a.stage.id for a in elections.stages_on(D("2025-06-01"), include_off_schedule=True)} == {AFTER_SCHEDULE}
    gap = elections.stages_on(D("2024-09-01"))
    assert [(a.election.id, a.stage.id) for a in gap] == [("pilkada2024", BETWEEN_STAGES)]


# --- adding elections ------------------------------------------------------------------------------------------

GOOD = {
    "id": "psu_2025",
    "kind": "pilkada",
    "name": {"id": "Pemungutan suara ulang 2025", "en": "2025 re-vote"},
    "legal_basis": ["UU 10/2016"],
    "sources": ["test fixture"],
    "applies_to": {"regions": ["33.20"]},
    "stages": [
        {"id": "candidates_set", "name": {"id": "Penetapan", "en": "Set"}, "start": "2025-01-10"},
        {"id": "campaign", "name": {"id": "Kampanye", "en": "Campaign"}, "start": "2025-01-12", "end": "2025-02-01"},
        {"id": "quiet_period", "name": {"id": "Masa tenang", "en": "Quiet"}, "start": "2025-02-02",
         "end": "2025-02-04"},
        {"id": "voting", "name": {"id": "Pemungutan", "en": "Voting"}, "start": "2025-02-05"},
    ],
}


def _with(**changes):
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


def test_add_a_valid_election(elections):
    more = add_election(elections, GOOD)
    assert len(more) == 3 and len(elections) == 2
    psu = more["psu_2025"]
    assert psu.stage_on(D("2025-01-20")).id == "campaign"
    assert psu.applies_to_region("33.20") and not psu.applies_to_region("33.21")
    assert [a.election.id for a in more.stages_on(D("2025-02-05"), region_code="33.20")] == ["psu_2025"]


def test_duplicate_election_id_is_rejected(elections):
    with pytest.raises(ElectionDataError, match="already exists"):
        add_election(elections, _with(id="pilkada2024"))


def _stage_error(stages, match):
    with pytest.raises(ElectionDataError, match=match) as info:
        election_from_dict(_with(stages=stages))
    return info.value


def test_end_before_start_is_rejected():
    stages = copy.deepcopy(GOOD["stages"])
    stages[1]["end"] = "2025-01-11"
    err = _stage_error(stages, r"ends \(2025-01-11\) before it starts \(2025-01-12\)")
    assert err.field == "stages[1].end"


def test_partial_overlap_is_rejected_but_nesting_is_fine():
    stages = copy.deepcopy(GOOD["stages"])
    stages.append({"id": "debate", "name": {"id": "Debat", "en": "Debate"}, "start": "2025-01-30",
                   "end": "2025-02-03"})
    _stage_error(stages, "partly overlaps")
    stages[-1]["end"] = "2025-01-31"  # now inside the campaign
    assert election_from_dict(_with(stages=stages)).stage_on(D("2025-01-30")).id == "debate"


def test_out_of_order_stages_are_rejected():
    stages = copy.deepcopy(GOOD["stages"])
    stages[2] = {"id": "quiet_period", "name": {"id": "Tenang", "en": "Quiet"}, "start": "2025-01-05",
                 "end": "2025-01-06"}
    _stage_error(stages, "must end before stage 'quiet_period' starts")


def test_missing_voting_stage_is_rejected():
    _stage_error(GOOD["stages"][:3], "missing required stage 'voting'")


def test_bad_dates_kinds_and_codes_are_rejected():
    stages = copy.deepcopy(GOOD["stages"])
    stages[3]["start"] = "27 November 2025"
    _stage_error(stages, "expected a date YYYY-MM-DD")
    with pytest.raises(ElectionDataError, match="invalid value 'pilpres'") as info:
        election_from_dict(_with(kind="pilpres"))
    assert info.value.field == "kind"
    with pytest.raises(ElectionDataError, match="invalid region code") as info:
        election_from_dict(_with(applies_to={"regions": "all", "exclude": [{"code": 34, "reason": {"id": "x", "en": "x"}}]}))
    assert info.value.field == "applies_to.exclude[0].code"


# --- broken files ----------------------------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "elections"
    shutil.copytree(DATA_DIR, target)
    return target


def test_broken_file_names_file_line_and_field(data):
    path = data / "pilkada2024.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    start: 2024-11-24\n    end: 2024-11-26\n"
    line = text[: text.index(old)].count("\n") + 2
    path.write_text(text.replace(old, "    start: 2024-11-24\n    end: 2024-11-20\n"), encoding="utf-8")
    result = None
    with pytest.raises(ElectionDataError) as info:
        result = load_elections(data)
    assert result is None
    err = info.value
    assert (err.file, err.line, err.field) == (str(path), line, "stages[4].end")
    assert "pilkada2024.yaml" in str(err) and f"line {line}" in str(err)


def test_bad_yaml_in_a_calendar(data):
    path = data / "pemilu2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: pemilu", "kind: [pemilu"), encoding="utf-8")
    with pytest.raises(ElectionDataError, match="invalid YAML") as info:
        load_elections(data)
    assert info.value.file == str(path) and info.value.line is not None


def test_duplicate_election_files(data):
    shutil.copy(data / "pemilu2024.yaml", data / "pemilu2024_copy.yaml")
    with pytest.raises(ElectionDataError, match="duplicate election id 'pemilu2024'"):
        load_elections(data)
