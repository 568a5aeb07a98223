"""Legacy (pre-2019) prose figures of real pages read in session 10 (tests/fixtures/corpus/w10), as constructed texts
with made-up numbers, read through the real CLI:
- 泉州市教育局 2015 `主动公开的信息174条` (and 宜春 芦洲乡 2018 of w9, `主动公开的信息数共有164条`): the 的 kept the
  total unread;
- 杭州 滨江 2017 `共收到依申请公开政府信息申请1件`, 北京市商务局 2008 (other-provinces-3) `共收到政府信息公开申请0件`:
  the commonest wording of the requests received was not the cell (only `收到申请`, `收到政府信息依申请公开`)."""
from __future__ import annotations

import pytest

from pathlib import Path

from cli_read import extract_one


def _legacy(tmp_path: Path, prose: str) -> dict:
    """A bureau's report (its own figures: 我局, 本局), as the real pages are."""
    p = tmp_path / "report.txt"
    p.write_text("某某市某某局2016年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n"
                 "一、概述\n" + prose + "\n", encoding="utf-8")
    return extract_one(p)["cells"]


@pytest.mark.parametrize("prose, cell, value", [
    ("2016年,我局通过各种途径和方式主动公开的信息174条。", "legacy.active.total", 174),
    ("2016年,主动公开的政府信息共计88条。", "legacy.active.total", 88),
    ("2016年,我局共收到政府信息公开申请5件,均按时答复。", "legacy.requests.received", 5),
    ("2016年,我局共收到依申请公开政府信息申请1件。", "legacy.requests.received", 1),
    ("2016年,受理政府信息公开申请3件。", "legacy.requests.received", 3),
    ("本局2016年度共收到政府信息公开申请0件。", "legacy.requests.received", 0),
], ids=["active-de", "active-de-government", "received", "received-yishenqing", "accepted", "received-none"])
def test_the_total_and_the_requests_received_in_their_common_wordings(tmp_path, prose, cell, value):
    assert _legacy(tmp_path, prose).get(cell) == value


@pytest.mark.parametrize("prose, cell", [
    # a kind of information the law lists, not the total
    ("2016年,公开工作动态50条,其他应主动公开的政府信息21条。", "legacy.active.total"),
    # the parts of the body, and another time
    ("2016年,各乡镇共收到政府信息公开申请5件。", "legacy.requests.received"),
    ("截至2016年底,历年累计收到政府信息公开申请25件。", "legacy.requests.received"),
    # an approximate figure is no count
    ("2016年,主动公开政府工作信息、动态755多条。", "legacy.active.total"),
], ids=["other-kind", "parts", "cumulative", "approximate"])
def test_a_part_a_kind_or_another_time_is_no_cell(tmp_path, prose, cell):
    assert _legacy(tmp_path, prose).get(cell) is None
