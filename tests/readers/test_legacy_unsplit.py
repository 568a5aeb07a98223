"""A pre-2019 统计表 that a crawler flattened into one line prints each row as label, unit, this year's number
and the running total with nothing between (`政府网站公开数条2069121062.政府公报公开数条00`, real 平潭综合实验区
2018, tests/fixtures/corpus/other-provinces-4). `206912106` splits as 2069|12106, 206|912106, 20|6912106…:
the cell stays unread, as before, but is now named (F2, info: legacy cells are not required) instead of being
left unread in silence. Through the real CLI."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one

ZONE_2018 = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "other-provinces-4" / "fj_pingtan_zone_2018.txt"


def _f2(r: dict) -> list[dict]:
    return [f for f in r["findings"] if f["rule"] == "F2"]


def test_a_run_of_this_year_and_the_total_is_named_unread():
    r = extract_one(ZONE_2018)
    assert r["cells"].get("legacy.active.website") is None
    [f2] = [f for f in _f2(r) if f["cells"][0]["cell"] == "legacy.active.website"]
    assert f2["severity"] == "info" and "“206912106”" in f2["message"] and "未读取" in f2["message"]
    assert f2["message"].startswith("fj_pingtan_zone_2018.txt 第")
    # the rows read are read as before; a cell the prose gives (主动公开 2069) is not named unread
    assert r["cells"]["legacy.active.total"] == 2069 and r["cells"]["legacy.active.gazette"] == 0
    assert not [f for f in _f2(r) if f["cells"][0]["cell"] == "legacy.active.total"]


def test_a_run_split_one_way_only_or_spaced_is_read_not_named(tmp_path):
    # guard: `条00` (0|0), `条739 4359` (spaced): read, no F2
    text = ("某某县2016年政府信息公开工作年度报告\n本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n"
            "六、政府信息公开情况统计表指标名称计量单位2016年度历年累计主动公开文件数条739 4359其中：1、政府网站公开数条739 4359"
            "2、政府公报公开数条00受理政府信息依申请公开总数条00\n")
    path = tmp_path / "legacy.txt"
    path.write_text(text, encoding="utf-8")
    r = extract_one(path)
    assert r["format"] == "legacy"
    assert r["cells"]["legacy.active.website"] == 739 and r["cells"]["legacy.active.gazette"] == 0
    assert not _f2(r)


BAIYIN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "w12" / "gs_baiyin_dlgs_2008_trad.txt"


def test_a_mirrors_question_mark_before_a_figure_is_the_space_it_lost():
    # real 白银市动力公司 2008 (a traditional mirror): `主動公開政府信息?10條` — the `?` stands for a space the
    # mirror's charset lacked; the legacy total (10 = 1 + 9 on the page) was unread, now read
    assert "信息?10條" in BAIYIN.read_text(encoding="utf-8")
    r = extract_one(BAIYIN)
    assert (r["unit"], r["year"], r["format"]) == ("白银市动力公司", 2008, "legacy")
    assert r["cells"]["legacy.active.total"] == 10


def test_a_question_mark_not_before_a_figure_is_left_alone(tmp_path):
    # guard: the same mirror's other `?` (indentation `? ?(二)`) are no space before a figure; the figures read as before
    text = ("某某局2016年政府信息公开工作年度报告\n本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n"
            "? ?(二)公开的形式\n2016年主动公开政府信息12条。\n")
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    assert extract_one(path)["cells"]["legacy.active.total"] == 12
