"""Nothing lost, round 11: what an office's workbook holds of its own survives the annotated copy
and the live workbook; each case through the real CLI (or xlwings' remote engine, as Lite and
xlwings Server run it)."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, extracted, make_collection, with_own_sheets, xxgk
from hostile import sheet_values as _values

THEIRS = {"校验结果": [["我们自己的校验记录", None], ["第 1 轮", 42], ["第 2 轮", "=SUM(B2:B2)"]],
          "概览": [["本单位概览", "2023"], [None, "手工填写"]]}


def _with_own_sheets(collection: Path, out: Path) -> Path:
    """The collection workbook plus an office's own sheets named 校验结果 and 概览 (their names are
    the plainest Chinese for a reviewer's notes and a summary)."""
    return with_own_sheets(collection, out, THEIRS)


def _findings(path: Path) -> list:
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    return sorted((f["rule"], f["unit"], f["year"], f["message"].replace(path.name, "…"))
                  for f in json.loads(run.out)["findings"])


def test_an_offices_own_results_and_overview_sheets_are_kept_and_ours_named_apart(tmp_path):
    """Before: the office's own 校验结果 and 概览 sheets were replaced by ours in the annotated copy
    (their content gone, without a word). Now they are kept as they were, ours are named
    校验结果（xxgk）/概览（xxgk）, stderr and our results sheet say so, and the check is the same."""
    plain = make_collection(tmp_path / "c", 3)
    book = _with_own_sheets(plain, tmp_path / "mine.xlsx")
    before = digest([book])
    run = xxgk("check", book, "--annotate", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 1, run.text
    assert digest([book]) == before
    assert "原有的“校验结果”工作表不是 xxgk 写的" in run.err and "“校验结果（xxgk）”" in run.err
    assert "原有的“概览”工作表不是 xxgk 写的" in run.err and "“概览（xxgk）”" in run.err
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert wb.sheetnames[:2] == ["校验结果（xxgk）", "概览（xxgk）"]
    for name, rows in THEIRS.items():
        assert _values(wb[name]) == rows                 # theirs, value for value (their formula too)
    ours = wb["校验结果（xxgk）"]
    assert [c.value for c in ours[1]][:3] == ["序号", "状态", "严重程度"]
    side = [c.value for c in ours["P"] if c.value]
    assert "工作簿原有的“校验结果”工作表不是 xxgk 写的，已原样保留；xxgk 的写在“校验结果（xxgk）”" in side
    assert "各单位、各规则的问题数和图表见“概览（xxgk）”工作表" in side
    assert str(wb["概览（xxgk）"]["A1"].value).startswith("概览：3 份报告")
    # our sheets named apart are ours, not reports: the check reads the same from either workbook
    assert _findings(tmp_path / "out.xlsx") == _findings(plain) != []


def test_a_second_run_finds_our_sheet_named_apart_and_keeps_the_reviewers_verdict(tmp_path):
    """The next run on the annotated copy must take 校验结果（xxgk） as its own (replace it, read the
    复核意见 written there) and still leave the office's 校验结果 alone: no 校验结果（xxgk 2）."""
    book = _with_own_sheets(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    assert xxgk("check", book, "--annotate", tmp_path / "one.xlsx").code == 1
    wb = openpyxl.load_workbook(tmp_path / "one.xlsx")
    ws = wb["校验结果（xxgk）"]
    header = [c.value for c in ws[1]]
    review, status = header.index("复核意见") + 1, header.index("状态") + 1
    ws.cell(2, review, "已核实")
    wb.save(tmp_path / "reviewed.xlsx")
    run = xxgk("check", tmp_path / "reviewed.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    wb = openpyxl.load_workbook(tmp_path / "two.xlsx")
    assert sorted(wb.sheetnames) == sorted(openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames)
    assert wb["校验结果（xxgk）"].cell(2, status).value == "已核实"
    for name, rows in THEIRS.items():
        assert _values(wb[name]) == rows


def test_an_earlier_runs_own_sheets_are_still_replaced_in_place(tmp_path):
    """A workbook annotated by an earlier version (our 校验结果 and 概览 under their plain names) is
    annotated again as before: ours replaced, nothing named apart, nothing said."""
    plain = make_collection(tmp_path / "c", 2)
    assert xxgk("check", plain, "--annotate", tmp_path / "one.xlsx").code == 1
    run = xxgk("check", tmp_path / "one.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    assert "不是 xxgk 写的" not in run.err
    names = openpyxl.load_workbook(tmp_path / "two.xlsx").sheetnames
    assert names == openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames
    assert names[:2] == ["校验结果", "概览"] and not any("xxgk）" in n for n in names)


def test_the_live_workbook_keeps_an_offices_own_results_sheet(tmp_path):
    """The `运行校验` button / xlwings Lite / xlwings Server (the remote engine's actions): before,
    the office's 校验结果 and 概览 sheets were deleted from the open workbook. Now no sheet of
    theirs is deleted and ours are added under the names apart."""
    xw = pytest.importorskip("xlwings")
    from checker.annotate.remote import workbook_json
    from checker.excel import run_check
    book_path = _with_own_sheets(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    book = xw.Book(json=workbook_json(book_path))
    counts = run_check(book)
    assert counts["findings"] > 0
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果（xxgk）", "概览（xxgk）", "_xxgk"]
    assert not [a for a in actions if a["func"] == "sheetDelete"]

    # run again on a copy annotated so: only our sheets (named apart) and our state are replaced
    assert xxgk("check", book_path, "--annotate", tmp_path / "one.xlsx").code == 1
    payload = workbook_json(tmp_path / "one.xlsx")
    names = [s["name"] for s in payload["sheets"]]
    book = xw.Book(json=payload)
    run_check(book)
    actions = book.json()["actions"]
    deleted = [a["sheet_position"] for a in actions if a["func"] == "sheetDelete"]
    assert len(deleted) == 3 and "校验结果" in names and "概览" in names
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果（xxgk）", "概览（xxgk）", "_xxgk"]


CUTS = {  # a report's text in the encodings offices save it in, each cut by one byte (a download or
          # copy that stopped mid-character): UTF-16 has two bytes a character, so any odd cut does it
    "utf16-bom.txt": lambda t: t.encode("utf-16")[:-1],
    "utf16be-bom.txt": lambda t: b"\xfe\xff" + t.encode("utf-16-be")[:-1],
    "utf16-nobom.txt": lambda t: t.encode("utf-16-le")[:-1],
    "utf8.txt": lambda t: t.encode("utf-8")[:-1],
    "utf8-bom.txt": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")[:-1],
    "gbk.txt": lambda t: t.encode("gb18030")[:-1],
}


def test_a_text_cut_by_one_byte_inside_its_last_character_is_read_not_refused_whole(tmp_path):
    """Before: a UTF-16 report one byte short was '不是文本文件（含有二进制内容）' and a UTF-8/GBK one
    whose last character lost a byte '编码无法识别': the whole report unread for one byte. Now each is
    read up to that character (every cell as the whole file's) and a warning names file and line."""
    from hostile import SEEDS
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").rstrip()
    assert text.endswith("日")              # the signature's date: its 日 is the character cut
    (tmp_path / "whole.txt").write_text(text, encoding="utf-8")
    for name, cut in CUTS.items():
        (tmp_path / name).write_bytes(cut(text))
    before = digest([tmp_path])
    reports, errors = extracted(tmp_path)
    assert errors == {} and set(reports) == set(CUTS) | {"whole.txt"}
    whole = reports["whole.txt"]
    line = len(text.splitlines())
    for name in CUTS:
        r = reports[name]
        assert (r["unit"], r["year"], r["cells"]) == (whole["unit"], whole["year"], whole["cells"]), name
        said = {f["message"].replace("whole.txt", name) for f in whole["findings"]}
        [warn] = [f for f in r["findings"] if f["message"] not in said]
        assert warn["rule"] == "F4" and warn["severity"] == "warning"
        assert warn["message"].startswith(f"{name} 第{line}行：文件在最后一个字符的中途结束"), warn["message"]
    assert digest([tmp_path]) == before


def test_a_number_cut_in_half_is_unread_never_read_short(tmp_path):
    """The cut falls inside a table's number: UTF-16 '56' one byte short. '5' is never read for 56,
    nor the cell said to be blank (F1): it is unread, and what was read agrees with the whole file."""
    from hostile import SEEDS
    seed = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")
    assert "规范性文件\t0\t0\t0" in seed
    text = seed.replace("规范性文件\t0\t0\t0", "规范性文件\t12\t34\t56", 1)
    (tmp_path / "whole.txt").write_bytes(text.encode("utf-16"))
    six = text.index("\t56") + 2                          # the '6' of 56
    (tmp_path / "cut.txt").write_bytes(text.encode("utf-16")[:2 + 2 * six + 1])
    reports, errors = extracted(tmp_path)
    assert errors == {}
    whole, cut = reports["whole.txt"]["cells"], reports["cut.txt"]["cells"]
    assert whole["active.normative_docs.total_published"] == 56
    assert cut["active.normative_docs.made"] == 12 and cut["active.normative_docs.published"] == 34
    assert "active.normative_docs.total_published" not in cut            # unread: not 5, not blank
    assert all(whole[k] == v for k, v in cut.items())
    messages = [f["message"] for f in reports["cut.txt"]["findings"]]
    assert not any("对外公开总数量」为空" in m for m in messages), messages
    assert any("文件在最后一个字符的中途结束" in m and "其后的 1 格不在文件中" in m for m in messages), messages


def test_binary_with_an_odd_byte_is_still_not_text(tmp_path):
    """The cut is read only when all else is text: a binary file is refused as before."""
    import random
    rng = random.Random(11)
    (tmp_path / "blob.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4001)))
    (tmp_path / "zeros.txt").write_bytes(b"\xff\xfe" + bytes(rng.randrange(256) for _ in range(3001)))
    reports, errors = extracted(tmp_path)
    assert reports == {} and set(errors) == {"blob.txt", "zeros.txt"}


def test_check_writes_a_csv_file_excel_opens_as_utf8(tmp_path):
    """Excel opens a CSV by double-click in the local code page unless the file starts with a BOM:
    GBK on Chinese Windows, Mac Roman on macOS, so `--format csv > 结果.csv` showed mojibake (and on
    Windows a redirected stdout is itself in the console's code page). `-o 结果.csv` writes the file
    itself: UTF-8 with a BOM, Excel's CRLF rows, the same rows as stdout; the format follows the
    extension. stdout's CSV is unchanged (no BOM: it is for programs and pipes)."""
    from hostile import SEEDS
    out = tmp_path / "结果.csv"
    run = xxgk("check", SEEDS, "-o", out)
    assert_clean(run)
    piped = xxgk("check", SEEDS, "--format", "csv")
    assert run.code == piped.code == 1 and run.out == ""
    assert f"已写出 CSV 文件：{out}" in run.err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not piped.out.startswith("\ufeff")
    assert data[3:].decode("utf-8") == piped.out
    import csv
    import io
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["单位", "年度", "规则"] and len(rows) == 1 + 29
    assert b"\r\n" in data and data.count(b"\r\n") >= len(rows)
    json_out = tmp_path / "结果.json"
    assert xxgk("check", SEEDS, "-o", json_out).code == 1
    assert json.loads(json_out.read_bytes().decode("utf-8"))["findings"]     # JSON: never a BOM (RFC 8259)


def test_check_output_is_refused_before_reading_when_it_would_lose_or_mislead(tmp_path):
    """An existing file is kept without --force; an input is never the output; an extension that does
    not fit the format (Excel opens a file by its extension) is refused: exit 4, nothing written."""
    from hostile import seed_copies
    seeds = seed_copies(tmp_path / "in", 2)
    old = tmp_path / "old.csv"
    old.write_bytes(b"keep me")
    run = xxgk("check", tmp_path / "in", "-o", old)
    assert run.code == 4 and "已存在" in run.err and old.read_bytes() == b"keep me"
    assert xxgk("check", tmp_path / "in", "-o", old, "--force").code in (0, 1)
    assert old.read_bytes().startswith(b"\xef\xbb\xbf\xe5\x8d\x95\xe4\xbd\x8d")     # BOM, 单位
    before = digest([tmp_path / "in"])
    run = xxgk("check", tmp_path / "in", "-o", seeds[0], "--format", "table", "--force")
    assert run.code == 4 and "输入文件" in run.err
    run = xxgk("check", tmp_path / "in", "-o", tmp_path / "结果.xlsx")
    assert run.code == 4 and "扩展名应为 .txt" in run.err and "--annotate" in run.err
    run = xxgk("check", tmp_path / "in", "--format", "json", "-o", tmp_path / "结果.csv")
    assert run.code == 4 and "扩展名应为 .json" in run.err
    assert not (tmp_path / "结果.xlsx").exists() and not (tmp_path / "结果.csv").exists()
    assert digest([tmp_path / "in"]) == before


def test_annotating_a_workbook_whose_merged_ranges_overlap(tmp_path):
    """Merged ranges that overlap (Excel repairs such a file on opening; other tools write them): the
    top-left cell of one lies inside another, is no cell that can hold a note, and the openpyxl copy
    failed with exit 6 ('MergedCell' object attribute 'comment' is read-only; found by bench.fuzz's
    annotate-book). Now the flag goes to the cell the reviewer sees, and the copy is written."""
    book = make_collection(tmp_path / "c", 2)
    assert xxgk("check", book, "--annotate", tmp_path / "first.xlsx").code == 1
    first = openpyxl.load_workbook(tmp_path / "first.xlsx")
    sheet, row, col = next((ws.title, c.row, c.column) for ws in first.worksheets[2:] for line in ws.iter_rows()
                           for c in line if c.fill.fill_type == "solid" and c.comment is not None and c.row > 12
                           and c.column > 2)
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    ws.merge_cells(start_row=row - 1, start_column=col - 1, end_row=row + 1, end_column=col + 1)   # over the cell
    ws.merge_cells(start_row=row - 2, start_column=col - 2, end_row=row - 1, end_column=col - 1)   # over its corner
    wb.save(tmp_path / "overlap.xlsx")
    run = xxgk("check", tmp_path / "overlap.xlsx", "--annotate", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code in (0, 1), run.text[-1500:]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert out.sheetnames[0] == "校验结果" and out["校验结果"]["A1"].value == "序号"
