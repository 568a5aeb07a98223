"""`xxgk extract` end to end through the CLI: the seeds, a folder, mixed good and bad inputs."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()


def _json(result) -> dict:
    return json.loads(result.stdout)


def test_extract_seeds_folder_json(seeds):
    res = runner.invoke(app, ["extract", str(next(iter(seeds.values())).parent), "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = _json(res)
    assert doc["errors"] == []
    by_name = {r["source"].rsplit("/", 1)[-1][:3]: r for r in doc["reports"]}
    assert set(by_name) == {"000", "001", "002", "003", "004"}
    r3 = by_name["003"]
    assert r3["format"] == "2021"
    assert r3["cells"]["requests.received.natural_person"] == 3
    assert r3["cells"]["active.fees.amount_wan"] == 1944.0495
    assert r3["cells"]["requests.not_processed.publication.total"] is None      # null, not 0
    assert r3["locations"]["requests.received.natural_person"] == "第49行"
    f1 = [f for f in r3["findings"] if f["rule"] == "F1"]
    assert len(f1) == 3 and all(f["severity"] == "error" and f["cells"] for f in f1)
    assert all(set(c) == {"unit", "year", "cell"} for f in f1 for c in f["cells"])
    r1 = by_name["001"]
    assert r1["cells"]["appeals.count.review.upheld"] is None
    assert r1["cells"]["active.procurement.amount"] == 0
    assert len(by_name["000"]["cells"]) == 198 and len(r3["cells"]) == 200


def test_extract_table_format(seeds):
    res = runner.invoke(app, ["extract", str(seeds["003"]), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "requests.received.natural" in res.stdout and "1944.0495" in res.stdout and "F1" in res.stdout


def test_mixed_good_and_bad_inputs_exit_2_and_keep_the_good(tmp_path, seeds):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 half a zip")
    res = runner.invoke(app, ["extract", str(seeds["001"]), str(tmp_path), str(tmp_path / "missing.txt"),
                              "--format", "json"])
    assert res.exit_code == 2
    doc = _json(res)
    assert [r["source"].rsplit("/", 1)[-1] for r in doc["reports"]] == [seeds["001"].name]
    messages = [e["message"] for e in doc["errors"]]
    assert len(messages) == 3 and all(e["rule"] == "F5" for e in doc["errors"])
    assert any("empty.txt" in m and "空文件" in m for m in messages)
    assert any("broken.xlsx" in m and "无法打开" in m for m in messages)
    assert any("missing.txt" in m and "不存在" in m for m in messages)
