"""Real report pages of session 9 (tests/fixtures/corpus/a9, SOURCES.md there): 47 stored openings of pages from
15 provinces (云南 贵州 广西 海南 宁夏 青海 吉林 辽宁 重庆 陕西 甘肃 西藏 新疆 内蒙古 黑龙江 — 甘肃 none found),
read and checked through the real CLI, against what was typed by hand from each page (expected.json):
- each gives its data year and template, and the body its title or opening sentence names;
- every cell the text prints reads as printed, and no other cell is read;
- every prose figure the reading ties to a table cell is one a reader ties to it (a figure may stay unread,
  never be tied to the wrong cell: with the tables printed R10 would call a correct report wrong);
- the errors and warnings `xxgk check` gives are the ones judged by hand (expected.json names each verdict).
Session 10's pages (tests/fixtures/corpus/a10: 52 openings of 区县, 乡镇, 街道 and department pages from the 16
provinces our corpora held fewest of — 湖南 四川 福建 山东 吉林 天津 海南 黑龙江 北京 宁夏 甘肃 贵州 青海 山西 河南 云南)
are held to the same checks, folder by folder, and so are session 11's (tests/fixtures/corpus/a11: 25 openings of
区县, 乡镇, 街道 and department pages from 西藏 新疆 重庆 江西 辽宁 广西 甘肃 河北 河南 山西 云南 内蒙古 天津 陕西), and session 12's
(tests/fixtures/corpus/a12: 39 openings of 区县, 乡镇, 街道 and department pages from 青海 宁夏 西藏 河北 安徽 内蒙古 湖北
上海 陕西 广西 江苏 浙江 广东 云南), and session 13's (tests/fixtures/corpus/a13: 43 openings of 区县, 开发区, 乡镇,
街道 and department pages from 贵州 江西 新疆 山西 河南 黑龙江 广西 湖南 辽宁 内蒙古 陕西 重庆), and session 14's
(tests/fixtures/corpus/a14: 48 openings of 区县, 乡镇, 街道, 省直, 地区 and department pages, 2012–2025, most of them 2019–2020,
from 天津 吉林 青海 西藏 宁夏 北京 河北 甘肃 内蒙古 海南 and 9 more provinces), and session 15's (tests/fixtures/corpus/a15:
48 openings, 河南 北京 天津 海南 西藏 青海 内蒙古 新疆 and 12 more provinces, 2019–2020 and the legacy reports of 2008–2018),
and session 16's (tests/fixtures/corpus/a16: 49 openings from 宁夏 兵团 甘肃 贵州 云南 重庆 广西 辽宁 黑龙江 江西 山西 and 11 more provinces, 2019–2020
and legacy 2008–2017, four of them mirrors printing pinyin after characters). A page may name its body or year in words
no rule reads (expected.json's `unit_unread`/`year_unread`): that stays unread, never guessed; a printed cell the
reading leaves unread is listed (`unread`): it must stay unread, never be read as another number."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from cli_read import extract

FOLDERS = {name: Path(__file__).parents[1] / "fixtures" / "corpus" / name for name in ("a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16")}
EXPECTED = {name: json.loads((c / "expected.json").read_text(encoding="utf-8"))["files"] for name, c in FOLDERS.items()}
PAGES = [(folder, name) for folder in FOLDERS for name in sorted(EXPECTED[folder])]


def _per_folder(read):
    """A module fixture's value: `read(folder)` once a folder, on first use."""
    done: dict[str, object] = {}
    return lambda folder: done[folder] if folder in done else done.setdefault(folder, read(folder))


@pytest.fixture(scope="module")
def extracted():
    return _per_folder(lambda f: {Path(r["source"]).stem: r for r in extract(*sorted(FOLDERS[f].glob("*.txt")))})


def _check(folder: str) -> list[dict]:
    pages = sorted(map(str, FOLDERS[folder].glob("*.txt")))      # the folder's SOURCES.md is no report
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", *pages, "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


@pytest.fixture(scope="module")
def checked():
    return _per_folder(_check)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_page_is_listed_with_its_expected_reading(folder):
    assert {p.stem for p in FOLDERS[folder].glob("*.txt")} == set(EXPECTED[folder])


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_year_template_and_body(extracted, folder, name):
    r, e = extracted(folder)[name], EXPECTED[folder][name]
    assert (r["unit"], r["year"], r["format"]) == (None if e.get("unit_unread") else e["unit"],
                                                    None if e.get("year_unread") else e["year"], e["format"])


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_printed_cells_read_as_printed_and_no_other(extracted, folder, name):
    r, e = extracted(folder)[name], EXPECTED[folder][name]
    read = {c: v for c, v in r["cells"].items() if v is not None}
    unread = set(e.get("unread", ()))
    assert not unread & set(read), f"a cell listed unread was read: {unread & set(read)}"
    assert read == {c: v for c, v in e["checked"].items() if c not in unread}


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_prose_figures_are_tied_to_the_right_cells_or_none(extracted, folder, name):
    r, e = extracted(folder)[name], EXPECTED[folder][name]
    right = {(c, v) for c, v in e["prose_cells"]}
    tied = set()
    for p in r["prose"]:
        if p.get("cell"):
            tied.add((p["cell"], p["value"]))
        for cell, value in zip(p.get("part_cells") or [], p.get("parts") or []):
            if cell:
                tied.add((cell, value))
    assert tied <= right, f"tied to a cell no reader would: {tied - right}"
    assert not tied & {(c, v) for c, v in e["prose_not_cells"]}


@pytest.mark.parametrize("folder", FOLDERS)
def test_findings_are_the_ones_judged_by_hand(checked, folder):
    judged = Counter((name, f["rule"], f["severity"]) for name, e in EXPECTED[folder].items() for f in e["findings"])
    got = Counter((Path(f["source"]).stem, f["rule"], f["severity"]) for f in checked(folder)
                  if f["severity"] in ("error", "warning") and f["rule"] != "F4")
    assert got == judged


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_page_without_its_tables_says_so(checked, folder):
    # every stored opening of a 2019/2021 report lacks its tables (sn_fengxian_2020 prints the start of 表二): F4
    # names that (sn_fengxian_2020: the missing rows of 表二, 表三 and 表四 apart); a legacy report (before 2019)
    # has no standard tables to miss
    f4 = {Path(f["source"]).stem for f in checked(folder) if f["rule"] == "F4"}
    assert f4 == {n for n, e in EXPECTED[folder].items() if e["format"] != "legacy"}
