from hypothesis import given
from hypothesis import strategies as st

from netra.intake.identifiers import clean, nik_problem, nip_problem


def test_plausible_nip_with_spaces_passes():
    assert nip_problem("19800101 200501 1 001") is None
    assert clean("19800101.200501.1.001") == "198001012005011001"


def test_nip_faults_are_named():
    assert "18 angka" in nip_problem("12345")
    assert "tanggal lahir" in nip_problem("198013012005011001")
    assert "pengangkatan" in nip_problem("198001012005131001")
    assert "jenis kelamin" in nip_problem("198001012005013001")
    assert "pengangkatan" in nip_problem("199001011985011001")  # appointed before turning 15


def test_nik_accepts_women_day_offset():
    assert nik_problem("3320014508900001") is None  # 45 = 5th, woman
    assert "tanggal lahir" in nik_problem("3320017508900001")
    assert "16 angka" in nik_problem("33200145")


@given(st.text(max_size=40))
def test_checks_never_crash(value):
    for check in (nip_problem, nik_problem):
        result = check(value)
        assert result is None or isinstance(result, str)
