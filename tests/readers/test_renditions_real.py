"""Real reports in the renditions users hold (tests/fixtures/corpus/renditions-real, SOURCES.md there):
a saved web page (上海市人民政府办公厅 2019) and what a user makes of it (Word, PDF, its `pdftotext
-layout` text, a browser's copy), and the text a PDF extractor gave of a real PDF (one space between
cells). Read through the real CLI: every typed cell right or honestly unread, none wrong. Then the two
reading gaps they showed, each on a constructed text: a copied row with one value and empty cells,
and rows whose cells are set one space apart."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_read import cells_of, extract, extract_one

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOLDER = FIXTURES / "corpus" / "renditions-real"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))["reports"]
RENDITIONS = [(name, file) for name, e in EXPECTED.items() for file in e["renditions"]]


def _typed(report: dict, rows: dict[str, str]) -> list[tuple[str, float | None, float | None]]:
    """(cell, typed value, value read) of every typed cell; None is a cell printed empty / not read."""
    out = []
    for row, printed in rows.items():
        ids, vals = cells_of(report, row), printed.split("|")
        if not ids:     # a row not found (its label clipped at the page edge): every cell unread
            # (an empty cell of such a row is not read as empty either: NaN, never equal)
            out += [(f"{row}.{i}", float("nan") if v == "-" else float(v), None) for i, v in enumerate(vals)]
            continue
        assert len(ids) == len(vals), f"{row}: {len(ids)} cells"
        out += [(c, None if v == "-" else float(v), report["cells"][c]) for c, v in zip(ids, vals)]
    return out


@pytest.mark.parametrize(("name", "file"), RENDITIONS)
def test_every_typed_cell_is_right_or_unread_never_wrong(name, file):
    e, r = EXPECTED[name], extract_one(FOLDER / file)
    for key in ("unit", "year", "format", "period", "title"):
        if key in e:
            assert r[key] == e[key], key
    cells = _typed(r, e["rows"])
    wrong = [(c, want, got) for c, want, got in cells if got is not None and got != want]
    assert not wrong
    assert sum(got == want for _, want, got in cells) == e["renditions"][file]
    # an unread cell that holds a number in the original is named by an F3/F4 on its row
    named = " ".join(f["message"] for f in r["findings"] if f["rule"] in ("F3", "F4"))
    for c, want, got in cells:
        if got is None and want is not None:
            assert named, f"{file}: {c} unread, no F3/F4"


def test_a_copied_row_with_one_value_and_empty_cells_is_read(tmp_path):
    # a browser's copy of the 上海 page: `1.属于国家秘密⇥14⇥ ⇥ ⇥ ⇥ ⇥ ⇥ ` (no-break spaces in the
    # empty cells); the full rows print one tab cell a column, so the tabs say where 14 stands
    text = (FOLDER / "derived" / "sh_szfbgt_2019.copy.txt").read_text(encoding="utf-8")
    for blank in ("\u00a0", ""):     # the same with truly empty cells
        path = tmp_path / f"copy{len(blank)}.txt"
        path.write_text(text.replace("\u00a0", blank).replace("\t44\t3\t", "\t44\t\t"), encoding="utf-8")
        r = extract_one(path)
        assert [r["cells"][c] for c in cells_of(r, "requests.denied.state_secret")] == [14] + [None] * 6
        assert [r["cells"][c] for c in cells_of(r, "requests.unavailable.needs_creation")] == [44] + [None] * 6
        assert not [f for f in r["findings"] if f["rule"] == "F3"]
    # guard: a first cell holding as many digits as the row has cells may be the whole row run
    # together: not read as one number
    path = tmp_path / "run.txt"
    path.write_text(text.replace("1.属于国家秘密\t14\t", "1.属于国家秘密\t1400000\t"), encoding="utf-8")
    r = extract_one(path)
    assert all(r["cells"][c] is None for c in cells_of(r, "requests.denied.state_secret"))
    assert any(f["rule"] == "F3" and "1400000" in f["message"] for f in r["findings"])


def _one_space(text: str) -> str:
    """A tab text as a PDF viewer's copy or plain pdftotext gives it: cells one space apart."""
    return "\n".join(" ".join(c for c in line.split("\t") if c.strip()) if "\t" in line else line
                     for line in text.split("\n"))


def test_rows_with_cells_one_space_apart_are_read(tmp_path):
    seed = FIXTURES / "seeds" / "001_89021225479577a3.txt"
    path = tmp_path / "spaces.txt"
    path.write_text(_one_space(seed.read_text(encoding="utf-8")), encoding="utf-8")
    assert "一、本年新收政府信息公开申 请数量 0 0 0 0 0 0 0" in path.read_text(encoding="utf-8")
    tab, spaced = extract_one(seed), extract_one(path)
    assert (spaced["unit"], spaced["year"], spaced["format"]) == (tab["unit"], tab["year"], tab["format"])
    printed = {c: v for c, v in tab["cells"].items() if v is not None}
    read = {c: v for c, v in spaced["cells"].items() if v is not None}
    assert not {c: (v, printed.get(c)) for c, v in read.items() if printed.get(c) != v}   # nothing wrong
    # every row but 表四's (whose 5 empty cells vanish with the tabs: 10 numbers for 15 cells, an F3)
    assert {c for c in printed if not c.startswith("appeals.")} <= set(read)
    assert spaced["cells"]["active.procurement.amount"] == 0          # `政府集中采购 0 0 元`
    messages = [f["message"] for f in spaced["findings"] if f["rule"] in ("F3", "F4")]
    assert not [m for m in messages if "只印出了行名" in m]
    assert len(messages) == 1 and "「行政复议、行政诉讼情况」一行有 10 个数值" in messages[0]


def test_the_real_pdf_text_fragment_reads_its_rows(tmp_path):
    # a real PDF's text (zxj6827111-blip/govnianbao, section3_raw_text.txt): 表三's rows one space apart,
    # 表二's `行政处罚 3985758` and the fee `96171.6`; a changed digit is read as printed (no guessing)
    text = (FOLDER / "szfgs_2024_pdftext_fragment.txt").read_text(encoding="utf-8")
    path = tmp_path / "frag.txt"
    path.write_text(text.replace("3001 53 0 0 61 4 3119", "3001 53 0 0 61 4 3118"), encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][c] for c in cells_of(r, "requests.received")] == [3001, 53, 0, 0, 61, 4, 3118]
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json",
                          "--select", "R3"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    found = [f["message"] for f in json.loads(out.stdout)["findings"]]
    assert any("「一、本年新收政府信息公开申请数量·总计」3118 ≠ 6 项之和 3119" in m for m in found), found


def test_the_whole_folder_reads_in_one_run():
    reports = [r for r in extract(FOLDER) if not r["source"].endswith(".md")]   # SOURCES.md: no report in it
    assert sorted(Path(r["source"]).relative_to(FOLDER).as_posix() for r in reports) == sorted(f for _, f in RENDITIONS)
    assert all(r["cells"] for r in reports)


@pytest.mark.parametrize(("name", "file"), RENDITIONS)
def test_the_errors_and_warnings_are_the_judged_ones(name, file):
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(FOLDER / file), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    got = sorted((f["rule"], f["severity"], f["message"]) for f in json.loads(out.stdout)["findings"]
                 if f["severity"] in ("error", "warning") and f["rule"] not in ("F1", "F3", "F4"))
    judged = EXPECTED[name]["findings"][file]
    assert len(got) == len(judged), got
    for rule, severity, words in judged:
        assert any(g[:2] == (rule, severity) and words in g[2] for g in got), (rule, words, got)


def test_plain_pdftotext_empty_lines_are_not_cells_but_a_copy_one_cell_a_line_keeps_them(tmp_path):
    # plain pdftotext of the PDF rendition: each table value a line with an empty line after it, in
    # pdftotext's reading order (`1.属于国家秘密⏎⏎35⏎⏎12⏎⏎3⏎14`: values of other rows). Empty lines
    # taken for cells filled that row up to 7 cells: 4 read wrong. Now it is short of values: an F3
    r = extract_one(FOLDER / "derived" / "sh_szfbgt_2019.pdftotext.txt")
    assert all(r["cells"][c] is None for c in cells_of(r, "requests.denied.state_secret"))
    assert [r["cells"][c] for c in cells_of(r, "active.regulations")] == [13, 13, 524]
    # guard: the page copied one cell a line, an empty cell an empty line, values on adjacent lines:
    # there an empty line is a cell, as before
    text = (FOLDER / "derived" / "sh_szfbgt_2019.copy.txt").read_text(encoding="utf-8")
    path = tmp_path / "lines.txt"
    path.write_text(text.replace("\u00a0", "").replace("\t", "\n"), encoding="utf-8")
    lines = extract_one(path)
    typed = _typed(lines, EXPECTED["sh_szfbgt_2019"]["rows"])
    assert not [(c, want, got) for c, want, got in typed if got is not None and got != want]
    assert [lines["cells"][c] for c in cells_of(lines, "requests.carried_over")] == [18] + [None] * 5 + [18]
    assert [lines["cells"][c] for c in cells_of(lines, "requests.received")] == [821, 35, None, None, 2, 1, 859]
