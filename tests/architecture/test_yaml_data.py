"""The packaged YAML reads the same through netra.yaml_data (libyaml's C parser when present) as through PyYAML's
pure-Python SafeLoader, file by file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from netra import yaml_data

PACKAGED = sorted((Path(yaml_data.__file__).parent).rglob("*.yaml"))


def test_the_c_parser_is_used_when_pyyaml_has_it():
    assert yaml_data.SafeLoader is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert issubclass(yaml_data.SafeLoader, yaml.constructor.SafeConstructor)


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: str(p.relative_to(Path(yaml_data.__file__).parent)))
def test_every_packaged_file_reads_the_same_with_both_parsers(path):
    text = path.read_text(encoding="utf-8")
    assert yaml_data.safe_load(text) == yaml.safe_load(text)
