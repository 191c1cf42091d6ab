"""The one calendar: which election, stage and period apply on a day in a region; unknown ids are errors.

Screening, guidance and the case workflow each had their own answer (and the workflow gave an unknown election
Pilkada's clocks); they now all ask netra.elections.calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from netra.elections import load_elections
from netra.elections.calendar import Calendar, UnknownElection
from netra.guidance import stages as guidance_stages
from netra.screening.stages import StageResolver

D = date.fromisoformat


@pytest.fixture(scope="module")
def calendar():
    return Calendar(load_elections())


def test_an_unknown_election_is_an_error_never_pilkada(calendar):
    assert calendar.kind("pilkada2024") == "pilkada" and calendar.kind("pemilu2024") == "pemilu"
    with pytest.raises(UnknownElection, match="'pilkada-2024' tidak dikenal.*pemilu2024, pilkada2024"):
        calendar.kind("pilkada-2024")
    with pytest.raises(UnknownElection):
        calendar.on(D("2024-10-10"), election_id="pilkada2030")


@pytest.mark.parametrize(("day", "region", "hint", "expected"), [
    ("2024-10-10", "33.20", None, "pilkada2024:campaign"),  # Pilkada running
    ("2024-02-01", "33.20", None, "pemilu2024:campaign"),  # Pemilu running
    ("2024-02-01", None, "pilkada", "pilkada2024:before_schedule"),  # a Pilkada question before its schedule
    ("2024-02-01", "33.20", "pilkada2024-bupati-33.20", "pilkada2024:before_schedule"),  # a Pilkada candidate
    ("2024-09-01", "33.20", None, "pilkada2024:between_stages"),
    ("2024-12-30", "33.20", None, "pilkada2024:after_schedule"),  # two weeks after the recapitulation
    ("2019-04-17", "33.20", None, None),  # no packaged election near: unknown, not a guess
    ("2023-01-10", "33.20", None, "pemilu2024:before_schedule"),  # bakal calon a year before nominations
])
def test_the_election_a_day_concerns(calendar, day, region, hint, expected):
    info = calendar.on(D(day), region, hint=hint)
    assert (info.label if info else None) == expected


def test_periods_follow_the_calendar(calendar):
    before = calendar.on(D("2024-09-21"), "33.20")
    set_day = calendar.on(D("2024-09-22"), "33.20")
    campaign = calendar.on(D("2024-09-25"), "33.20")
    assert (before.candidates_set, before.in_campaign) == (False, False)
    assert (set_day.candidates_set, set_day.in_campaign) == (True, False)
    assert (campaign.candidates_set, campaign.in_campaign, campaign.kind) == (True, True, "pilkada")


def test_screening_and_guidance_ask_the_same_calendar(calendar):
    resolver = StageResolver(load_elections())
    for day, hint in ((D("2024-10-10"), None), (D("2024-02-01"), "pilkada"), (D("2023-01-10"), None),
                      (D("2019-04-17"), None)):
        expected = calendar.on(day, hint=hint)
        assert resolver.resolve(day, None, hint) == expected
        election = guidance_stages.pick_election(load_elections(), day, hint)
        assert (guidance_stages.stage_on(election, day) if election else None) == expected
