"""Hostile and odd files, round 14 (u14): what Excel refuses in the workbooks we write, and Word
documents as other programs save them; each case through the real CLI."""
from __future__ import annotations

import json
import re
import shutil
import zipfile

import openpyxl

from bombs import Repeat, parts_of, write_zip
from hostile import ROOT, assert_clean, extracted, report_text, same_as_plain, written_formulas, xxgk
from test_hostile_u13 import BODY, _chunked, _plain, _rewrite

# A county name with characters of CJK Extension B–G (four bytes in GB18030 and UTF-8, two UTF-16
# code units each), long enough that unit + year pass Excel's 31 characters only as Excel counts them.
ASTRAL_UNIT = "广西壮族自治区" + "𬇙" * 12 + "县人民政府办公室"


def _utf16(name: str) -> int:
    return len(name.encode("utf-16-le")) // 2


def test_collection_sheet_names_are_names_excel_keeps(tmp_path):
    """Before: the sheet of a unit named with four-byte characters was cut at 31 code points (43
    UTF-16 units: Excel "repairs" the file on opening, renaming the sheet, so every link of 单位清单 and
    校验结果 to it pointed nowhere); two units differing only in case (`ABC…`, `abc…`: the same
    sheet name to Excel) were given the same name, which openpyxl silently renamed `abc…20201`
    while 单位清单 still named `abc…2020` — in Excel, the other unit's sheet. Now every name is at most
    31 UTF-16 units, never half a character, unique whatever the case, and named as it is."""
    units = [ASTRAL_UNIT, "ABC园区管理处", "abc园区管理处"]
    (tmp_path / "in").mkdir()
    for i, unit in enumerate(units):
        (tmp_path / "in" / f"r{i}.txt").write_text(report_text(unit), encoding="utf-8")
    run = xxgk("import", tmp_path / "in", "-o", tmp_path / "汇总.xlsx")
    assert_clean(run)
    assert run.code == 0, run.text
    checked = xxgk("check", tmp_path / "in", "--annotate", tmp_path / "标注.xlsx")
    assert_clean(checked)
    assert checked.code in (0, 1), checked.text
    for book in ("汇总.xlsx", "标注.xlsx"):
        wb = openpyxl.load_workbook(tmp_path / book)
        names = wb.sheetnames
        assert all(_utf16(n) <= 31 for n in names), [(n, _utf16(n)) for n in names]
        assert len({n.casefold() for n in names}) == len(names), names
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for n in names for ch in n)
        index = [row for row in wb["单位清单"].iter_rows(min_row=2) if row[0].value]
        assert sorted(row[0].value for row in index) == sorted(units)
        for row in index:
            sheet = row[-1].value
            assert sheet in names, (sheet, names)        # the name 单位清单 shows is the sheet's own
            assert row[-1].hyperlink.location == "'" + sheet + "'!A1"
            assert wb[sheet]["B2"].value == row[0].value    # and that sheet is this unit's
        assert written_formulas(tmp_path / book) == []
    # the astral unit's sheet keeps as much of its name as fits, its characters whole
    astral = next(n for n in openpyxl.load_workbook(tmp_path / "汇总.xlsx").sheetnames if "𬇙" in n)
    assert ASTRAL_UNIT.startswith(astral) and _utf16(astral) == 31
    back = xxgk("check", tmp_path / "汇总.xlsx", "--format", "json")
    assert_clean(back)
    assert sorted(r["unit"] for r in json.loads(back.out)["reports"]) == sorted(units)


# ---- Word documents as other programs save them ----------------------------------------------------

# a one-cell table framing what it holds (a page's layout table copied into Word, a template's frame)
FRAME = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
         '</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>正文</w:t></w:r></w:p>{}<w:p/></w:tc></w:tr></w:tbl><w:p/>')


def _framed(x: str, times: int = 1) -> str:
    return BODY.sub(lambda m: m.group(1) + _nest(m.group(2), times) + m.group(3), x)


def _nest(inner: str, times: int) -> str:
    for _ in range(times):
        inner = FRAME.format(inner)
    return inner


def test_word_reports_inside_layout_tables_and_chunks_in_cells_are_read(tmp_path):
    """Before: a report whose tables sit inside a layout table (a web page copied into Word, a CMS
    export, a one-cell frame; Word shows the inner tables as tables) read 0 cells (F4: no standard
    tables); an imported chunk (`w:altChunk`) inside a table cell read 0 cells and said NOTHING.
    Now each is read cell for cell as the plain document, with the same findings."""
    plain, _ = _plain(tmp_path)
    _rewrite(plain, tmp_path / "framed.docx", _framed)
    _rewrite(plain, tmp_path / "framed-thrice.docx", lambda x: _framed(x, 3))
    chunks = tmp_path / "chunks"
    chunks.mkdir()
    chunked = _chunked(plain, chunks / "c.docx", "chunk.docx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", plain.read_bytes())
    xml = zipfile.ZipFile(chunked).read("word/document.xml").decode("utf-8")
    _rewrite(chunked, tmp_path / "chunk-in-cell.docx",
             lambda _: re.sub(r"<w:altChunk[^>]*/>", lambda m: _nest(m.group(0), 1), xml))
    reports, errors = extracted(tmp_path)
    assert errors == {}
    same_as_plain(reports, ["framed.docx", "framed-thrice.docx", "chunk-in-cell.docx"], set())


def test_word_tables_nested_deeper_than_the_parser_goes_say_so(tmp_path):
    """Fifty frames deep, the report is read as the plain document; a hundred pass the XML parser's
    256 levels: before, F5 said the file was damaged ("已损坏"); now it says it is nested too deep."""
    ok, deep = tmp_path / "ok", tmp_path / "deep"
    ok.mkdir(), deep.mkdir()
    plain, _ = _plain(ok)
    _rewrite(plain, ok / "fifty.docx", lambda x: _framed(x, 50))
    _rewrite(plain, deep / "hundred.docx", lambda x: _framed(x, 100))
    reports, errors = extracted(ok)
    assert errors == {}
    same_as_plain(reports, ["fifty.docx"], set())
    _, unread = extracted(deep)
    said = unread["hundred.docx"]["message"]
    assert "嵌套过深" in said and "已损坏" not in said, said


def _legacy_merged(x: str) -> str:
    """Each cell spanning columns (`w:gridSpan`) as the old horizontal merge writes it: a `restart`
    cell, then a `continue` cell for each further column."""
    def one(m: re.Match) -> str:
        n = int(m.group(1))
        return (m.group(0).replace(f'<w:gridSpan w:val="{n}"/>', '<w:hMerge w:val="restart"/>', 1)
                + '<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>' * (n - 1))
    return re.sub(r'<w:tc>(?:(?!</w:tc>).)*?<w:gridSpan w:val="(\d+)"/>.*?</w:tc>', one, x, flags=re.S)


def test_word_cells_merged_the_old_way_read_as_merged(tmp_path):
    """Before: a real report's Word rendition whose merged cells are written the old way (`w:hMerge`,
    which Word shows as one cell; python-docx does not know it) left 12 of 198 cells unread with 4 F3
    (the header's spanning cells came apart). Now cells and findings are the original document's."""
    real = ROOT / "tests/fixtures/corpus"
    for src in (real / "renditions-real/derived/sh_szfbgt_2019.docx",
                real / "renditions-real-2/derived/pingtan_shs_2024.docx"):
        folder = tmp_path / src.stem
        folder.mkdir()
        shutil.copy(src, folder / "original.docx")
        xml = zipfile.ZipFile(src).read("word/document.xml").decode("utf-8")
        assert "hMerge" not in xml and _legacy_merged(xml).count("hMerge") > 20
        _rewrite(src, folder / "legacy.docx", _legacy_merged)
        reports, errors = extracted(folder)
        assert errors == {}
        original, legacy = reports["original.docx"], reports["legacy.docx"]
        assert sum(v is not None for v in original["cells"].values()) >= 60
        assert legacy["cells"] == original["cells"], src.name
        said = sorted((f["rule"], f["message"].replace("original.docx", "…")) for f in original["findings"])
        assert sorted((f["rule"], f["message"].replace("legacy.docx", "…")) for f in legacy["findings"]) == said


# ---- workbooks written by other programs: what python-calamine allocates -----------------------------

SHEET = "xl/worksheets/sheet1.xml"
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _prefixed(sheet: str) -> str:
    """The sheet as .NET's Open XML SDK writes it: every element with the `x:` namespace prefix."""
    return re.sub(r"<(/?)(?![?!])([A-Za-z]\w*)", r"<\1x:\2", sheet).replace(MAIN, MAIN.replace("xmlns=", "xmlns:x="))


def test_far_cells_written_the_unusual_ways_are_refused_not_a_crash(tmp_path):
    """python-calamine allocates a sheet's whole span (rows × columns) before anything can be checked,
    so its span is measured while the package is unpacked. That measure read only `<c r="…"` with `r`
    first: a far cell whose `r` comes after another attribute (`<c t="n" r="XFD1048576">`, the XML
    is the same), a sheet with a namespace prefix (`<x:c>`, .NET's Open XML SDK) or cells without `r`
    (placed by their row) were not counted, and one such cell made python-calamine allocate 512 GB:
    the process ABORTED (a Rust panic, exit 134, no output for any file of the run). Now each is F5
    (the sheet's span is over the limit), in a run whose other files are checked. Conversely a
    formatted EMPTY far cell as openpyxl writes it (`<c r="XFD1048576" s="1" t="n"></c>`), which
    python-calamine leaves out, refused the whole workbook; now it is read (198 cells)."""
    from bench import renditions
    book = renditions.workbook(renditions.reports(1, 7)[0], tmp_path / "plain.xlsx")
    parts = parts_of(book)
    sheet = parts[SHEET].decode("utf-8")
    assert '<c r="A1"' in sheet and "</sheetData>" in sheet

    def with_rows(rows: str, base: str = sheet) -> bytes:
        return base.replace("</sheetData>", rows + "</sheetData>").replace("</x:sheetData>", rows + "</x:sheetData>")\
            .encode("utf-8")

    bad, good = tmp_path / "bad", tmp_path / "good"
    bad.mkdir(), good.mkdir()
    far = {
        "r-after-t.xlsx": with_rows('<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>'),
        "single-quotes.xlsx": with_rows("<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>"),
        "prefixed.xlsx": with_rows('<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
                                   _prefixed(sheet)),
        "no-r.xlsx": with_rows('<row r="1048576">' + "<c><v>1</v></c>" * 16384 + "</row>"),
    }
    for name, data in far.items():
        write_zip(bad / name, {**parts, SHEET: data})
    write_zip(bad / "rows-without-r.xlsx", {**parts, SHEET: Repeat(
        sheet.split("</sheetData>")[0].encode("utf-8"), b"<row/>", 1_048_000,
        ("<row>" + "<c><v>1</v></c>" * 3000 + "</row></sheetData>" + sheet.split("</sheetData>")[1]).encode("utf-8"))})
    write_zip(good / "empty-far-cell.xlsx", {**parts, SHEET: with_rows(
        '<row r="1048576"><c r="XFD1048576" s="1" t="n"></c></row>')})
    write_zip(good / "prefixed.xlsx", {**parts, SHEET: _prefixed(sheet).encode("utf-8")})
    shutil.copy(book, good / "plain.xlsx")
    run = xxgk("check", bad, *sorted(good.iterdir()), "--format", "json")
    assert_clean(run)
    assert run.code in (1, 2), run.text[-2000:]
    doc = json.loads(run.out)
    refused = {f["source"].rsplit("/", 1)[-1]: f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert set(refused) == set(far) | {"rows-without-r.xlsx"}, refused
    assert all("超过可读取的上限" in m for m in refused.values()), refused
    read = {r["source"].rsplit("/", 1)[-1]: r for r in doc["reports"]}
    assert set(read) == {"plain.xlsx", "empty-far-cell.xlsx", "prefixed.xlsx"}, sorted(read)
    reports, errors = extracted(good)
    assert errors == {}
    cells = reports["plain.xlsx"]["cells"]
    assert len(cells) == 198 and all(v is not None for v in cells.values())
    assert reports["empty-far-cell.xlsx"]["cells"] == cells and reports["prefixed.xlsx"]["cells"] == cells


def test_annotated_copy_of_a_workbook_with_names_validations_and_formats_adds_nothing_live(tmp_path):
    """A unit's workbook with defined names pointing outside it (another file, WEBSERVICE), a data
    validation list and a conditional format with formulas: read as the plain workbook (the names
    and rules are not followed), and the annotated copy keeps the unit's own names and rules as they
    were while our sheets hold no formula, no link to another file and no macro part."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from bench import renditions
    plain = renditions.workbook(renditions.reports(1, 7)[0], tmp_path / "plain.xlsx")
    wb = openpyxl.load_workbook(plain)
    wb.defined_names["外部"] = DefinedName("外部", attr_text="'C:\\机密\\[名单.xlsx]Sheet1'!$A$1")
    wb.defined_names["网"] = DefinedName("网", attr_text='WEBSERVICE("http://example.invalid/x")')
    ws = wb.worksheets[0]
    dv = DataValidation(type="list", formula1="INDIRECT(\"'C:\\x\\[a.xlsx]S'!A1:A3\")")
    ws.add_data_validation(dv)
    dv.add("B2:O60")
    ws.conditional_formatting.add("A1:O60", FormulaRule(formula=['HYPERLINK("http://example.invalid")']))
    wb.save(tmp_path / "unit.xlsx")
    reports, errors = extracted(tmp_path)
    assert errors == {} and reports["unit.xlsx"]["cells"] == reports["plain.xlsx"]["cells"]
    run = xxgk("check", tmp_path / "unit.xlsx", "--annotate", tmp_path / "unit-标注.xlsx")
    assert_clean(run)
    assert run.code in (0, 1), run.text
    out = openpyxl.load_workbook(tmp_path / "unit-标注.xlsx")
    assert {n: d.attr_text for n, d in out.defined_names.items()} == \
        {"外部": "'C:\\机密\\[名单.xlsx]Sheet1'!$A$1", "网": 'WEBSERVICE("http://example.invalid/x")'}
    ours = [s for s in out.sheetnames if s not in wb.sheetnames]
    assert ours and not [f for f in written_formulas(tmp_path / "unit-标注.xlsx") if f.split("!")[0] in ours]
    for name in ours:
        assert not out[name].data_validations.dataValidation and not list(out[name].conditional_formatting)
    parts = zipfile.ZipFile(tmp_path / "unit-标注.xlsx").namelist()
    assert not [p for p in parts if "externalLink" in p or "vbaProject" in p], parts


def _with_formulas(plain, out) -> dict[str, int]:
    """The plain workbook with each row's last number written as a formula over the row (`=SUM(C31:H31)`
    where it is the sum of the others, else `=B8+5`, `=A63+-1`); cell -> its true value."""
    wb = openpyxl.load_workbook(plain)
    truth = {}
    for row in wb.worksheets[0].iter_rows():
        nums = [c for c in row if isinstance(c.value, int)]
        if len(nums) < 2:
            continue
        last, rest = nums[-1], nums[:-1]
        truth[last.coordinate] = last.value
        last.value = (f"=SUM({rest[0].coordinate}:{rest[-1].coordinate})" if len(rest) > 1 and
                      sum(c.value for c in rest) == last.value else f"={rest[0].coordinate}+{last.value - rest[0].value}")
    wb.save(out)
    return truth


def _results_saved(book, out, results) -> None:
    """`book` with a saved result in each formula cell (`results`: cell -> value) and the flag that asks
    Excel to compute every formula on opening, as XlsxWriter and like programs write a workbook."""
    def sheet(x: str) -> str:
        return re.sub(r'(<c r="([A-Z]+[0-9]+)"[^>]*>)(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)?',
                      lambda m: m.group(1) + m.group(3) + f"<v>{results(m.group(2))}</v>", x)
    parts = parts_of(book)
    parts[SHEET] = sheet(parts[SHEET].decode("utf-8")).encode("utf-8")
    parts["xl/workbook.xml"] = re.sub(rb"<calcPr[^>]*/>", b"", parts["xl/workbook.xml"]).replace(
        b"</workbook>", b'<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')
    write_zip(out, parts)


def test_formula_results_saved_as_placeholders_are_not_read_as_numbers(tmp_path):
    """A workbook written by a program with formulas for its totals: XlsxWriter and like programs save 0
    as every formula's result and leave the computing to Excel on opening (`fullCalcOnLoad`); a
    program that changes cells leaves the old results. Excel shows the computed number, python-calamine
    gives the saved one. Before: 13 of the generated report's 32 formula cells read WRONG (0 for 5, 1121,
    480…), silently. Now a formula (sums and +/- of cells on its sheet) whose saved result is not what
    it computes is unread, with an F2 naming both numbers; one whose saved result is right (as Excel
    saves it) is read as before, with nothing said."""
    from bench import renditions
    src = tmp_path / "src"
    src.mkdir()
    plain = renditions.workbook(renditions.reports(1, 7)[0], src / "plain.xlsx")
    truth = _with_formulas(plain, src / "formulas.xlsx")
    assert len(truth) == 32 and any("SUM" in str(openpyxl.load_workbook(src / "formulas.xlsx").worksheets[0][c].value)
                                    for c in truth)
    books = tmp_path / "books"
    books.mkdir()
    shutil.copy(plain, books / "plain.xlsx")
    _results_saved(src / "formulas.xlsx", books / "zeros.xlsx", lambda cell: 0)
    _results_saved(src / "formulas.xlsx", books / "excel.xlsx", lambda cell: truth[cell])
    reports, errors = extracted(books)
    assert errors == {}
    right = reports["plain.xlsx"]["cells"]
    assert reports["excel.xlsx"]["cells"] == right and not reports["excel.xlsx"]["findings"]
    zeros = reports["zeros.xlsx"]
    assert not [k for k, v in zeros["cells"].items() if v is not None and v != right[k]]   # nothing read wrong
    unread = [k for k, v in zeros["cells"].items() if v is None and right[k] is not None]
    nonzero = [c for c, v in truth.items() if v != 0]
    assert len(unread) == len(nonzero) == 13
    said = [f["message"] for f in zeros["findings"] if f["rule"] == "F2"]
    assert len(said) == 13 and all("保存的结果 0 与它引用的格算出的" in m for m in said)


def test_reports_saved_as_excel_binary_numbers_or_pages_are_named_not_passed_over(tmp_path):
    """Before: a folder's report saved as an Excel binary workbook (`.xlsb`, Excel's 另存为 offers it),
    or in Apple's Numbers or Pages, was passed over without a word (exit 0, "1 份报告"). Now each is
    named with what to save it as, and the run says inputs were not read."""
    from hostile import seed_copies
    seed_copies(tmp_path, 1)
    for name in ("报告.xlsb", "报告.numbers", "报告.pages"):
        (tmp_path / name).write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    run = xxgk("check", tmp_path, "--format", "json")
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    said = {f["source"].rsplit("/", 1)[-1]: f["message"] for f in json.loads(run.out)["findings"] if f["rule"] == "F5"}
    assert set(said) == {"报告.xlsb", "报告.numbers", "报告.pages"}, said
    assert "另存为 .xlsx" in said["报告.xlsb"] and "另存为 .xlsx" in said["报告.numbers"] and "另存为 .docx" in said["报告.pages"]
    assert len(json.loads(run.out)["reports"]) == 1
