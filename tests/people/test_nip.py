"""NIP validation: every part of the 18 digits is checked, and a real layout always passes."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from netra.people import InvalidNip, parse_nip
from netra.people.nip import ADULT_AGE

TODAY = date(2026, 6, 1)


def nip(birth: date, year: int, month: int, sex: int = 1, serial: int = 1) -> str:
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{serial:03d}"


@st.composite
def valid_nips(draw):
    birth = draw(st.dates(date(1940, 1, 1), date(TODAY.year - ADULT_AGE - 2, 12, 31)))
    first = max(birth.year + ADULT_AGE + 1, 1960)
    year = draw(st.integers(first, TODAY.year - 1))
    return nip(birth, year, draw(st.integers(1, 12)), draw(st.sampled_from([1, 2])), draw(st.integers(1, 999))), birth


@given(valid_nips())
def test_every_plausible_nip_is_accepted_and_read_back(case):
    value, birth = case
    parsed = parse_nip(value, TODAY)
    assert parsed.value == value and parsed.birth_date == birth
    assert parsed.sex == ("L" if value[14] == "1" else "P") and parsed.serial == int(value[15:])
    assert parse_nip(f"{value[:8]} {value[8:14]} {value[14]} {value[15:]}", TODAY).value == value


@given(valid_nips(), st.integers(0, 17), st.characters(whitelist_categories=("L", "P")))
def test_a_non_digit_anywhere_is_refused(case, position, char):
    value, _ = case
    broken = value[:position] + char + value[position + 1:]
    if char in " .-":
        return  # separators people type are allowed
    with pytest.raises(InvalidNip, match="angka"):
        parse_nip(broken, TODAY)


@given(valid_nips(), st.integers(1, 30))
def test_wrong_length_is_refused(case, length):
    value, _ = case
    if length == 18:
        return
    with pytest.raises(InvalidNip, match="18 angka"):
        parse_nip((value * 2)[:length], TODAY)


@given(valid_nips(), st.sampled_from("03456789"))
def test_sex_digit_must_be_1_or_2(case, digit):
    value, _ = case
    with pytest.raises(InvalidNip, match="jenis kelamin"):
        parse_nip(value[:14] + digit + value[15:], TODAY)


@given(st.dates(date(1940, 1, 1), date(2000, 12, 31)), st.integers(0, 17 * 12 + 11))
def test_appointment_before_the_18th_birthday_is_refused(birth, months_after_birth):
    year, month = birth.year + (birth.month - 1 + months_after_birth) // 12, (birth.month - 1 + months_after_birth) % 12 + 1
    if year < 1960:
        return  # refused for the appointment year already
    with pytest.raises(InvalidNip, match="berusia 18"):
        parse_nip(nip(birth, year, month), TODAY)


@pytest.mark.parametrize("value, reason", [
    (nip(date(1980, 1, 1), 2005, 1)[:4] + "0231" + nip(date(1980, 1, 1), 2005, 1)[8:], "bukan tanggal"),
    (nip(date(1980, 1, 1), 2005, 13), "Bulan pengangkatan"),
    (nip(date(1980, 1, 1), 2005, 0), "Bulan pengangkatan"),
    (nip(date(1980, 1, 1), 2027, 1), "pengangkatan"),
    (nip(date(1935, 1, 1), 1960, 1), "Tahun lahir"),
    (nip(TODAY - timedelta(days=365 * 10), 2025, 1), "Tahun lahir"),
    (nip(date(1980, 1, 1), 2005, 1, serial=0), "000"),
    ("", "kosong"),
])
def test_implausible_parts_are_refused_with_the_reason(value, reason):
    with pytest.raises(InvalidNip, match=reason):
        parse_nip(value, TODAY)


def test_leap_day_births_reach_18_on_28_february():
    assert parse_nip(nip(date(1984, 2, 29), 2002, 2), TODAY).birth_date == date(1984, 2, 29)
    with pytest.raises(InvalidNip):
        parse_nip(nip(date(1984, 2, 29), 2002, 1), TODAY)
