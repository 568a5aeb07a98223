"""Several reports in one file (readers/multireport.py), through the real CLI (a subprocess): bundles
made of real report texts (the seeds, the corpus) in text, Word and a web page. Each report of a
bundle must read exactly as its own file does (unit, year, format, every cell, F3/F4), and the
checks must find for the bundle what they find for the separate files: the cross-report rules (R6/R7
years, R9 hierarchy, T1 copied text) see the parts as separate reports."""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_read import extract

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEED_A = SEEDS / "000_1cda018db4f6af73.txt"     # 哈尔滨文化园区管理处 2020 (tab tables)
SEED_B = SEEDS / "001_89021225479577a3.txt"     # 文化街道办事处 2020
SEED_C = SEEDS / "003_15d564b43078fcdc.txt"     # a 2021-format report
YEARS = [CORPUS / "pingtan-years" / "gwh_2023.txt", CORPUS / "pingtan-years" / "gwh_2024.txt"]   # one unit, crawler pages
# one unit's three years, whose checks meet: R7 (2019's 行政许可 上一年 13, 2020's 0) and T1 (2021 copies 2020's text)
CHAIN = [CORPUS / "pingtan-chains" / "zhz_2019.txt", CORPUS / "pingtan-page-txt" / "zhz_2020.txt",
         CORPUS / "pingtan-chains" / "zhz_2021.txt"]


def _text(p: Path) -> str:
    return p.read_text(encoding="utf-8")


def _key(r: dict) -> tuple:
    rules = [f["rule"] for f in r["findings"]]
    return r["unit"], r["year"], r["format"], r["cells"], rules.count("F3"), rules.count("F4")


def _bundle_text(files: list[Path], out: Path, sep: str = "\n\n") -> Path:
    out.write_text(sep.join(_text(f) for f in files), encoding="utf-8")
    return out


def _read_apart(bundle: Path, files: list[Path]) -> tuple[list[dict], list[dict]]:
    """The bundle's reports and each file's own report: one run of the CLI."""
    reports = extract(bundle, *files)
    got = [r for r in reports if r["source"] == str(bundle)]
    alone = [next(r for r in reports if r["source"] == str(f)) for f in files]
    return got, alone


def _assert_parts_read_alone(bundle: Path, files: list[Path]) -> list[dict]:
    got, alone = _read_apart(bundle, files)
    assert [_key(r) for r in got] == [_key(r) for r in alone]
    assert [r.get("part") for r in got] == list(range(1, len(files) + 1))
    for k, r in enumerate(got, 1):
        assert all(f"（第{k}篇）" in f["where"] for f in r["findings"] if f["rule"].startswith("F")), r["findings"]
    return got


def test_two_units_pasted_into_one_text(tmp_path):
    _assert_parts_read_alone(_bundle_text([SEED_A, SEED_B], tmp_path / "units.txt"), [SEED_A, SEED_B])


def test_two_years_of_one_unit(tmp_path):
    got = _assert_parts_read_alone(_bundle_text(YEARS, tmp_path / "years.txt"), YEARS)
    assert [r["year"] for r in got] == [2023, 2024] and len(got[0]["cells"]) == 200


def _untitled(src: Path, out: Path) -> Path:
    """The report without its title line (a unit's report pasted from its body on)."""
    out.write_text("\n".join(line for line in _text(src).splitlines() if "年度报告" not in line or "。" in line),
                   encoding="utf-8")
    return out


def test_three_reports_two_without_a_title(tmp_path):
    """The second and third print no title: each starts where the outline starts again (一、总体情况)."""
    files = [SEED_A, _untitled(SEED_B, tmp_path / "b.txt"), _untitled(SEED_C, tmp_path / "c.txt")]
    got = _assert_parts_read_alone(_bundle_text(files, tmp_path / "three.txt"), files)
    assert len(got) == 3


def test_before_and_after_one_report_read_the_bundle_as_one(tmp_path):
    """What the reader did before: the first report's unit with the second's rows over its cells or
    F4s. Kept here as the measure: each part's cells now are its own file's, none mixed."""
    got, (a, c) = _read_apart(_bundle_text([SEED_A, SEED_C], tmp_path / "mixed.txt"), [SEED_A, SEED_C])
    assert [(r["unit"], r["format"]) for r in got] == [(a["unit"], "2019"), (c["unit"], "2021")]
    assert got[0]["cells"] == a["cells"] and got[1]["cells"] == c["cells"]


def test_a_report_then_an_appendix_is_one_report(tmp_path):
    appendix = ("\n\n附件：政策解读\n《某某区2022年政府信息公开工作年度报告》解读\n"
                "一、起草背景\n根据《中华人民共和国政府信息公开条例》，编制本年度报告。\n"
                "相关链接\n某某区2021年政府信息公开工作年度报告\n某某区2020年政府信息公开工作年度报告\n")
    bundle = tmp_path / "appendix.txt"
    bundle.write_text(_text(SEED_C) + appendix, encoding="utf-8")
    (got,), (alone,) = _read_apart(bundle, [SEED_C])
    assert _key(got) == _key(alone) and "part" not in got


def test_a_report_quoting_other_reports_titles_is_not_split(tmp_path):
    """A report's prose names last year's report and a list of older ones: one report."""
    text = _text(SEED_C)
    quoted = ("根据《某某区2020年政府信息公开工作年度报告》，上年度结转申请已办结。\n"
              "往年报告：\n某某区2019年政府信息公开工作年度报告\n")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("一、"))
    bundle = tmp_path / "quoting.txt"
    bundle.write_text("\n".join(lines[:at + 1] + [quoted] + lines[at + 1:]), encoding="utf-8")
    (got,), (alone,) = _read_apart(bundle, [SEED_C])
    assert _key(got) == _key(alone) and "part" not in got


def test_a_pdf_running_head_repeating_the_title_is_one_report(tmp_path):
    """pdftotext text whose pages each start with the report's title: one report."""
    lines = _text(SEED_A).splitlines()
    title = next(line for line in lines if "年度报告" in line)
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("三、"))
    bundle = tmp_path / "heads.txt"
    bundle.write_text("\n".join(lines[:at] + ["\f" + title] + lines[at:]), encoding="utf-8")
    (got,), (alone,) = _read_apart(bundle, [SEED_A])
    assert got["cells"] == alone["cells"] and "part" not in got


# --- Word and web page: the same reports as documents with real tables ------------------------

def _blocks(text: str):
    """A text report as paragraphs and tables: each run of tab lines is a table."""
    table: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield table
            table = []
        if line.strip():
            yield line
    if table:
        yield table


def _docx(files: list[Path], out: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    doc = docx.Document()
    for k, f in enumerate(files):
        if k:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for block in _blocks(_text(f)):
            if isinstance(block, str):
                doc.add_paragraph(block)
                continue
            width = max(map(len, block))
            t = doc.add_table(rows=len(block), cols=width)
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
    doc.save(str(out))
    return out


def _html(files: list[Path], out: Path) -> Path:
    parts = []
    for f in files:
        parts.append("<div class='article'>")
        for block in _blocks(_text(f)):
            if isinstance(block, str):
                parts.append(f"<p>{html.escape(block)}</p>")
            else:
                rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block)
                parts.append(f"<table>{rows}</table>")
        parts.append("</div>")
    out.write_text("<html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>",
                   encoding="utf-8")
    return out


@pytest.mark.parametrize("make", [_docx, _html], ids=["docx", "html"])
def test_bundled_documents_read_as_their_own_documents(tmp_path, make):
    files = [SEED_A, SEED_B, SEED_C]
    suffix = ".docx" if make is _docx else ".html"
    bundle = make(files, tmp_path / f"bundle{suffix}")
    got, alone = _read_apart(bundle, [make([f], tmp_path / f"{f.stem}{suffix}") for f in files])
    assert [_key(r) for r in got] == [_key(r) for r in alone]
    assert len(got) == 3 and all(len(r["cells"]) >= 198 for r in got)
    assert [r["part"] for r in got] == [1, 2, 3]


# --- checks: the parts are separate reports for every rule ------------------------------------

def _check(*paths: Path, units: Path | None = None, shard: str = "0") -> tuple[int, dict]:
    args = [sys.executable, "-m", "checker.cli", "check", *map(str, paths), "--format", "json"]
    if units is not None:
        args += ["--units", str(units)]
    out = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=False,
                         env={**os.environ, "XXGK_SHARD": shard})
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout)


def _facts(findings: list[dict]) -> list[tuple]:
    """A finding without where the file names it: what it says about which cells of which report."""
    return sorted(json.dumps([f["rule"], f["severity"], f["unit"], f["year"], f["cells"], f["suspect"],
                              f["expected"], f["actual"], f["suggestion"], f["candidates"]],
                             ensure_ascii=False, sort_keys=True) for f in findings)


def _copied(tmp_path: Path) -> Path:
    """Another street office's report copied from 文化街道办事处's, its name changed (T1's case)."""
    out = tmp_path / "copied.txt"
    out.write_text(_text(SEED_B).replace("文化街道", "某某街道"), encoding="utf-8")
    return out


@pytest.mark.parametrize("files", [CHAIN, [SEED_A, SEED_B], [SEED_B, None]], ids=["years", "units", "copied"])
def test_check_of_a_bundle_finds_what_the_separate_files_do(tmp_path, files):
    """R6/R7 across the two years, T1 across a copied report: as for the separate files."""
    files = [f if f is not None else _copied(tmp_path) for f in files]
    separate = []
    for k, f in enumerate(files):
        separate.append(tmp_path / f"{k}_{f.name}")
        separate[-1].write_text(_text(f), encoding="utf-8")
    code_apart, apart = _check(*separate)
    code_bundle, bundle = _check(_bundle_text(files, tmp_path / "bundle.txt"))
    assert code_bundle == code_apart
    assert _facts(bundle["findings"]) == _facts(apart["findings"])
    rules = {f["rule"] for f in bundle["findings"]}
    if files is CHAIN:
        assert {"R7", "T1"} <= rules
    if files[1].name == "copied.txt":
        assert "T1" in rules      # the copied text is found between the two parts
    # every finding about the bundle says which of its reports it is about
    assert {f.get("part") for f in bundle["findings"] if f["source"].endswith("bundle.txt")} == set(
        range(1, len(files) + 1))


def test_hierarchy_sees_the_units_of_one_file(tmp_path):
    """R9: a district's report bundled with its units' (one file, as a 区政府 page bundles its
    departments') is checked against their sum as when given as separate files."""
    parent = tmp_path / "parent.txt"      # 文化街道办事处's figures under the district's name: not the units' sum
    parent.write_text(_text(SEED_B).replace("文化街道办事处", "某某区人民政府").replace("文化街道", "某某区"),
                      encoding="utf-8")
    units = tmp_path / "units.csv"
    units.write_text("单位,上级单位\n哈尔滨文化园区管理处,某某区人民政府\n文化街道办事处,某某区人民政府\n",
                     encoding="utf-8")
    files = [parent, SEED_A, SEED_B]
    separate = [tmp_path / f"{k}.txt" for k in range(3)]
    for f, src in zip(separate, files):
        f.write_text(_text(src), encoding="utf-8")
    _, apart = _check(*separate, units=units)
    _, bundle = _check(_bundle_text(files, tmp_path / "district.txt"), units=units)
    assert "R9" in {f["rule"] for f in bundle["findings"]}
    assert _facts(bundle["findings"]) == _facts(apart["findings"])


def test_a_sharded_check_keeps_the_parts_apart(tmp_path):
    """A large run checks in worker processes (checker/shard.py): the bundle's findings are the same."""
    bundle = _bundle_text(CHAIN, tmp_path / "chain.txt")
    _, one = _check(bundle, SEED_C)             # (a run shards from two files when asked to)
    _, sharded = _check(bundle, SEED_C, shard="1")
    assert one["findings"] == sharded["findings"] and {"R7", "T1"} <= {f["rule"] for f in one["findings"]}
    # the report list names each report of the file by its part too, as `extract` does
    assert one["reports"] == sharded["reports"]
    assert [r.get("part") for r in one["reports"] if r["source"] == str(bundle)] == list(range(1, len(CHAIN) + 1))


def test_terminal_table_shows_each_report_of_the_file(tmp_path):
    bundle = _bundle_text([SEED_A, SEED_B], tmp_path / "units.txt")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(bundle)], capture_output=True,
                         text=True, encoding="utf-8", env={**os.environ, "COLUMNS": "200"})
    assert "（units.txt 第1篇）" in out.stdout and "（units.txt 第2篇）" in out.stdout
    assert "共检查 2 份报告" in out.stdout


# --- session 11: one crawler line, identical titles, openings only, wide PDF pages, 来源 ---------

def _crawled(src: Path) -> tuple[list[str], str, str]:
    """A crawler page (pingtan-years): its header lines, its title, and its body (one line)."""
    lines = _text(src).splitlines()
    body = next(i for i, line in enumerate(lines) if "正文" in line) + 1
    return lines[:body], lines[0].split(": ", 1)[1], lines[body]


SIGNED = "平潭综合实验区管委会办公室 2024年1月31日"      # the first report's signature, run into the line


@pytest.mark.parametrize("titled,signed", [(True, False), (False, False), (True, True)],
                         ids=["titled", "untitled", "signed"])
def test_reports_run_together_on_one_crawler_line(tmp_path, titled, signed):
    """A crawled page that holds two reports prints both on its one body line: the second starts at
    its title inside the line (after a sentence, or after the first's signature date), or where its
    opening sentences and 一、总体情况 start again. Each reads as it does alone: the first as the
    crawled page, the second as its body (after its title) alone; both name the file's line 10."""
    head, _, body_a = _crawled(YEARS[0])
    _, title_b, body_b = _crawled(YEARS[1])
    second = (title_b if titled else "") + body_b
    bundle = tmp_path / "page.txt"
    bundle.write_text("\n".join([*head, body_a + (SIGNED if signed else "") + second]) + "\n", encoding="utf-8")
    alone_b = tmp_path / "b.txt"
    alone_b.write_text(second + "\n", encoding="utf-8")
    got = _assert_parts_read_alone(bundle, [YEARS[0], alone_b])
    assert [r["year"] for r in got] == [2023, 2024] and len(got[1]["cells"]) == len(got[0]["cells"]) == 200
    assert got[1]["unit"] == ("平潭综合实验区管委会办公室" if titled else None)
    assert got[0]["published"] == ("2024-01-31" if signed else None)    # the date is the first's, not a title's
    assert all("第10行" in f["where"] for r in got for f in r["findings"] if f["rule"] == "F3")


def test_a_crawler_line_naming_other_reports_is_one_report(tmp_path):
    """A one-line page whose body ends in links to other years' reports (titles after a sentence):
    they open no report, the page is one report as before."""
    head, _, body = _crawled(YEARS[0])
    links = "相关链接：平潭综合实验区管委会办公室2022年度政府信息公开工作年度报告平潭综合实验区管委会办公室2021年度政府信息公开工作年度报告"
    page = tmp_path / "links.txt"
    page.write_text("\n".join([*head, body + links]) + "\n", encoding="utf-8")
    (got,), (alone,) = _read_apart(page, [YEARS[0]])
    assert _key(got) == _key(alone) and "part" not in got


def test_the_same_report_twice_is_two_reports(tmp_path):
    """A report pasted twice (or two reports under one title): the repeated title opens a report
    (its 一、总体情况 follows), so it is no running head. Before: one report, the second copy's rows
    F3/F4 over the first's (49 findings); now two, each as the file alone (21)."""
    got = _assert_parts_read_alone(_bundle_text([SEED_A, SEED_A], tmp_path / "twice.txt"), [SEED_A, SEED_A])
    assert got[0]["unit"] == got[1]["unit"] == "哈尔滨文化园区管理处"


def test_a_cover_and_contents_page_repeating_the_title_is_one_report(tmp_path):
    """A PDF's cover (the title) and contents page (一、总体情况……1 … 六、…), then the title again over
    the body: the contents name 四、…六、 but hold no text under 总体情况, so the repeated title is
    the same report's (one report, as the body alone)."""
    lines = _text(SEED_C).splitlines()
    title = next(line for line in lines if "年度报告" in line)
    contents = [title, "", "目  录", "一、总体情况……………………1", "二、主动公开政府信息情况……………2",
                "三、收到和处理政府信息公开申请情况……3", "四、政府信息公开行政复议、行政诉讼情况……5",
                "五、存在的主要问题及改进情况……6", "六、其他需要报告的事项……7", "\f"]
    bundle = tmp_path / "cover.txt"
    bundle.write_text("\n".join(contents + lines), encoding="utf-8")
    (got,), (alone,) = _read_apart(bundle, [SEED_C])
    assert _key(got) == _key(alone) and "part" not in got


@pytest.mark.parametrize("make", [_docx, _html], ids=["docx", "html"])
def test_the_same_report_twice_in_a_document(tmp_path, make):
    """Word and web page: the repeated title's row starts the second part (not the first's title row)."""
    suffix = ".docx" if make is _docx else ".html"
    bundle = make([SEED_A, SEED_A, SEED_C], tmp_path / f"bundle{suffix}")
    alone = [make([f], tmp_path / f"{f.stem}{suffix}") for f in (SEED_A, SEED_C)]
    got, (a, c) = _read_apart(bundle, alone)
    assert [_key(r) for r in got] == [_key(a), _key(a), _key(c)] and [r["part"] for r in got] == [1, 2, 3]


def _opening(src: Path, out: Path) -> Path:
    """A report's opening only: title, preamble and 总体情况, up to 二、 (no tables, no closing sections)."""
    lines = _text(src).splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("二、"))
    out.write_text("\n".join(lines[:at]) + "\n", encoding="utf-8")
    return out


def test_a_bundle_of_report_openings_is_cut_at_each_title(tmp_path):
    """Excerpts (report openings, as a digest page prints them): no part holds tables or closing
    sections, each title followed by its 一、总体情况 opens a report. Before: one report."""
    files = [_opening(f, tmp_path / f"{k}.txt") for k, f in enumerate([SEED_A, SEED_B, SEED_C])]
    got = _assert_parts_read_alone(_bundle_text(files, tmp_path / "openings.txt"), files)
    assert [r["unit"] for r in got] == ["哈尔滨文化园区管理处", "文化街道办事处", "南岗区城管局"]


WIDE = CORPUS / "renditions-real" / "derived" / "sh_szfbgt_2019.pdf"   # 表三 past the right edge of 第5页


@pytest.mark.skipif(shutil.which("pdfunite") is None, reason="需要 poppler-utils 的 pdfunite 合并 PDF")
def test_each_report_of_a_pdf_bundle_has_its_own_wide_page_finding(tmp_path):
    """The real 上海 PDF (a page's table wider than the page) bundled twice (pdfunite): each report's
    rows on its cut page are unread with one F4 naming its page and part. Before: the second report
    kept F1 '为空' for them (the F4 went to the first report only), and had no unit (its title,
    year first, was not taken for one)."""
    bundle = tmp_path / "bundle.pdf"
    subprocess.run(["pdfunite", str(WIDE), str(WIDE), str(bundle)], check=True)
    got = _assert_parts_read_alone(bundle, [WIDE, WIDE])
    assert [r["unit"] for r in got] == ["上海市人民政府办公厅"] * 2
    _, data = _check(bundle)
    edges = [f for f in data["findings"] if f["rule"] == "F4" and "页面右边缘" in f["message"]]
    assert [(f["part"], f["where"]) for f in edges] == [(1, "bundle.pdf（第1篇） 第5页"), (2, "bundle.pdf（第2篇） 第11页")]
    assert [len(f["cells"]) for f in edges] == [56, 56]
    assert not [f for f in data["findings"] if f["rule"] == "F1" and ("第5页" in f["message"] or "第11页" in f["message"])]


def test_import_names_the_part_in_its_source_column(tmp_path):
    """`xxgk import`: 单位清单's 来源 and each sheet's 来源 say which report of the file the sheet is
    (`units.txt（第2篇）`); a file of one report keeps its name. Reading the workbook back, a finding
    in a sheet's text names the part too."""
    from openpyxl import load_workbook
    bundle = _bundle_text([SEED_A, SEED_B], tmp_path / "units.txt")
    book = tmp_path / "汇总.xlsx"
    out = subprocess.run([sys.executable, "-m", "checker.cli", "import", str(bundle), str(SEED_C), "-o", str(book)],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    wb = load_workbook(book)
    rows = list(wb["单位清单"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[4] for r in rows) == sorted(["units.txt（第1篇）", "units.txt（第2篇）", SEED_C.name])
    for unit, _, _, _, source, sheet in rows:
        ws = wb[sheet]
        assert [ws.cell(r, 2).value for r in range(1, 12) if ws.cell(r, 1).value == "来源"] == [source]
    _, data = _check(book)
    assert any("units.txt（第2篇）" in (f["where"] or "") for f in data["findings"])
