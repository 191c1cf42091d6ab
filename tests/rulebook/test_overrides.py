"""Administrator overrides: values change in a new Rulebook; bad paths and values are refused."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from netra.rulebook import Family, Override, OverrideError, RulebookError, SanctionLevel, load_rulebook

WHEN = datetime(2024, 10, 1, 9, 0, tzinfo=timezone.utc)


def ov(rule_id: str, field: str, value, by: str = "admin.bkn", reason: str = "BKN clarified the level") -> Override:
    return Override(rule_id=rule_id, field=field, value=value, by=by, at=WHEN, reason=reason)


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def test_override_changes_the_value_in_a_new_rulebook(book):
    new = book.with_overrides(ov("skb2022.disiplin.8", "sanction.level", "sedang"))
    assert new["skb2022.disiplin.8"].sanction.level is SanctionLevel.SEDANG
    assert book["skb2022.disiplin.8"].sanction.level is SanctionLevel.BERAT  # original untouched
    assert new.version != book.version and new.data_version == book.data_version
    (applied,) = new.overrides
    assert applied.previous == "berat"
    assert (applied.override.by, applied.override.at, applied.override.reason) == (
        "admin.bkn", WHEN, "BKN clarified the level"
    )
    assert new.ids == book.ids


def test_overrides_accumulate_and_apply_in_order(book):
    first = book.with_overrides(ov("skb2022.disiplin.9", "sanction.level", "berat"))
    second = first.with_overrides(
        [ov("skb2022.disiplin.9", "sanction.level", "sedang"), ov("skb2022.etik.1", "title.en", "Putting up props")]
    )
    assert second["skb2022.disiplin.9"].sanction.level is SanctionLevel.SEDANG
    assert second["skb2022.etik.1"].title.en == "Putting up props"
    assert [a.previous for a in second.overrides] == ["sedang", "berat", book["skb2022.etik.1"].title.en]
    assert second.content_hash == book.with_overrides(ov("skb2022.etik.1", "title.en", "Putting up props")).content_hash


def test_family_override_moves_the_rule_between_families(book):
    new = book.with_overrides(ov("skb2022.disiplin.3", "family", "party"))
    assert new["skb2022.disiplin.3"] in new.by_family(Family.PARTY)
    assert new["skb2022.disiplin.3"] not in new.by_family(Family.CANDIDACY)


def test_list_item_and_whole_list_overrides(book):
    new = book.with_overrides(
        [
            ov("pp94.5n.4", "examples.forbidden.0", "Memakai mobil dinas untuk konvoi kampanye."),
            ov("pp94.5n.4", "keywords", ["mobil dinas", "plat merah"]),
        ]
    )
    assert new["pp94.5n.4"].examples.forbidden[0].text == "Memakai mobil dinas untuk konvoi kampanye."
    assert new["pp94.5n.4"].keywords == ("mobil dinas", "plat merah")


@pytest.mark.parametrize(
    ("rule_id", "field", "value", "message"),
    [
        ("skb2022.disiplin.1", "sanction.colour", "red", "does not exist"),
        ("skb2022.disiplin.1", "sanctions.level", "sedang", "does not exist"),
        ("skb2022.disiplin.1", "sanction.prison_months.max", 3, "does not exist"),  # not a criminal rule
        ("skb2022.disiplin.1", "disputed.field", "family", "is empty on this rule"),
        ("skb2022.disiplin.1", "examples.forbidden.9", "x", "no item 9"),
        ("skb2022.disiplin.1", "sanction.level.id", "x", "single value"),
        ("skb2022.disiplin.1", "id", "skb2022.disiplin.99", "stable"),
        ("skb2022.disiplin.99", "family", "party", "unknown rule id"),
    ],
)
def test_bad_paths_are_rejected(book, rule_id, field, value, message):
    with pytest.raises(OverrideError) as info:
        book.with_overrides(ov(rule_id, field, value))
    assert message in str(info.value)
    assert info.value.field in (field, "rule_id")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sanction.level", "pidana", "does not fit kind"),
        ("sanction.level", "very bad", "invalid value"),
        ("family", "medsos", "invalid value"),
        ("subjects", ["pns", "camat"], "invalid value"),
        ("subjects", [], "at least 1"),
        ("title.id", "", "non-empty string"),
        ("examples.allowed", ["satu", "dua"], "at least 3"),
        ("related", ["skb2022.disiplin.1"], "itself"),
    ],
)
def test_bad_values_are_rejected(book, field, value, message):
    with pytest.raises(OverrideError) as info:
        book.with_overrides(ov("skb2022.disiplin.1", field, value))
    assert message in str(info.value)
    assert isinstance(info.value, RulebookError)


def test_disputed_level_outside_the_alternatives_is_explained(book):
    with pytest.raises(OverrideError) as info:
        book.with_overrides(ov("skb2022.disiplin.8", "sanction.level", "ringan"))
    assert "not among the alternatives" in str(info.value)


def test_a_bad_override_in_a_batch_applies_none(book):
    with pytest.raises(OverrideError):
        book.with_overrides([ov("skb2022.etik.1", "title.en", "Changed"), ov("skb2022.etik.2", "family", "x")])
    assert book["skb2022.etik.1"].title.en != "Changed"


def test_override_needs_who_and_why(book):
    with pytest.raises(OverrideError) as info:
        book.with_overrides(ov("skb2022.etik.1", "title.en", "x", by=" "))
    assert info.value.field == "by"
    with pytest.raises(OverrideError) as info:
        book.with_overrides(ov("skb2022.etik.1", "title.en", "x", reason=""))
    assert info.value.field == "reason"
