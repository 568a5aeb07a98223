"""T1 (text copied from another report) in a collection workbook: every sheet of the workbook has
the workbook as its source, and T1 took "the same source" for "the same report", so a district's
collection never warned of a unit copying another's 总体情况 that `xxgk check` of the documents
warns of. The same report is the same file AND sheet; the other report is named by its document."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import assert_clean, xxgk  # noqa: E402

FAIL = Path(__file__).resolve().parents[1] / "fixtures" / "T1" / "fail"   # 2022 copies 2021's 一 and 五


def _t1(path: Path) -> list[str]:
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    assert run.code in (0, 1), run.text[-2000:]
    return sorted(f["message"] for f in json.loads(run.out)["findings"] if f["rule"] == "T1")


def test_copied_sections_are_found_in_the_collection_as_in_the_documents(tmp_path):
    documents = _t1(FAIL)
    assert len(documents) == 2
    assert xxgk("import", FAIL, "-o", tmp_path / "c.xlsx").code == 0
    collection = _t1(tmp_path / "c.xlsx")
    assert len(collection) == 2, collection
    for message in collection:
        assert "与本单位 2021 年报告相同（2021.txt（汇总工作簿 c.xlsx））" in message
        assert message.startswith("2022.txt 第")
