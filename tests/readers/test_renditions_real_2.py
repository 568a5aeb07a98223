"""Real page tables in every rendition users hold (tests/fixtures/corpus/renditions-real-2, SOURCES.md
there; `python -m bench.real_renditions` gives the same numbers): the page, the archive crawler's text of it,
a browser's copy, Word and PDF via LibreOffice, the PDF's `-layout` and plain `pdftotext` text. Read through
the real CLI: every hand-typed cell right or honestly unread (named by an F3/F4), none wrong. Then the
reading gap the `-layout` text showed, on the real text changed: a narrow label column wraps a row's
label above and below its line of values."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.real_renditions import FOLDER, load_expected, score
from cli_read import cells_of, extract, extract_one

EXPECTED = load_expected()
RENDITIONS = [(name, file) for name, e in EXPECTED.items() for file in e["renditions"]]
LAYOUT = FOLDER / "derived" / "pingtan_shs_2024.layout.txt"


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    read = extract(*(FOLDER / f for _, f in RENDITIONS))
    return {Path(r["source"]).resolve().as_posix(): r for r in read}


@pytest.mark.parametrize(("name", "file"), RENDITIONS)
def test_every_typed_cell_is_right_or_unread_never_wrong(reports, name, file):
    e = EXPECTED[name]
    r = reports[(FOLDER / file).resolve().as_posix()]
    for key in ("unit", "year", "format", "period"):
        assert r[key] == e[key], key
    page = reports[(FOLDER / e.get("page", f"{name}.html")).resolve().as_posix()]
    s = score(e, r, page["cells"])
    assert s["wrong"] == []
    assert s["right"] == e["renditions"][file]
    assert s["unread"] == 0 or s["named"], "unread cells and no F3/F4 naming them"


def test_a_workbook_whose_title_starts_with_its_year_names_its_unit(reports):
    # the 上海 page opened in a spreadsheet: A1 `2019年上海市人民政府办公厅政府信息公开工作年度报告`, A3 the
    # first paragraph `本年度报告根据《中华人民共和国政府信息公开条例》…`. A title cell starting with a
    # digit was passed over as a number, and the unit taken from the paragraph (`本根据《…》…`)
    r = reports[(FOLDER / "derived" / "sh_szfbgt_2019.xlsx").resolve().as_posix()]
    assert (r["unit"], r["year"], r["period"]) == ("上海市人民政府办公厅", 2019, "2019-01-01/2019-12-31")


def _rows(r: dict, *rows: str) -> list[list[float | None]]:
    return [[r["cells"].get(c) for c in cells_of(r, row)] for row in rows]


def test_a_label_wrapped_above_and_below_its_values_names_the_row(tmp_path):
    # `理结果 （二）部分公开` / `（区分处理的，` / values / `只计这一情形，` / `不计其他情形）`; `（三 1.属于国家` /
    # values / `）    秘密` (the bracket taken for a value); `2.申请人逾` / `其他` / … / values / … / `请`
    text = LAYOUT.read_text(encoding="utf-8")
    changed = text.replace("                       0   0   0    0      0   0   0\n          只计这一情形，",
                           "                       3   0   0    0      0   0   3\n          只计这一情形，")
    assert changed != text
    path = tmp_path / "layout.txt"
    path.write_text(changed, encoding="utf-8")
    r = extract_one(path)
    assert _rows(r, "requests.partly_granted") == [[3, 0, 0, 0, 0, 0, 3]]
    assert _rows(r, "requests.denied.state_secret", "requests.denied.prohibited", "requests.other.unpaid_fee") \
        == [[0] * 7] * 3
    assert not [f for f in r["findings"] if f["rule"] == "F4" and f["severity"] == "error"
                and "收到和处理" in f["message"]]


def test_lines_around_values_that_name_no_row_leave_them_unread(tmp_path):
    # guard: the lines around a line of values hold no row's whole label (`（三 1.属于国家` / … / `）  机密`):
    # its values are no row's; nothing is read for 1.属于国家秘密, and the table says a row is missing
    text = LAYOUT.read_text(encoding="utf-8")
    changed = text.replace("）    秘密", "）    机密")
    assert changed != text
    path = tmp_path / "layout.txt"
    path.write_text(changed, encoding="utf-8")
    r = extract_one(path)
    assert all(v is None for v in _rows(r, "requests.denied.state_secret")[0])
    assert any(f["rule"] == "F4" and "1.属于国家秘密" in f["message"] for f in r["findings"])


JSP_LAYOUT = FOLDER / "derived" / "pingtan_jsp_2021.layout.txt"


def test_a_lone_bracket_under_a_group_name_is_no_row_of_values(tmp_path):
    # 君山 2021 `-layout`: the group's name wraps in its narrow column, `（四 政府信息` / `）` / `2.没有现成信息需要` /
    # values / `无法 另行制作`. The lone `）` was taken for a line of values and, with the label lines around
    # it, read as 2.没有现成信息需要另行制作 with one value (F3, the row's true values left unread). The values
    # are changed here so their order shows.
    text = JSP_LAYOUT.read_text(encoding="utf-8")
    old = "   2.没有现成信息需要\n                  0   0   0   0   0   0   0\n无法 另行制作"
    assert text.count(old) == 1
    changed = text.replace(old, old.replace("0   0   0   0   0   0   0", "2   0   0   0   0   1   3"))
    path = tmp_path / "layout.txt"
    path.write_text(changed, encoding="utf-8")
    r = extract_one(path)
    assert _rows(r, "requests.unavailable.needs_creation") == [[2, 0, 0, 0, 0, 1, 3]]
    assert _rows(r, "requests.unavailable.not_held") == [[3, 0, 0, 0, 0, 2, 5]]
    assert not [f for f in r["findings"] if f["rule"] in ("F3", "F4")]


def test_a_lone_bracket_between_labels_naming_no_row_reads_nothing(tmp_path):
    # guard: the same lines with the row's label changed so it names no row: its values stay unread (F3/F4),
    # and the lone `）` is read into no row either
    text = JSP_LAYOUT.read_text(encoding="utf-8")
    changed = text.replace("   2.没有现成信息需要\n", "   2.没有其他信息\n").replace("无法 另行制作", "无法 另行说明")
    assert changed != text
    path = tmp_path / "layout.txt"
    path.write_text(changed, encoding="utf-8")
    r = extract_one(path)
    assert all(v is None for v in _rows(r, "requests.unavailable.needs_creation")[0])
    assert any(f["rule"] in ("F3", "F4") for f in r["findings"])
