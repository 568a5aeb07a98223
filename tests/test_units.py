"""The units file (--units): CSV or workbook, names matched tolerantly, unmatched names warned about."""
import pytest
from openpyxl import Workbook

from checker.units import Matcher, UnitsError, bare, load, normalise


def test_short_forms_and_spaces():
    assert normalise("道 里 区 人民政府办公室") == normalise("道里区政府办")
    assert bare("黑龙江省哈尔滨市道里区城市管理局") == "道里区城管局"


def test_matcher_tolerant_but_not_loose():
    m = Matcher(["哈尔滨市道里区人民政府办公室", "哈尔滨市道里区城市管理局", "哈尔滨市南岗区城市管理局"])
    assert m.match("道里区政府办") == "哈尔滨市道里区人民政府办公室"
    assert m.match("道里区 城管局") == "哈尔滨市道里区城市管理局"
    assert m.match("南岗区城管局") == "哈尔滨市南岗区城市管理局"
    assert m.match("香坊区城管局") is None
    assert m.match(None) is None


def test_csv_utf8_bom_and_gbk(tmp_path):
    text = "单位,上级单位\n道里区人民政府,\n道里区教育局,道里区人民政府\n"
    for enc in ("utf-8-sig", "gbk"):
        p = tmp_path / f"units_{enc}.csv"
        p.write_bytes(text.encode(enc))
        h = load(p)
        assert h.parents == {"道里区人民政府": None, "道里区教育局": "道里区人民政府"}


def test_workbook_sheet(tmp_path):
    wb = Workbook()
    wb.active.title = "其他"
    ws = wb.create_sheet("单位清单")
    ws.append(["说明：本表列出各单位"])
    ws.append(["单位", "上级单位", "备注"])
    ws.append(["道里区教育局", "道里区人民政府", ""])
    p = tmp_path / "units.xlsx"
    wb.save(p)
    assert load(p).parents == {"道里区教育局": "道里区人民政府"}


def test_bad_units_files_say_why(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text("名称,上级\n甲,乙\n", encoding="utf-8")
    with pytest.raises(UnitsError, match="单位.*上级单位"):
        load(p)
    with pytest.raises(UnitsError, match="不存在"):
        load(tmp_path / "none.csv")
    p.write_text("单位,上级单位\n甲,乙\n甲,丙\n", encoding="utf-8")
    with pytest.raises(UnitsError, match="第3行"):
        load(p)
