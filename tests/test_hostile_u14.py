"""Hostile and odd files, round 14 (u14): what Excel refuses in the workbooks we write, and Word
documents as other programs save them; each case through the real CLI."""
from __future__ import annotations

import openpyxl

from hostile import assert_clean, report_text, written_formulas, xxgk

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
    import json
    assert sorted(r["unit"] for r in json.loads(back.out)["reports"]) == sorted(units)
