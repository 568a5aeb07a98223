"""A real sentence pattern from session 7's pages (tests/fixtures/corpus/other-provinces-3) that raised a
false P1 warning, checked through the real CLI: 梅河口 和平街道 2020 "主动公开政府信息73条,其中依托梅河口市
政府网站主动公开信息73条;通过政务微信公众号…公开政府信息73条;通过政务公开栏公开政府信息73条" — the same 73
items went out by each of three channels; the list is no share-out of the total (P1 said 73 + 73 + 73 =
219 ≠ 73); and a metadata pattern that raised a false M1 error: 遂溪 建新镇 2018, title and period 2018,
signed `2018年12月31日` — the last day of the period it reports on, not a signature of the year before;
银川市人民政府办公室 2022 "受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件": the appeals the
requests led to, summed as their parts (false P1)."""
from __future__ import annotations

from pathlib import Path

from test_prose_other_provinces_2 import _p1, findings_of


def test_each_channel_carrying_the_whole_total_is_no_sum(tmp_path):
    sentence = ("2020年某某街道主动公开政府信息58条,其中依托某某市政府网站主动公开信息58条;通过政务微信公众号"
                "“某某街道办事处”公开政府信息58条;通过政务公开栏公开政府信息58条。")
    assert _p1(tmp_path, sentence) == []


def test_channels_sharing_out_the_total_are_still_checked(tmp_path):
    # guard: one channel short of the total, the other as large as it — not "each carried all": P1 stays
    sentence = "全年主动公开政府信息58条,其中依托政府网站公开58条;通过政务微信公众号公开20条。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (58, 78)


def _m1(tmp_path: Path, signed: str) -> list[dict]:
    text = "\n".join(["2018年某某镇政府信息公开工作年度报告",
                      "本报告信息数据统计期限为:2018年1月1日至2018年12月31日。",
                      "一、主动公开政府信息的情况", "2018年度我镇主动公开政府信息数22条。",
                      "", "某某县某某镇人民政府", signed])
    return findings_of(tmp_path, text, "M1")


def test_signed_on_the_last_day_of_its_own_year_is_no_mismatch(tmp_path):
    assert _m1(tmp_path, "2018年12月31日") == []


def test_signed_in_december_of_the_year_after_is_still_late(tmp_path):
    # guard: 31 December of the NEXT year is a late signature (warning), as before
    (f,) = _m1(tmp_path, "2019年12月31日")
    assert f["severity"] == "warning" and "发布偏晚" in f["message"]


def test_signed_before_its_own_period_ends_is_still_a_mismatch(tmp_path):
    # guard: a signature inside the data year before the period's end still contradicts title and period
    (f,) = _m1(tmp_path, "2018年12月20日")
    assert f["severity"] == "error" and "应在 2019 年" in f["message"]


def test_appeals_the_requests_led_to_are_no_parts_of_them(tmp_path):
    # 银川市人民政府办公室 2022: "受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件"
    assert _p1(tmp_path, "受理答复政府信息公开申请35件,其中,行政复议2件、行政诉讼0件。") == []


def test_a_total_of_appeals_is_still_checked(tmp_path):
    # guard: a total of appeals and suits, listed by kind, still has to add up
    (f,) = _p1(tmp_path, "全年共发生行政复议和行政诉讼案件6件,其中行政复议3件、行政诉讼1件。")
    assert (f["actual"], f["expected"]) == (6, 4)
