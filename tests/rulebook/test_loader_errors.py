"""A malformed rulebook fails loudly, naming file, line and field, and yields nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netra.rulebook import DATA_DIR, RulebookError, load_rulebook


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` (which must exist) and return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _fails(directory: Path) -> RulebookError:
    result = None
    with pytest.raises(RulebookError) as info:
        result = load_rulebook(directory)
    assert result is None  # nothing half-loaded is handed back
    return info.value


def test_the_copy_loads(data):
    assert len(load_rulebook(data)) == len(load_rulebook())


def test_missing_field(data):
    path = data / "skb2022_ethics.yaml"
    text = path.read_text(encoding="utf-8")
    rule_start = text[: text.index("  - id: skb2022.etik.3")].count("\n") + 1
    # remove only etik.3's period line
    head, tail = text.split("  - id: skb2022.etik.3", 1)
    tail = tail.replace("    period: before_candidates_set\n", "", 1)
    path.write_text(head + "  - id: skb2022.etik.3" + tail, encoding="utf-8")
    err = _fails(data)
    assert err.file == str(path) and err.line == rule_start
    assert err.field.endswith("period")
    assert "skb2022_ethics.yaml" in str(err) and f"line {rule_start}" in str(err) and "period" in str(err)
    assert "missing required field" in str(err) and "skb2022.etik.3" in str(err)


def test_wrong_family(data):
    path = data / "pp94_2021.yaml"
    line = _edit(path, "    family: state_resources", "    family: fasilitas_negara")
    err = _fails(data)
    assert (err.file, err.line) == (str(path), line)
    assert err.field.endswith("family")
    assert "fasilitas_negara" in str(err) and "state_resources" in str(err)  # lists the allowed values
    assert f"line {line}" in str(err)


def test_bad_yaml_syntax(data):
    path = data / "skb2022_discipline.yaml"
    line = _edit(path, "    period: after_candidates_set\n", "    period: [after_candidates_set\n")
    err = _fails(data)
    assert err.file == str(path)
    assert err.line is not None and line <= err.line <= line + 2
    assert err.field  # the nearest key, so the administrator knows where to look
    assert "invalid YAML" in str(err) and "skb2022_discipline.yaml" in str(err)


def test_duplicate_rule_id_across_files(data):
    path = data / "statutes.yaml"
    line = _edit(path, "  - id: uu7_2017.494", "  - id: skb2022.etik.1")
    # the id now lacks the file's instrument prefix: that is caught first, at the same line
    err = _fails(data)
    assert (err.file, err.line, err.field.endswith("id")) == (str(path), line, True)


def test_duplicate_rule_id_within_a_file(data):
    path = data / "pp94_2021.yaml"
    line = _edit(path, "  - id: pp94.5n.2", "  - id: pp94.5n.1")
    err = _fails(data)
    assert (err.file, err.line) == (str(path), line)
    assert err.field.endswith(".id")
    assert "duplicate rule id 'pp94.5n.1'" in str(err) and "first defined in" in str(err)


def test_duplicate_key_is_not_silently_overwritten(data):
    path = data / "pp94_2021.yaml"
    line = _edit(path, "    period: campaign\n", "    period: campaign\n    period: any_time\n")
    err = _fails(data)
    assert (err.file, err.line, err.field) == (str(path), line + 1, "period")
    assert "duplicate key" in str(err)


def test_misspelt_optional_field_is_rejected(data):
    path = data / "skb2022_discipline.yaml"
    line = _edit(path, "    disputed:\n", "    disputd:\n")
    err = _fails(data)
    assert (err.file, err.line) == (str(path), line)
    assert err.field.endswith("disputd") and "unknown field" in str(err)


def test_sanction_level_must_fit_kind(data):
    path = data / "skb2022_ethics.yaml"
    line = _edit(path, "  level: moral_terbuka_atau_tertutup", "  level: berat")
    err = _fails(data)
    assert (err.file, err.line) == (str(path), line)
    assert err.field.endswith("sanction.level")


def test_too_few_examples_for_a_decree_rule(data):
    path = data / "skb2022_ethics.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: skb2022.etik.6")
    block = text[start:]
    cut = block.replace(
        "        - 'Mengikuti jalan sehat yang digelar tim bakal calon sambil memakai kaos bergambar bakal calon.'\n", "", 1
    )
    assert cut != block
    path.write_text(text[:start] + cut, encoding="utf-8")
    err = _fails(data)
    assert err.file == str(path) and err.line is not None
    assert err.field.endswith("examples.forbidden") and "at least 3" in str(err)


def test_disputed_value_must_be_an_alternative(data):
    path = data / "skb2022_discipline.yaml"
    line = _edit(path, "        - value: berat\n", "        - value: ringan\n")  # rule 8 keeps berat
    err = _fails(data)
    assert err.file == str(path) and err.line is not None and err.line < line
    assert err.field.endswith("disputed.field")


def test_unknown_related_reference(data):
    path = data / "pp94_2021.yaml"
    _edit(path, "related: [skb2022.disiplin.4]", "related: [skb2022.disiplin.99]")
    err = _fails(data)
    assert err.file == str(path) and err.line is not None
    assert "related" in err.field and "skb2022.disiplin.99" in str(err)


def test_missing_family_in_families_file(data):
    path = data / "families.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: party")
    end = text.index("  - id: candidacy")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    err = _fails(data)
    assert err.file == str(path) and err.line is not None and "party" in str(err)


def test_unlisted_yaml_file_is_an_error(data):
    (data / "extra_rules.yaml").write_text("rules: []\n", encoding="utf-8")
    err = _fails(data)
    assert "extra_rules.yaml" in str(err) and err.field == "files"


def test_unquoted_version_is_rejected(data):
    path = data / "rulebook.yaml"
    line = _edit(path, 'version: "2024.4"', "version: 2024.4")
    err = _fails(data)
    assert (err.file, err.line, err.field) == (str(path), line, "version")


def test_an_error_in_the_last_file_still_returns_nothing(data):
    # all-or-nothing: the first five files are fine, the last one is broken
    _edit(data / "election_offences.yaml", "    period: any_time", "    period: kapan_saja")
    _fails(data)
    # and the packaged rulebook is unaffected
    assert len(load_rulebook()) == 61
