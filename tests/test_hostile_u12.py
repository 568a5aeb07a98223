"""Nothing lost, round 12: a sheet of the office's own that bears our hidden state sheet's name,
and web pages cut inside their last character; each case through the real CLI (or xlwings'
remote engine, as Lite and xlwings Server run it)."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from hostile import assert_clean, digest, extracted, make_collection, same_as_plain, with_own_sheets, xxgk
from hostile import sheet_values as _values

THEIRS = [["本科室的备忘", None], ["xxgk 核对日期", "2024-03-01"], ["合计", "=1+1"]]


def _with_own_state_name(collection: Path, out: Path) -> Path:
    """The collection workbook plus an office's own sheet named `_xxgk` (the name of our hidden
    state sheet: a reviewer keeping notes about the tool under the tool's name)."""
    return with_own_sheets(collection, out, {"_xxgk": THEIRS})


def test_an_offices_own_sheet_named_like_our_state_is_kept(tmp_path):
    """Before: the annotated copy removed the office's `_xxgk` sheet and wrote our hidden state in
    its place (its content gone, without a word). Now it is kept value for value, ours is named
    apart (`_xxgk（xxgk）`, hidden, our marker in A1) and stderr says so."""
    book = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    before = digest([book])
    run = xxgk("check", book, "--annotate", tmp_path / "out.xlsx")
    assert_clean(run)
    assert run.code == 1, run.text
    assert digest([book]) == before
    assert "原有的“_xxgk”工作表不是 xxgk 写的" in run.err and "“_xxgk（xxgk）”" in run.err
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert _values(wb["_xxgk"]) == THEIRS and wb["_xxgk"].sheet_state == "visible"
    ours = wb["_xxgk（xxgk）"]
    assert ours.sheet_state == "hidden"
    assert str(ours["A1"].value).startswith("xxgk-checker 标注状态")
    assert any(r[0] == "cell" for r in _values(ours)[1:])        # the flagged cells' originals recorded


def test_the_next_run_finds_our_state_named_apart_and_restores_the_cells(tmp_path):
    """The second run must read its state from `_xxgk（xxgk）` (else the cells it flagged keep our red
    after a fix, and a reviewer's 已核实 loses its signature) and leave the office's `_xxgk` alone."""
    book = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    assert xxgk("check", book, "--annotate", tmp_path / "one.xlsx").code == 1
    wb = openpyxl.load_workbook(tmp_path / "one.xlsx")
    ws = wb["校验结果"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("复核意见") + 1, "已核实")
    wb.save(tmp_path / "reviewed.xlsx")
    run = xxgk("check", tmp_path / "reviewed.xlsx", "--annotate", tmp_path / "two.xlsx")
    assert_clean(run)
    wb2 = openpyxl.load_workbook(tmp_path / "two.xlsx")
    assert sorted(wb2.sheetnames) == sorted(wb.sheetnames)      # no `_xxgk（xxgk 2）`
    assert _values(wb2["_xxgk"]) == THEIRS
    assert wb2["校验结果"].cell(2, header.index("状态") + 1).value == "已核实"


def test_the_live_workbook_keeps_an_offices_own_sheet_named_like_our_state(tmp_path):
    """The `运行校验` button / xlwings Lite / xlwings Server: before, the remote engine was told to
    delete the office's `_xxgk` sheet; now ours is added apart and nothing of theirs deleted."""
    xw = pytest.importorskip("xlwings")
    from checker.annotate.remote import workbook_json
    from checker.excel import run_check
    book_path = _with_own_state_name(make_collection(tmp_path / "c", 2), tmp_path / "mine.xlsx")
    book = xw.Book(json=workbook_json(book_path))
    assert run_check(book)["findings"] > 0
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["校验结果", "概览", "_xxgk（xxgk）"]
    assert not [a for a in actions if a["func"] == "sheetDelete"]


PAGE = Path(__file__).parent / "fixtures" / "corpus" / "renditions-real-2" / "pingtan_shs_2024.html"

PAGE_CUTS = {  # a real report page saved in the encodings pages come in, each one byte short: the
               # page's last character is a full-width space after its 落款 date (3 bytes in UTF-8)
    "utf8.html": lambda t: t.encode("utf-8")[:-1],
    "utf8-bom.html": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")[:-1],
    "gbk.html": lambda t: t.replace('charset="UTF-8"', 'charset="gbk"').encode("gb18030")[:-1],
    "utf16-bom.html": lambda t: t.encode("utf-16")[:-1],
}


def _page_text() -> str:
    """The page up to its last non-ASCII character (the end of its text: what follows is tags)."""
    text = PAGE.read_text(encoding="utf-8")
    end = max(i for i, ch in enumerate(text) if ord(ch) > 127)
    assert 'charset="UTF-8"' in text and text[end] == "\u3000"
    return text[:end + 1]


def test_a_web_page_cut_inside_its_last_character_is_read_not_refused_or_garbled(tmp_path):
    """Before: a page one byte short was '编码无法识别' (UTF-8, GBK, declared or with a BOM: the
    whole report unread), or, where GB18030 happened to decode the cut UTF-8, read as mojibake; a
    UTF-16 one got a U+FFFD. Now each is read up to that character, every cell as the whole
    page's, and a warning says the page is incomplete."""
    text = _page_text()
    (tmp_path / "whole.html").write_text(text, encoding="utf-8")
    for name, cut in PAGE_CUTS.items():
        (tmp_path / name).write_bytes(cut(text))
    before = digest([tmp_path])
    reports, errors = extracted(tmp_path)
    assert errors == {} and set(reports) == set(PAGE_CUTS) | {"whole.html"}
    whole = reports["whole.html"]
    assert len(whole["cells"]) > 150
    for name in PAGE_CUTS:
        r = reports[name]
        assert (r["unit"], r["year"], r["published"], r["cells"]) == \
            (whole["unit"], whole["year"], whole["published"], whole["cells"]), name
        said = {f["message"].replace("whole.html", name) for f in whole["findings"]}
        [warn] = [f for f in r["findings"] if f["message"] not in said]
        assert warn["rule"] == "F4" and warn["severity"] == "warning"
        assert warn["message"].startswith(f"{name}：文件在最后一个字符的中途结束"), warn["message"]
    assert digest([tmp_path]) == before


def test_a_web_page_cut_inside_a_tables_number_never_reads_it_short(tmp_path):
    """The download stops inside the last table's last number (15): cut after its '1' (any
    encoding: the page ends in text, not a tag) or one byte into its '5' (UTF-16). Before, the
    first read 1 for 15 (a wrong cell, and a false R4) and the second refused the page. Now the
    cell is unread — neither 1 nor blank — every other cell is the whole page's, and the warning
    names the table row where the page ends."""
    whole_text = PAGE.read_text(encoding="utf-8")
    last = list(re.finditer(r">([0-9]{2,})<", whole_text))[-1]
    assert last.group(1) == "15"
    (tmp_path / "whole.html").write_text(whole_text, encoding="utf-8")
    (tmp_path / "ascii.html").write_text(whole_text[:last.start(1) + 1], encoding="utf-8")
    (tmp_path / "utf16.html").write_bytes(whole_text[:last.end(1)].encode("utf-16")[:-1])
    reports, errors = extracted(tmp_path)
    assert errors == {}
    whole = reports["whole.html"]["cells"]
    cell = "appeals.count.suit_after_review.total"
    assert whole[cell] == 15
    for name in ("ascii.html", "utf16.html"):
        cut = reports[name]["cells"]
        assert cell not in cut, (name, cut.get(cell))                    # unread: not 1, not blank
        assert cut == {k: v for k, v in whole.items() if k != cell}, name
        messages = [f["message"] for f in reports[name]["findings"]]
        assert not any(f["rule"] == "F1" for f in reports[name]["findings"]), messages
        assert any(m.startswith(f"{name} 表格3第4行：") and "其后的 1 格不在文件中，未读取（不是空白）" in m
                   for m in messages), messages


def _findings_by_sheet(path: Path, sheets: dict[str, str]) -> list:
    """`check --format json` of a workbook: (rule, unit, year, message) with the file name and the
    given sheet names (name -> a common stand-in) taken out of the message, sorted."""
    run = xxgk("check", path, "--format", "json")
    assert_clean(run)
    out = []
    for f in json.loads(run.out)["findings"]:
        message = f["message"].replace(path.name, "…")
        for name, shown in sheets.items():
            message = message.replace(f"{name}!", f"{shown}!")
        out.append((f["rule"], f["unit"], f["year"], message))
    return sorted(out)


def test_a_report_in_a_sheet_that_only_bears_a_reserved_name_is_read(tmp_path):
    """An office's own workbook whose report sheet is called 单位清单 (its list of units was the
    sheet it filled in), or a collection sheet kept as `_xxgk备份`. Before: the first was refused
    with a false 'sheet 单位清单 holds no standard table'; the second report was silently missing
    from the check (4 of 5 reports, exit code as if all were checked). Now a reserved name is ours
    only with our content (units-list columns, our results header, our marker), so both are read:
    the same findings as under the report's own name."""
    collection = make_collection(tmp_path / "c", 5)
    wb = openpyxl.load_workbook(collection)
    report = wb.sheetnames[1]                         # the first report sheet (after 单位清单)
    for name in list(wb.sheetnames):
        if name != report:
            del wb[name]
    wb.save(tmp_path / "own-name.xlsx")
    wb[report].title = "单位清单"
    wb.save(tmp_path / "index-name.xlsx")
    assert _findings_by_sheet(tmp_path / "index-name.xlsx", {"单位清单": "S"}) == \
        _findings_by_sheet(tmp_path / "own-name.xlsx", {report: "S"}) != []

    wb = openpyxl.load_workbook(collection)
    wb[report].title = "_xxgk备份"
    wb.save(tmp_path / "kept.xlsx")
    run = xxgk("extract", tmp_path / "kept.xlsx")
    assert_clean(run)
    assert len(json.loads(run.out)["reports"]) == 5
    assert _findings_by_sheet(tmp_path / "kept.xlsx", {"_xxgk备份": "S"}) == \
        _findings_by_sheet(collection, {report: "S"})


def test_our_own_index_and_results_are_still_no_reports_even_edited(tmp_path):
    """The other side: the collection's 单位清单, an annotated copy's 校验结果/_xxgk, and an index
    whose header a reviewer edited (上级单位 → 上级, a header block to the reader) are not reports."""
    collection = make_collection(tmp_path / "c", 3)
    assert xxgk("check", collection, "--annotate", tmp_path / "out.xlsx").code == 1
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert {"单位清单", "校验结果", "_xxgk"} <= set(wb.sheetnames)
    wb["单位清单"]["B1"] = "上级"
    wb.save(tmp_path / "edited.xlsx")
    plain = _findings_by_sheet(collection, {})
    assert _findings_by_sheet(tmp_path / "out.xlsx", {}) == plain != []
    assert _findings_by_sheet(tmp_path / "edited.xlsx", {}) == plain


NUMBER_RUN = re.compile(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t(?: [^>]*)?>([0-9]+)</w:t></w:r>")
NUMBER_CELL = re.compile(r"<w:tc>(?:(?!</w:tc>).)*?<w:t(?: [^>]*)?>[0-9]+</w:t>(?:(?!</w:tc>).)*?</w:tc>")
REVISED = ('<w:del w:id="1" w:author="审核" w:date="2024-01-05T00:00:00Z"><w:r><w:delText>999</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="审核" w:date="2024-01-05T00:00:00Z"><w:r><w:t>{}</w:t></w:r></w:ins>')


def _control(xml: str) -> str:
    return f"<w:sdt><w:sdtPr><w:alias w:val=\"填写\"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>"


WORD_SHAPES = {  # how Word itself stores what it shows: each changes only the document's XML
    # 修订 left on: each number typed over a deleted 999 (a tracked insertion)
    "revised.docx": lambda x: NUMBER_RUN.sub(lambda m: REVISED.format(m.group(1)), x),
    # a template's fill-in fields (内容控件) around each number, around one cell of each row
    # (the row's other cells moved left: 32 wrong cells), around each whole table
    "field-runs.docx": lambda x: NUMBER_RUN.sub(lambda m: _control(m.group(0)), x),
    "field-cell.docx": lambda x: re.sub(r"<w:tr[ >].*?</w:tr>", lambda r: NUMBER_CELL.sub(
        lambda c: _control(c.group(0)), r.group(0), count=1), x, flags=re.S),
    "field-table.docx": lambda x: re.sub(r"<w:tbl>.*?</w:tbl>", lambda m: _control(m.group(0)), x, flags=re.S),
    # hidden text (字体 → 隐藏) before each number: neither shown nor printed (read, 99 and 0 made 990)
    "hidden-text.docx": lambda x: NUMBER_RUN.sub(
        lambda m: '<w:r><w:rPr><w:vanish/></w:rPr><w:t>99</w:t></w:r>' + m.group(0), x),
    # a total as a Word formula field (=SUM(ABOVE)): its printed result
    "formula-field.docx": lambda x: NUMBER_RUN.sub(
        lambda m: f'<w:fldSimple w:instr=" =SUM(ABOVE) ">{m.group(0)}</w:fldSimple>', x),
}


def _word_shape(plain: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(plain) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zo.writestr(info, data)
    return out


def test_word_revisions_content_controls_and_fields_are_read_as_word_shows_them(tmp_path):
    """Before: python-docx reads a paragraph's own runs, a row's own cells, the body's own tables,
    so a number typed with 修订 on, inside a template's 内容控件 or as a `=SUM(ABOVE)` field read as
    blank (false F1s), a cell inside a control was left out of its row (the rest moved left: 32
    wrong cells), a table inside one was not seen, and hidden text was read (198 wrong cells). Now every cell is the plain document's,
    the deleted 999s nowhere, no finding the plain document does not have."""
    from bench import renditions
    plain = renditions.word(renditions.reports(1, 7)[0], tmp_path / "plain.docx")
    xml = zipfile.ZipFile(plain).read("word/document.xml").decode("utf-8")
    assert len(NUMBER_RUN.findall(xml)) > 150
    for name, change in WORD_SHAPES.items():
        assert change(xml) != xml, name
        _word_shape(plain, tmp_path / name, change)
    reports, errors = extracted(tmp_path)
    assert errors == {}
    same_as_plain(reports, WORD_SHAPES, {999, 990})
