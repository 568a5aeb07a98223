"""Failures found by the mutation fuzzer (bench/fuzz.py, bench/fuzz_excel.py) run against the
installed wheel, each as its minimal reproducer through the real CLI."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hostile import assert_clean, digest, xxgk

TRANSITIONAL = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word(path: Path) -> Path:
    from bench import renditions
    return renditions.word(renditions.reports(1, 3)[0], path)


def _rewrite(src: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info)
            w.writestr(info, change(info.filename, data) if info.filename.endswith((".xml", ".rels")) else data)
    return out


def _extract(*paths) -> dict:
    run = xxgk("extract", *paths)
    assert_clean(run)
    return json.loads(run.out)


def test_a_word_file_saved_as_strict_open_xml_reads_as_the_usual_one(tmp_path):
    """Word's 另存为 offers "Strict Open XML 文档 (*.docx)": the same parts under other namespace
    names. Before: '文件已损坏……（技术信息：KeyError）', not one value."""
    plain = _word(tmp_path / "plain.docx")
    strict_ns = {TRANSITIONAL: b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                 b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
                     b"http://purl.oclc.org/ooxml/officeDocument/relationships"}

    def strict(name, data):
        for old, new in strict_ns.items():
            data = data.replace(old, new)
        return data
    _rewrite(plain, tmp_path / "strict.docx", strict)
    before = digest([tmp_path / "strict.docx"])
    doc = _extract(tmp_path / "plain.docx", tmp_path / "strict.docx")
    assert doc["errors"] == []
    a, b = doc["reports"]
    assert len(a["cells"]) > 100 and a["cells"] == b["cells"] and a["unit"] == b["unit"]
    assert digest([tmp_path / "strict.docx"]) == before


def test_a_word_body_in_an_unknown_namespace_is_named_not_a_reader_bug(tmp_path):
    """The main part parses but is no w:document (the fuzzer's damaged namespace): before, the
    reader failed with "读取时出现意外错误（AttributeError …）, 请把该文件反馈给开发者"."""
    plain = _word(tmp_path / "plain.docx")
    _rewrite(plain, tmp_path / "odd.docx",
             lambda name, data: data.replace(TRANSITIONAL, b"http://example.com/other")
             if name == "word/document.xml" else data)
    doc = _extract(tmp_path / "odd.docx")
    [err] = doc["errors"]
    assert "意外错误" not in err["message"]
    assert "odd.docx" in err["message"] and "不是 .docx 文档" in err["message"]


def _lite_payload(payload: dict, tmp: Path):
    """xlwings Lite's call (test_lite.LITE_CALL) on a payload; the finished process."""
    import os
    import subprocess
    import sys

    from test_lite import LITE_CALL, LITE_MAIN
    (tmp / "_multiprocessing.py").write_text('raise ImportError("no processes here (Pyodide)")')
    (tmp / "payload.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(tmp), "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial"}
    return subprocess.run([sys.executable, "-c", LITE_CALL, str(LITE_MAIN), str(tmp / "payload.json"), ""],
                          env=env, capture_output=True, text=True, encoding="utf-8")


def test_lite_and_the_remote_engine_take_a_date_shaped_text_cell_as_text(tmp_path):
    """A cell holding the text '2021-01-01T00:00:00' (a date pasted as text, no 'Z'): xlwings'
    remote engine takes it for one of its ISO dates, cuts the last character and fails
    (ValueError: Invalid isoformat string), so the Lite script and xlwings Server ended in a
    traceback for the whole workbook. Now the sheet is read and checked as the file is."""
    from checker.annotate.remote import workbook_json
    src = tmp_path / "in"
    src.mkdir()
    from hostile import SEEDS
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (src / seed.name).write_bytes(seed.read_bytes())
    assert xxgk("import", src, "-o", tmp_path / "c.xlsx").code == 0
    payload = workbook_json(tmp_path / "c.xlsx")
    sheet = next(s for s in payload["sheets"] if s["name"] != "单位清单" and not s["name"].startswith("_"))
    sheet["values"][0][-1] = "2021-01-01T00:00:00"
    sheet["values"][1][-1] = "2021-01-27T08:00:00+08:00"
    done = _lite_payload(payload, tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    plain = _lite_payload(workbook_json(tmp_path / "c.xlsx"), tmp_path)
    table = [a["values"] for a in answer["actions"] if a["func"] == "setValues" and a["values"][0][0] == "序号"]
    plain_table = [a["values"] for a in json.loads(plain.stdout.strip().splitlines()[-1])["actions"]
                   if a["func"] == "setValues" and a["values"][0][0] == "序号"]
    assert table == plain_table and len(table[0]) > 1       # the same findings as without those texts


def test_extract_over_many_files_says_each_step_on_stderr_and_keeps_stdout_json(tmp_path):
    """`xxgk extract` over 10,000 reports read in 50 s and then was silent for over a minute while
    it validated and wrote 230 MB of JSON: each step is now said on stderr (the JSON unchanged)."""
    import os

    from hostile import SEEDS
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(24):
        (tmp_path / f"r{i:02d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes())
    os.environ["XXGK_NOTICE_AFTER"] = "0.05"
    try:
        run = xxgk("extract", tmp_path)
    finally:
        del os.environ["XXGK_NOTICE_AFTER"]
    assert run.code == 0, run.text[-2000:]
    assert len(json.loads(run.out)["reports"]) == 24
    lines = run.err.splitlines()
    assert "读取报告：24/24，正在校验数值…" in lines
    assert any(line.startswith("正在校验数值：完成（") for line in lines), run.err
    assert "正在输出 24 份报告…" in lines
    assert any(line.startswith("正在输出 24 份报告：完成（") for line in lines), run.err


def test_an_archive_in_a_folder_is_named_not_silently_skipped(tmp_path):
    """Offices send their reports zipped: a .zip/.rar/.7z among the reports was skipped without a
    word (its reports never checked, exit 0). Now it is named and the run says some input was unread."""
    from hostile import seed_copies
    seed_copies(tmp_path / "in", 1)
    with zipfile.ZipFile(tmp_path / "in" / "各单位年报.zip", "w") as z:
        z.writestr("a.txt", "x")
    (tmp_path / "in" / "b.rar").write_bytes(b"Rar!\x1a\x07\x00")
    run = xxgk("extract", tmp_path / "in")
    assert_clean(run)
    doc = json.loads(run.out)
    assert len(doc["reports"]) == 1 and run.code == 2
    said = {Path(e["source"]).name: e["message"] for e in doc["errors"]}
    assert set(said) == {"各单位年报.zip", "b.rar"}
    assert all("压缩包" in m and "解压" in m for m in said.values())


def test_lite_on_a_workbook_whose_only_sheet_is_an_earlier_results_sheet(tmp_path):
    """A workbook left with just an earlier run's 校验结果 (the reports deleted or moved): replacing
    the only sheet failed in Lite and xlwings Server (IndexError: Index 0 out of range), since a
    workbook keeps at least one sheet. Now the new sheet is added first, then the old one goes."""
    import openpyxl

    from checker.annotate.remote import workbook_json
    from checker.annotate.plan import RESULT_HEADER
    wb = openpyxl.Workbook()
    wb.active.title = "校验结果"
    wb.active.append(RESULT_HEADER)     # an earlier run's: its header (a sheet of the office's own is kept)
    wb.save(tmp_path / "only.xlsx")
    done = _lite_payload(workbook_json(tmp_path / "only.xlsx"), tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    actions = json.loads(done.stdout.strip().splitlines()[-1])["actions"]
    assert ("setSheetName", ["校验结果"]) in [(a["func"], a.get("args")) for a in actions]


def test_a_web_page_whose_spans_cover_millions_of_cells_is_named_within_memory(tmp_path):
    """50 rows of `<td colspan=99999 rowspan=65534>` (clamped to 1000 each) were expanded into tens of
    millions of grid positions: 8 GB and no end. Now a rowspan ends at the last row (as browsers end
    it) and a table beyond a sheet's 2,000,000 cells is an F5 naming the file and the table; the
    report next to it is read."""
    from hostile import report_text
    rows = '<tr><td colspan="99999" rowspan="65534">1</td></tr>' * 50
    (tmp_path / "bomb.html").write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text(report_text("甲单位"), encoding="utf-8")
    run = xxgk("extract", tmp_path, timeout=120)
    assert_clean(run)
    doc = json.loads(run.out)
    assert [Path(r["source"]).name for r in doc["reports"]] == ["good.txt"] and run.code == 2
    [err] = doc["errors"]
    assert "bomb.html" in err["message"] and "第 1 个表格" in err["message"] and "2,000,000" in err["message"]
