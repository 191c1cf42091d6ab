"""Legal clocks: counting calendar and working days in the region's time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from netra.cases import (
    CaseState, State, WorkCalendar, clock_for, default_rules, due_at, is_report_late, national_days_off,
    reporting_deadline, status,
)

from tests.cases.support import JAKARTA, T0, WIB, WIT, WITA, case_in

RULES = default_rules()


def rule(kind, clock_id):
    return next(c for c in RULES.clocks if c.election_kind == kind and c.id == clock_id)


VALIDATION = rule("pilkada", "bawaslu_validation")  # 3 working days


def end(y, m, d, tz=WIB):
    return datetime.combine(date(y, m, d), time.max, tzinfo=ZoneInfo(tz))


def at(y, m, d, hh=10, tz=WIB):
    return datetime(y, m, d, hh, tzinfo=ZoneInfo(tz))


def test_the_holidays_package_knows_2024_cuti_bersama_and_independence_day():
    off = national_days_off(2024)
    assert {date(2024, 4, d) for d in (8, 9, 10, 11, 12, 15)} <= off  # Idul Fitri + collective leave
    assert date(2024, 8, 17) in off and date(2024, 11, 27) in off  # Independence Day, Pilkada voting day
    assert date(2025, 8, 18) in national_days_off(2025)  # collective leave after 17 August 2025


def test_working_days_skip_the_weekend():
    assert due_at(at(2024, 10, 3), VALIDATION, WIB) == end(2024, 10, 8)  # Thu -> Fri, Mon, Tue
    assert due_at(at(2024, 10, 5), VALIDATION, WIB) == end(2024, 10, 9)  # started on a Saturday: Mon, Tue, Wed


def test_working_days_skip_idul_fitri_2024_collective_leave():
    # Fri 5 April; 8-9 and 12, 15 April cuti bersama, 10-11 Idul Fitri, 13-14 weekend: Tue 16, Wed 17, Thu 18
    assert due_at(at(2024, 4, 5), VALIDATION, WIB) == end(2024, 4, 18)
    assert due_at(at(2024, 4, 4), VALIDATION, WIB) == end(2024, 4, 17)  # Fri 5 counts, then 16 and 17


def test_working_days_skip_17_august():
    assert due_at(at(2023, 8, 16), VALIDATION, WIB) == end(2023, 8, 22)  # Thu 17 Aug 2023: Fri 18, Mon 21, Tue 22
    # 2025: Sunday 17 August, Monday 18 collective leave: from Fri 15 the days are Tue 19, Wed 20, Thu 21
    assert due_at(at(2025, 8, 15), VALIDATION, WIB) == end(2025, 8, 21)


def test_calendar_days_do_not_skip_weekends_or_holidays():
    followup = rule("pilkada", "bawaslu_followup")  # 3 calendar days
    assert due_at(at(2024, 8, 15), followup, WIB) == end(2024, 8, 18)  # over the 17 August Saturday
    assert due_at(at(2024, 8, 15), followup, WIB, extended=True) == end(2024, 8, 20)
    assert due_at(at(2024, 4, 7), rule("pilkada", "ppk_followup"), WIB) == end(2024, 4, 17)


def test_the_local_date_of_the_start_decides():
    followup = rule("pilkada", "bawaslu_followup")
    late_evening_utc = datetime(2024, 10, 7, 16, 30, tzinfo=timezone.utc)  # 23:30 WIB 7th = 01:30 WIT 8th
    assert due_at(late_evening_utc, followup, WIB) == end(2024, 10, 10, WIB)
    assert due_at(late_evening_utc, followup, WIT) == end(2024, 10, 11, WIT)


def test_wib_wita_wit_give_different_instants_for_the_same_local_due_date():
    followup = rule("pilkada", "bawaslu_followup")
    dues = {tz: due_at(at(2024, 10, 7, tz=tz), followup, tz) for tz in (WIB, WITA, WIT)}
    assert {d.astimezone(ZoneInfo(tz)).date() for tz, d in dues.items()} == {date(2024, 10, 10)}
    utc = {tz: d.astimezone(timezone.utc) for tz, d in dues.items()}
    assert utc[WIB] == datetime(2024, 10, 10, 16, 59, 59, 999999, tzinfo=timezone.utc)
    assert utc[WIB] - utc[WITA] == utc[WITA] - utc[WIT] == timedelta(hours=1)


def test_status_due_soon_then_overdue():
    case = case_in(State.SENT_TO_PPK, since=at(2024, 10, 7))  # 10 calendar days: due end of Thu 17 Oct
    assert status(case, at(2024, 10, 10)).due_soon is False
    s = status(case, at(2024, 10, 16, 9))
    assert s.due_soon and not s.overdue and s.days_overdue == 0 and s.remaining > timedelta(days=1)
    s = status(case, at(2024, 10, 17, 23))
    assert s.due_soon and s.remaining == timedelta(minutes=59, seconds=59, microseconds=999999)
    s = status(case, at(2024, 10, 18, 0))
    assert s.overdue and not s.due_soon and s.days_overdue == 1 and s.remaining == timedelta(0)
    s = status(case, at(2024, 10, 27))
    assert s.days_overdue == 10 and s.rule.id == "ppk_followup" and s.rule.owner == "ppk"
    assert s.started_at == at(2024, 10, 7)


def test_working_day_clock_is_due_soon_over_the_weekend():
    case = case_in(State.VERIFIED_BY_BKN, since=at(2024, 10, 9))  # Wed: Thu, Fri, Mon -> due Mon 14 Oct
    assert status(case, at(2024, 10, 10)).due_soon is False  # Thursday: two working days left
    assert status(case, at(2024, 10, 11)).due_soon is True  # Friday: Monday is the next working day
    assert status(case, at(2024, 10, 12)).due_soon is True


def test_pilkada_and_pemilu_windows_differ():
    pilkada = CaseState(id=1, state=State.UNDER_REVIEW, version=2, election_kind="pilkada", tz_name=WIB,
                        entered={State.RECEIVED: at(2024, 10, 6), State.REGISTERED: T0, State.UNDER_REVIEW: T0})
    pemilu = CaseState(id=2, state=State.UNDER_REVIEW, version=2, election_kind="pemilu", tz_name=WIB,
                       entered={State.RECEIVED: at(2024, 10, 6), State.REGISTERED: T0, State.UNDER_REVIEW: T0})
    assert status(pilkada, T0).due_at == end(2024, 10, 9)  # 3 days from receipt (UU 10/2016 Pasal 134)
    assert status(pemilu, T0).due_at == end(2024, 10, 14)  # 7 days from registration (UU 7/2017 Pasal 454)
    asked = {"performed": {"request_clarification": T0 + timedelta(hours=1)}}
    assert status(CaseState(**{**pilkada.__dict__, **asked}), T0).due_at == end(2024, 10, 11)  # 3 + 2
    assert status(CaseState(**{**pemilu.__dict__, **asked}), T0).due_at == end(2024, 10, 21)  # 7 + 7
    assert clock_for(State.RECEIVED, "pilkada").id == "bawaslu_followup"
    # Pemilu's statutory days count from registration; before it runs the administrative registration target
    # (the law is silent: see the entry's note).
    assert clock_for(State.RECEIVED, "pemilu").id == "bawaslu_registration"
    assert "SILENT" in clock_for(State.RECEIVED, "pemilu").note


def test_no_clock_in_final_states():
    for state in (State.NOT_REGISTERED, State.NOT_A_VIOLATION, State.FORWARDED, State.SANCTION_IMPOSED,
                  State.CLOSED):
        for kind in ("pilkada", "pemilu"):
            assert clock_for(state, kind) is None
            assert status(case_in(state, kind=kind), T0) is None


def test_every_running_state_has_one_clock_with_a_legal_basis():
    for kind in ("pilkada", "pemilu"):
        for state in (State.REGISTERED, State.UNDER_REVIEW, State.RECOMMENDED_TO_BKN, State.VERIFIED_BY_BKN,
                      State.VALIDATED_BY_BAWASLU, State.SENT_TO_PPK, State.NOT_FOLLOWED_UP,
                      State.PERSONNEL_DATA_BLOCKED):
            assert clock_for(state, kind).legal_basis
    assert "2022" in rule("pilkada", "ppk_followup").note and "2020" in rule("pemilu", "ppk_followup").note


def test_ppk_default_is_ten_days():
    for kind in ("pilkada", "pemilu"):
        ppk = rule(kind, "ppk_followup")
        assert (ppk.days, ppk.counting, ppk.extension_days) == (10, "calendar", 0)


@pytest.mark.parametrize("kind", ["pilkada", "pemilu"])
def test_reporting_window_is_seven_days(kind):
    assert reporting_deadline(date(2024, 10, 1), kind, WIB) == end(2024, 10, 8)
    assert not is_report_late(date(2024, 10, 1), at(2024, 10, 8, 23), kind, WIB)
    assert is_report_late(date(2024, 10, 1), datetime(2024, 10, 9, 0, 0, 1, tzinfo=JAKARTA), kind, WIB)
    # the same UTC instant is still on time in WIB but already late in WIT
    instant = datetime(2024, 10, 8, 15, 30, tzinfo=timezone.utc)  # 22:30 WIB, 00:30 WIT on the 9th
    assert not is_report_late(date(2024, 10, 1), instant, kind, WIB)
    assert is_report_late(date(2024, 10, 1), instant, kind, WIT)
    assert reporting_deadline(at(2024, 10, 1, 23, tz=WIT), kind, WIT) == end(2024, 10, 8, WIT)


def test_extra_days_off_and_revoked_leave_change_the_working_count():
    cal = WorkCalendar(extra_days_off=frozenset({date(2024, 10, 4)}))
    assert due_at(at(2024, 10, 3), VALIDATION, WIB, calendar=cal) == end(2024, 10, 9)
    cal = WorkCalendar(extra_working_days=frozenset({date(2024, 4, 8)}))
    assert due_at(at(2024, 4, 5), VALIDATION, WIB, calendar=cal) == end(2024, 4, 17)


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        due_at(datetime(2024, 10, 7), VALIDATION, WIB)
    with pytest.raises(ValueError, match="timezone-aware"):
        status(case_in(State.SENT_TO_PPK), datetime(2024, 10, 7))
