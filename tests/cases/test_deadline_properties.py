"""Properties of due_at that must hold for any start instant, zone and length."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from netra.cases import ClockRule, Label, State, due_at, national_days_off

from tests.cases.support import WIB, WIT, WITA

starts = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2027, 12, 31),
                      timezones=st.just(timezone.utc))
rules = st.builds(
    lambda days, counting, ext: ClockRule("p", "pilkada", "bawaslu", Label("p", "p"), (State.REGISTERED,),
                                          (State.RECOMMENDED_TO_BKN,), days, counting, ext, "request_clarification"),
    st.integers(1, 40), st.sampled_from(["calendar", "working"]), st.integers(0, 10),
)
zones = st.sampled_from([WIB, WITA, WIT])


@settings(max_examples=300, deadline=None)
@given(starts, rules, zones, st.booleans())
def test_due_is_after_start_at_the_end_of_a_local_day(start, rule, tz, extended):
    due = due_at(start, rule, tz, extended=extended)
    assert due > start
    local = due.astimezone(ZoneInfo(tz))
    assert local.time() == time.max
    if rule.counting == "working":
        assert local.weekday() < 5 and local.date() not in national_days_off(local.year)


@settings(max_examples=300, deadline=None)
@given(starts, rules, zones, st.integers(0, 15))
def test_more_days_never_give_an_earlier_due_date(start, rule, tz, more):
    longer = replace(rule, days=rule.days + more)
    assert due_at(start, longer, tz) >= due_at(start, rule, tz)
    assert due_at(start, rule, tz, extended=True) >= due_at(start, rule, tz)
    if more:
        assert due_at(start, longer, tz) > due_at(start, rule, tz)
