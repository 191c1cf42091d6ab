"""`netra screen INPUT --out OUT`: bad lines reported with line numbers, good lines still screened, exit codes."""

from __future__ import annotations

import codecs
import json

import pytest

GOOD = [
    {"id": "g1", "text": "Sbg guru PNS, coblos no 2 ✌️", "region": "33.20", "created_at": "2024-11-01"},
    {"id": "g2", "text": "Ayo ke TPS tanggal 27 November, jangan golput!", "author": {"is_asn": True}},
    {"id": "g3", "text": "Yukkk menangkan Pak Budi 🔥", "author": {"is_asn": True, "role": "Guru PPPK"}},
]


def _jsonl(records) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_good_file_exit_0_results_in_input_order(run_cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl(GOOD))
    out = tmp_path / "out.jsonl"
    res = run_cli("screen", str(src), "--out", str(out))
    assert res.exit_code == 0, res.output
    rows = _read(out)
    assert [r["id"] for r in rows] == ["g1", "g2", "g3"]
    assert [r["violation"] for r in rows] == [True, False, True]
    assert set(rows[0]) == {"id", "violation", "score", "family", "rules", "evidence", "actor", "candidate",
                            "stage", "stance", "reason"}
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()
    # `screen run` is the same command
    res = run_cli("screen", "run", str(src), "--out", str(tmp_path / "out2.jsonl"))
    assert res.exit_code == 0 and (tmp_path / "out2.jsonl").read_text() == out.read_text()


def test_bad_lines_are_reported_and_the_rest_screened(run_cli, tmp_path):
    lines = [
        _jsonl([GOOD[0]]),                                  # 1 good
        b"this is not json\n",                              # 2 malformed
        _jsonl([{"id": "g1", "text": "again"}]),            # 3 duplicate id
        _jsonl([{"text": "no id here"}]),                   # 4 missing id
        _jsonl([{"id": "n-text"}]),                         # 5 missing text
        b"\n",                                              # 6 blank: skipped, not an error
        '{"id": "latin", "text": "caf\xe9 pilih 02"}\n'.encode("latin-1"),  # 7 wrong encoding
        _jsonl([{"id": "src", "text": "x", "source": "tweet"}]),            # 8 bad source
        _jsonl([{"id": "date", "text": "x", "created_at": "kemarin"}]),     # 9 bad date
        b"[1, 2, 3]\n",                                     # 10 not an object
        _jsonl([GOOD[1]]),                                  # 11 good
        _jsonl([{"id": 7, "text": "numeric id"}]),          # 12 id not a string
        b'{"id": "sur", "text": "lone \\ud800 escape"}\n',  # 13 not Unicode text
        b'{"id": "\\udc80x", "text": "ok"}\n',               # 14 id not Unicode text
        b'{"id": "pair", "text": "emoji \\ud83d\\ude00 ok, coblos no 2"}\n',  # 15 good: a valid pair
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines))
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    res = run_cli("screen", str(src), "--out", str(out), "--errors", str(errors))
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert [r["id"] for r in _read(out)] == ["g1", "g2", "pair"]
    errs = _read(errors)
    assert [e["line"] for e in errs] == [2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14]
    by_line = {e["line"]: e for e in errs}
    assert "malformed JSON" in by_line[2]["error"]
    assert by_line[3]["id"] == "g1" and "duplicate id" in by_line[3]["error"] and "line 1" in by_line[3]["error"]
    assert by_line[4]["error"] == "missing id"
    assert by_line[5] == {"line": 5, "id": "n-text", "error": "missing text"}
    assert "UTF-8" in by_line[7]["error"]
    assert "source" in by_line[8]["error"] and "created_at" in by_line[9]["error"]
    assert "JSON object" in by_line[10]["error"]
    assert "id must be a string" in by_line[12]["error"]
    assert "not valid Unicode" in by_line[13]["error"] and "not valid Unicode" in by_line[14]["error"]
    # every bad line is also on stderr, with its line number
    for e in errs:
        assert f"line {e['line']}" in res.output


def test_errors_file_defaults_next_to_the_output(run_cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl(GOOD) + b"{oops\n")
    out = tmp_path / "out.jsonl"
    res = run_cli("screen", str(src), "--out", str(out))
    assert res.exit_code == 1
    errs = _read(tmp_path / "out.jsonl.errors.jsonl")
    assert errs[0]["line"] == 4


def test_empty_file_is_an_error(run_cli, tmp_path):
    for content in (b"", b"\n\n  \n"):
        src = tmp_path / "empty.jsonl"
        src.write_bytes(content)
        out = tmp_path / "out.jsonl"
        res = run_cli("screen", str(src), "--out", str(out), "--errors", str(tmp_path / "e.jsonl"))
        assert res.exit_code == 1
        assert out.read_text() == ""
        assert "empty" in _read(tmp_path / "e.jsonl")[0]["error"]


def test_missing_input_is_one_sentence_not_a_traceback(run_cli, tmp_path):
    res = run_cli("screen", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl"))
    assert res.exit_code == 1 and "input not found" in res.output and "Traceback" not in res.output


def test_utf8_bom_and_utf16_files_are_read(run_cli, tmp_path):
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in GOOD) + "\n"
    for name, data in (("bom.jsonl", codecs.BOM_UTF8 + body.encode("utf-8")),
                       ("u16.jsonl", body.encode("utf-16"))):
        src = tmp_path / name
        src.write_bytes(data)
        out = tmp_path / (name + ".out")
        res = run_cli("screen", str(src), "--out", str(out))
        assert res.exit_code == 0, res.output
        assert [r["id"] for r in _read(out)] == ["g1", "g2", "g3"]


CSV = (
    "id,text,source,author.is_asn,author.role,created_at,region\n"
    'c1,"Sbg guru PNS, coblos no 2 ✌️",post,,,2024-11-01,33.20\n'
    'c2,"Baris dengan\nganti baris di dalam teks, ayo ke TPS",post,true,Lurah,,\n'
    "c3,Yukkk menangkan Pak Budi 🔥,post,true,Guru PPPK,,\n"
    ",tanpa id,post,,,,\n"
    'c4,"terlalu","banyak","kolom",,,,,,\n'
    "c5,Pilih 02 ya ✌️,post,false,Pedagang,,\n"
)


def test_csv_with_the_same_columns(run_cli, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(CSV, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "e.jsonl"
    res = run_cli("screen", str(src), "--out", str(out), "--errors", str(errors))
    assert res.exit_code == 1
    rows = _read(out)
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c5"]
    assert [r["violation"] for r in rows] == [True, False, True, False]
    assert rows[1]["actor"]["text"] == "Lurah"
    assert rows[3]["actor"]["basis"] == "author.is_asn" and rows[3]["score"] == 0.0
    errs = _read(errors)
    # physical lines: the header is line 1 and record c2 spans lines 3-4
    assert [(e["line"], e["error"]) for e in errs][0] == (6, "missing id")
    assert errs[1]["line"] == 7 and "fields" in errs[1]["error"]


def test_csv_author_as_a_json_cell(run_cli, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text,author\nj1,"Ayo coblos no 2 ✌️","{""is_asn"": true, ""role"": ""Camat""}"\n',
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run_cli("screen", str(src), "--out", str(out)).exit_code == 0
    assert _read(out)[0]["actor"]["text"] == "Camat" and _read(out)[0]["violation"] is True


def test_csv_without_id_and_text_columns(run_cli, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    res = run_cli("screen", str(src), "--out", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "e.jsonl"))
    assert res.exit_code == 1 and "id and text" in res.output


def test_parquet_input(run_cli, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": ["p1", "p2", None], "text": [GOOD[0]["text"], GOOD[1]["text"], "x"],
                      "author_is_asn": [None, True, None]})
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    out = tmp_path / "out.jsonl"
    res = run_cli("screen", str(src), "--out", str(out), "--errors", str(tmp_path / "e.jsonl"))
    assert res.exit_code == 1
    assert [r["id"] for r in _read(out)] == ["p1", "p2"]
    assert _read(tmp_path / "e.jsonl") == [{"line": 3, "id": None, "error": "missing id"}]


def test_streaming_keeps_memory_flat(tmp_path):
    """Batches are written as they are screened: the output grows while the input is still being read."""
    from netra.screening.runner import read_batches

    src = tmp_path / "big.jsonl"
    src.write_bytes(_jsonl({"id": f"i{k}", "text": "coblos no 2"} for k in range(5000)))
    sizes = [len(b) for b in read_batches(src, batch_lines=1000)]
    assert sizes == [1000] * 5


def test_a_screener_bug_is_reported_on_its_own_line_and_the_batch_screened(tmp_path):
    """The valid items of a batch are screened together; when that raises, each is screened alone, so the error
    lands on the line that caused it and the other lines keep their results (the same as screening one by one)."""
    from netra.screening.engine import default_screener
    from netra.screening.runner import run

    real = default_screener()

    class Flaky:
        def screen_batch(self, items):
            if any("boom" in item.text for item in items):
                raise RuntimeError("batch failed")
            return real.screen_batch(items)

        def screen(self, item):
            if "boom" in item.text:
                raise RuntimeError("boom in the screener")
            return real.screen(item)

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Sebagai PNS saya ajak coblos nomor 2!", "author": {"is_asn": True}},
        {"id": "b", "text": "boom"}, {"id": "c"}, {"id": "d", "text": "hujan deras sore ini"}]) + "\n")
    summary = run(src, tmp_path / "out.jsonl", errors_path=tmp_path / "err.jsonl", screener=Flaky())
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    errors = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["a", "d"] and out[0]["violation"] is True and out[1]["violation"] is False
    assert [(e["line"], e.get("id")) for e in errors] == [(2, "b"), (3, "c")]
    assert "boom in the screener" in errors[0]["error"] and "missing text" in errors[1]["error"]
    assert (summary.screened, summary.errors, summary.violations) == (2, 2, 1)
