"""The dask engine gives exactly the single-process results (two worker processes, one thread each)."""

from __future__ import annotations

import json

import pytest

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        yield c


def _input(tmp_path):
    from lab.screening.corpus import load_dev_corpus

    lines = []
    for k, rec in enumerate(load_dev_corpus()):
        item = {key: rec[key] for key in ("id", "text", "source", "author", "created_at", "region")}
        lines.append(json.dumps(item, ensure_ascii=False))
        if k % 250 == 7:
            lines.append("{broken")  # bad lines spread over several batches
        if k % 400 == 3:
            lines.append(json.dumps({"id": rec["id"], "text": "duplicate"}))
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def test_dask_equals_local(cluster, tmp_path):
    from distributed import Client

    from netra.screening.runner import run

    src = _input(tmp_path)
    local = run(src, tmp_path / "local.jsonl", errors_path=tmp_path / "local.err", batch_lines=200)
    with Client(cluster) as client:
        remote = run(src, tmp_path / "dask.jsonl", errors_path=tmp_path / "dask.err", engine="dask",
                     scheduler=client, batch_lines=200)
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    assert (tmp_path / "local.err").read_bytes() == (tmp_path / "dask.err").read_bytes()
    assert local == remote
    assert local.screened > 1000 and local.errors >= 5


def test_cli_dask_engine_with_a_scheduler_address(cluster, run_cli, tmp_path):
    src = _input(tmp_path)
    a = run_cli("screen", str(src), "--out", str(tmp_path / "a.jsonl"), "--errors", str(tmp_path / "a.err"))
    b = run_cli("screen", str(src), "--out", str(tmp_path / "b.jsonl"), "--errors", str(tmp_path / "b.err"),
                "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert a.exit_code == b.exit_code == 1  # the broken lines
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.err").read_bytes() == (tmp_path / "b.err").read_bytes()


def test_parquet_partitions_on_dask(cluster, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from distributed import Client

    from lab.screening.corpus import load_dev_corpus
    from netra.screening.runner import run

    recs = list(load_dev_corpus())[:600]
    folder = tmp_path / "parts"
    folder.mkdir()
    for part in range(3):
        chunk = recs[part * 200:(part + 1) * 200]
        pq.write_table(pa.table({"id": [r["id"] for r in chunk], "text": [r["text"] for r in chunk],
                                 "author": [json.dumps(r["author"]) for r in chunk]}),
                       folder / f"part-{part}.parquet", row_group_size=64)
    run(folder, tmp_path / "local.jsonl", batch_lines=64)
    with Client(cluster) as client:
        run(folder, tmp_path / "dask.jsonl", engine="dask", scheduler=client, batch_lines=64)
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    assert len((tmp_path / "local.jsonl").read_text().splitlines()) == 600


def test_unreachable_scheduler_is_one_sentence(run_cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "text": "x"}\n', encoding="utf-8")
    res = run_cli("screen", str(src), "--out", str(tmp_path / "o.jsonl"), "--engine", "dask",
                  "--scheduler", "tcp://127.0.0.1:9")
    assert res.exit_code == 1 and "dask scheduler" in res.output and "Traceback" not in res.output
