"""Real patterns of session 13's town, department and development-zone pages (tests/fixtures/corpus/a13), each
reproduced by a constructed text and read through the real CLI:
- a traditional-character mirror whose title names a body with characters our one-character mapping lacked
  (新疆 兵团 2021: `第一師阿拉爾市十六團新開嶺鎮2021年政府信息公開工作年度報告` read as `第一师阿拉爾市…`, half
  converted: no body's name). Bodies' and places' names across the country use many such characters (臨滄, 贛州,
  鶴崗, 糧食和物資儲備局, 退役軍人事務局, 綜合行政執法局): each must come out in simplified characters whole;
- prose wrapped inside a figure's phrase, leaving a number at a line's end after words that hold a row's key (江西
  濂溪区 2024: `全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、不予公开28` — a PDF's line or a
  page cut short): read as a 予以公开 row whose seven cells ran together, a false F3 error on correct prose."""
from __future__ import annotations

import pytest

from test_town_page_patterns import _check, _read

BODY_TW = "一、總體情況\n本年度未收到政府信息公開申請。\n"


@pytest.mark.parametrize(("title", "unit"), [
    ("第一師阿拉爾市十六團新開嶺鎮", "第一师阿拉尔市十六团新开岭镇"),
    ("臨滄市鳳慶縣糧食和物資儲備局", "临沧市凤庆县粮食和物资储备局"),
    ("鶴崗市退役軍人事務局", "鹤岗市退役军人事务局"),
    ("贛州市章貢區綜合行政執法局", "赣州市章贡区综合行政执法局"),
    ("隴南市殘疾人聯合會", "陇南市残疾人联合会"),
])
def test_a_traditional_mirrors_body_comes_out_simplified_whole(tmp_path, title, unit):
    r = _read(tmp_path, f"{title}2023年政府信息公開工作年度報告\n" + BODY_TW)
    assert (r["unit"], r["year"]) == (unit, 2023)


def test_a_simplified_page_keeps_its_name_as_printed(tmp_path):
    # no traditional page: nothing is converted, the name is the page's own
    r = _read(tmp_path, "临沧市凤庆县粮食和物资储备局2023年政府信息公开工作年度报告\n一、总体情况\n本年度未收到政府信息公开申请。\n")
    assert (r["unit"], r["year"]) == ("临沧市凤庆县粮食和物资储备局", 2023)


WRAPPED = ("某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况。\n"
           "2024年,全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、不予公开28\n"
           "件、无法提供151件。行政复议2件,维持1件,其他结果1\n件。\n")


def _f3(tmp_path, text: str) -> list[str]:
    return [f["message"] for f in _check(tmp_path, text) if f["rule"] == "F3"]


def test_prose_wrapped_inside_a_figure_is_no_row_of_a_table(tmp_path):
    assert not _f3(tmp_path, WRAPPED)
    tied = {(p["cell"], p["value"]) for p in _read(tmp_path, WRAPPED)["prose"] if p.get("cell")}
    assert {("requests.received.total", 255), ("requests.handled_total.total", 255), ("appeals.count.review.total", 2)} <= tied
    # a row of the table whose one figure cannot fill its seven cells is still one: F3, or (the text ending inside
    # it, r15) the cut's F4 naming it as the row the table breaks off in
    table = ("某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度收到申请。\n三、收到和处理政府信息公开申请情况\n"
             "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
             "三、本年度办理结果（一）予以公开 28\n")
    assert any("予以公开" in f["message"] and (f["rule"] == "F3" or "一行中途中断" in f["message"])
               for f in _check(tmp_path, table))
