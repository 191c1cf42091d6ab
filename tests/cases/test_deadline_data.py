"""deadlines.yaml is data an administrator edits: overrides take effect and mistakes are refused clearly."""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml

from netra.cases import (
    BKN, DeadlineDataError, DeadlineNotPassed, State, apply, clock_for, due_at, load_rules, parse_rules, status,
)
from netra.cases.deadlines import DATA_FILE

from tests.cases.support import ACTORS, T0, WIB, case_in

DEFAULT = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def write(tmp_path, data):
    (tmp_path / "deadlines.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def with_ppk_days(days):
    data = copy.deepcopy(DEFAULT)  # the YAML aliases share one dict between the kinds; set both anyway
    for kind in ("pilkada", "pemilu"):
        next(c for c in data[kind]["clocks"] if c["id"] == "ppk_followup")["days"] = days
    return data


def test_every_entry_carries_the_documented_fields():
    for kind in ("pilkada", "pemilu"):
        assert {"days", "counting", "legal_basis", "note"} <= set(DEFAULT[kind]["reporting"])
        for entry in DEFAULT[kind]["clocks"]:
            assert {"id", "owner", "start", "stop", "days", "counting", "extension_days", "extension_action",
                    "legal_basis", "note", "label_id", "label_en"} <= set(entry), entry["id"]


def test_ppk_override_from_a_modified_yaml_in_a_temp_dir(tmp_path):
    rules = load_rules(write(tmp_path, with_ppk_days(14)))  # a directory holding deadlines.yaml
    assert load_rules(tmp_path / "deadlines.yaml") == rules  # or the file itself
    assert clock_for(State.SENT_TO_PPK, "pilkada", rules).days == 14
    case = case_in(State.SENT_TO_PPK, since=T0)  # Mon 7 Oct 2024
    end = lambda d: datetime.combine(d, time.max, tzinfo=ZoneInfo(WIB))  # noqa: E731
    assert status(case, T0).due_at == end(date(2024, 10, 17))  # packaged default: 10 days
    assert status(case, T0, rules).due_at == end(date(2024, 10, 21))
    # the workflow's "not followed up" guard reads the same rules
    on_day_12 = T0 + timedelta(days=12)
    assert apply(case, "mark_not_followed_up", ACTORS[BKN], on_day_12, expected_version=3)[0].state == \
        State.NOT_FOLLOWED_UP
    with pytest.raises(DeadlineNotPassed, match="belum lewat"):
        apply(case, "mark_not_followed_up", ACTORS[BKN], on_day_12, expected_version=3, rules=rules)


def test_working_day_counting_and_extra_days_off_from_yaml(tmp_path):
    data = copy.deepcopy(DEFAULT)
    data["calendar"]["extra_days_off"] = ["2024-10-08"]
    data["pemilu"]["reporting"]["counting"] = "working"
    rules = load_rules(write(tmp_path, data))
    validation = clock_for(State.VERIFIED_BY_BKN, "pilkada", rules)
    assert due_at(T0, validation, WIB, calendar=rules.calendar).date() == date(2024, 10, 11)  # 9, 10, 11
    assert rules.reporting["pemilu"].counting == "working"


@pytest.mark.parametrize("change,message", [
    (lambda d: d["pilkada"]["clocks"][0].update(days=0), "'days' harus bilangan bulat >= 1"),
    (lambda d: d["pilkada"]["clocks"][0].update(counting="bulan"), "'counting' harus salah satu"),
    (lambda d: d["pilkada"]["clocks"][0].update(start=["diproses"]), "status yang tidak dikenal"),
    (lambda d: d["pilkada"]["clocks"][0].update(extension_action="extend"), "'extension_action' tidak dikenal"),
    (lambda d: d["pilkada"]["clocks"][0].update(extension_action=None), "memerlukan 'extension_action'"),
    (lambda d: d["pilkada"]["clocks"][0].update(owner="kasn"), "'owner' harus"),
    (lambda d: d["pemilu"]["clocks"][1].update(stop=[]), "bertumpuk"),  # BKN's clock would run into PPK's
    (lambda d: d.pop("pemilu"), "pemilu: bagian ini wajib ada"),
    (lambda d: d["calendar"].update(extra_days_off=["17-08-2024"]), "YYYY-MM-DD"),
])
def test_mistakes_are_refused_with_the_entry_named(tmp_path, change, message):
    data = copy.deepcopy(DEFAULT)
    change(data)
    with pytest.raises(DeadlineDataError, match=message):
        load_rules(write(tmp_path, data))


def test_not_yaml_is_refused(tmp_path):
    (tmp_path / "deadlines.yaml").write_text("pilkada: [unclosed", encoding="utf-8")
    with pytest.raises(DeadlineDataError, match="bukan YAML"):
        load_rules(tmp_path)
    with pytest.raises(DeadlineDataError):
        parse_rules(["not", "a", "mapping"])
