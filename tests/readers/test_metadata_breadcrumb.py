"""A page's text saved without its crawler header, opening on the site's breadcrumb and the title on one line: the real
平潭综合实验区 2017 page (changwu/pingtan-gov-zwgk-archive, id 80506; its 2018 page is
tests/fixtures/corpus/other-provinces-4/fj_pingtan_zone_2018.txt) reads `当前位置： 首页政务公开政府信息公开政府信息公开年报
平潭综合实验区2017年度政府信息公开工作年度报告 来源：平潭县人民政府 …`. Its body was unread: the `：` of 当前位置 stopped the
title. The title starts after the breadcrumb's last separator before its year; a breadcrumb run into the title gives
none (which crumb ends where is not known). Constructed texts in the real pattern, through the real CLI."""
from __future__ import annotations

import pytest

from cli_read import extract_one

BODY = ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《福建省政府信息公开办法》要求，区管委会办公室编制完成了"
        "本报告。本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。一、概述2017年，我区不断深化公开内容。"
        "二、主动公开政府信息情况（一）主动公开政府信息的数量2017年全区主动公开政府信息2122条。")


def _read(tmp_path, head: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text(head + BODY + "\n", encoding="utf-8")
    return extract_one(path)


@pytest.mark.parametrize("crumbs", [
    "当前位置： 首页政务公开政府信息公开政府信息公开年报 ",     # the real page: the crumbs' `>` lost, a space kept
    "您现在的位置：首页 > 政务公开 > 政府信息公开年报 > ",
    "当前位置：首页›信息公开›年报›"])
def test_the_title_after_a_breadcrumb_names_the_body(tmp_path, crumbs):
    head = (f"{crumbs}平潭综合实验区2017年度政府信息公开工作年度报告 来源：平潭县人民政府 时间：2018-01-23 08:51 微信 微博 "
            "QQ空间 全真版 文字版 文件下载 相关链接： --> 平潭综合实验区2017年度政府信息公开工作年度报告 ")
    r = _read(tmp_path, head)
    assert (r["unit"], r["year"]) == ("平潭综合实验区", 2017)


def test_a_breadcrumb_run_into_the_title_names_no_body(tmp_path):
    # guard: no separator between the last crumb and the title: `…年报平潭综合实验区` is not known to be the body
    r = _read(tmp_path, "当前位置：首页政务公开政府信息公开年报平潭综合实验区2017年度政府信息公开工作年度报告 ")
    assert (r["unit"], r["year"]) == (None, 2017)
