"""Real sentence patterns from session 9's pages (tests/fixtures/corpus/a9) that map a prose figure to the
wrong table cell — with the tables printed, R10 then calls a correct report wrong — and real title and
opening-sentence forms that left a report without unit or year. Checked through the real CLI on seed 003
(a 2021 bureau report with its tables) with made-up numbers:
- 重庆 大足区政府办 2023 "行政复议案件6件和行政诉讼案件3件,其中行政复议结果维持5件,尚未审结1件,行政诉讼结果维持3件":
  a result column (维持, 尚未审结) named with 复议/诉讼 is no 总计;
- 重庆两江新区 2023 "通过政务公开专区接收政府信息公开申请12件。…全区收到政府信息公开申请278件": the requests one
  channel took in are no 本年新收 总计;
- 辽宁省 2022 "涉行政复议、行政诉讼案件743件": one figure for two rows joined by 、 is their sum, not the last row's.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_prose_other_provinces_2 import findings_of

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"
ZERO_APPEALS = "\t".join(["0"] * 15)
# 行政复议: 维持 2, 尚未审结 1, 总计 3; 直接起诉: 维持 1, 尚未审结 1, 总计 2; 复议后起诉: none
APPEALS = "\t".join(["2", "0", "0", "1", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"])


def _xxgk(*args: str) -> dict:    # `xxgk extract` here; checks go through findings_of
    xxgk = Path(sys.executable).with_name("xxgk")
    out = subprocess.run([str(xxgk), *args, "-f", "json"], capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1, 2), out.stderr
    return json.loads(out.stdout)


def _r10(tmp_path: Path, sentence: str) -> list[dict]:
    """R10 findings of seed 003 (新收 3, 行政复议 3, 行政诉讼 2) with `sentence` in its prose."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count(ZERO_APPEALS) == 1 and "目前尚未发现" in text
    text = text.replace(ZERO_APPEALS, APPEALS).replace("目前尚未发现", sentence + "目前尚未发现", 1)
    return findings_of(tmp_path, text, "R10")


def test_an_appeal_result_column_named_with_its_row_is_no_total(tmp_path):
    sentence = "全年因政府信息公开产生行政复议案件3件和行政诉讼案件2件，其中行政复议结果维持2件，尚未审结1件，行政诉讼结果维持1件。"
    assert _r10(tmp_path, sentence) == []


def test_the_appeal_totals_of_that_sentence_are_still_compared(tmp_path):
    # guard: the same sentence with a wrong 行政复议 count still disagrees with the table
    sentence = "全年因政府信息公开产生行政复议案件4件和行政诉讼案件2件，其中行政复议结果维持2件，尚未审结1件，行政诉讼结果维持1件。"
    (f,) = _r10(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (4, 3)
    assert [c["cell"] for c in f["cells"]] == ["appeals.count.review.total"]


def test_requests_one_channel_took_in_are_not_the_new_requests(tmp_path):
    assert _r10(tmp_path, "通过政务公开专区接收政府信息公开申请1件。全年共收到政府信息公开申请3件。") == []


def test_the_years_own_request_count_beside_a_channel_is_still_compared(tmp_path):
    (f,) = _r10(tmp_path, "通过政务公开专区接收政府信息公开申请1件。全年共收到政府信息公开申请4件。")
    assert (f["actual"], f["expected"]) == (4, 3)


def test_one_figure_for_two_rows_joined_by_a_dun_comma_is_their_sum(tmp_path):
    # 行政复议 3 + 行政诉讼 2: "涉行政复议、行政诉讼案件5件" agrees with the table
    assert _r10(tmp_path, "涉行政复议、行政诉讼案件5件。") == []
    (f,) = _r10(tmp_path, "涉行政复议、行政诉讼案件6件。")
    assert (f["actual"], f["expected"]) == (6, 5)


def test_a_joint_figure_of_two_result_rows_is_compared_with_their_sum(tmp_path):
    # guard: the joint label reads as the sum where the template has one (予以公开 1 + 部分公开 0 in seed 003)
    assert _r10(tmp_path, "予以公开、部分公开共1件。") == []
    (f,) = _r10(tmp_path, "予以公开、部分公开共2件。")
    assert (f["actual"], f["expected"]) == (2, 1)
    assert {c["cell"] for c in f["cells"]} == {"requests.granted.total", "requests.partly_granted.total"}


def test_separate_figures_around_a_dun_comma_keep_their_own_rows(tmp_path):
    # guard: "予以公开1件、部分公开0件": each figure its own row (no joint label when a figure stands before the 、)
    assert _r10(tmp_path, "按要求予以公开1件、部分公开0件。") == []
    (f,) = _r10(tmp_path, "按要求予以公开2件、部分公开0件。")
    assert [c["cell"] for c in f["cells"]] == ["requests.granted.total"]


# --- unit and year of pages without a plain title line ---------------------------------------------

def _meta(tmp_path: Path, *lines: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (r,) = _xxgk("extract", str(path))["reports"]
    return r


BODY = ("一、总体情况", "（一）主动公开。全年主动公开政府信息120条。", "（二）依申请公开。全年收到政府信息公开申请3件。")


def test_a_republished_title_marked_full_text_is_the_title(tmp_path):
    r = _meta(tmp_path, "某某省2015年度政府信息公开工作报告(全文)", *BODY)
    assert (r["unit"], r["year"]) == ("某某省", 2015)
    r = _meta(tmp_path, "某某省2011年度政府信息公开工作报告/全文", *BODY)
    assert (r["unit"], r["year"]) == ("某某省", 2011)


def test_a_page_without_title_line_takes_its_body_from_the_naming_sentence(tmp_path):
    # 昆明市人民政府 2023, 西夏区人民政府办公室 2024 (《…》), 西安市临潼区人民政府办公室 2025 (现公开)
    for sentence, unit in (("根据《条例》规定，现公布某某市人民政府2023年政府信息公开工作年度报告。", "某某市人民政府"),
                           ("现发布《某某区人民政府办公室2024年政府信息公开工作年度报告》，本报告所列数据从2024年1月1日至12月31日。",
                            "某某区人民政府办公室"),
                           ("现公开某某县民政局2025年政府信息公开工作年度报告。", "某某县民政局")):
        r = _meta(tmp_path, sentence, *BODY)
        assert r["unit"] == unit, sentence
        assert r["year"] == int(sentence.split("年政府")[0][-4:])


def test_a_naming_sentence_without_a_name_gives_no_unit(tmp_path):
    # guard: a pronoun, a scope or no name at all is no unit (the year is still read)
    for sentence in ("现公布我局2023年政府信息公开工作年度报告。", "现将2023年政府信息公开工作年度报告公布如下。",
                     "特向社会公布全县2023年政府信息公开工作年度报告。",
                     "现发布《关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求的报告。"):
        r = _meta(tmp_path, sentence, *BODY)
        assert r["unit"] is None, sentence


def test_a_traditional_mirror_gives_a_committees_name_in_simplified_characters(tmp_path):
    # 重慶市大足區發展和改革委員會 2023: 員 was left unconverted
    r = _meta(tmp_path, "重慶市某某區發展和改革委員會 2023年政府信息公開工作年度報告", "一、總體情況",
              "（一）主動公開情況", "全年網站專欄主動公開信息共計410條。")
    assert (r["unit"], r["year"]) == ("重庆市某某区发展和改革委员会", 2023)


def test_gazette_issues_are_not_the_items_the_gazette_published(tmp_path):
    # 黑龙江省 2011 (legacy): "全年刊发省政府公报24期，…共公布法规、文件173个" — 24 is no 政府公报公开 count
    r = _meta(tmp_path, "某某省2011年度政府信息公开工作报告", "（四）政府公报公开情况。",
              "全年刊发省政府公报24期，免费发放96万份。")
    assert "legacy.active.gazette" not in r["cells"]
    r = _meta(tmp_path, "某某省2011年度政府信息公开工作报告", "（四）政府公报公开情况。", "通过政府公报公开政府信息24条。")
    assert r["cells"].get("legacy.active.gazette") == 24     # guard: items in 条 are still the cell


def _p1(tmp_path: Path, sentence: str) -> list[dict]:
    return findings_of(tmp_path, "\n".join(["某某区人民政府2022年政府信息公开工作年度报告", "一、总体情况", sentence]), "P1")


def test_a_new_media_channels_count_is_no_part_of_the_websites_total(tmp_path):
    # 新疆 自治区政府办公厅 2022: "门户网站发布各类信息5110条,其中…7条,…微信公众号推送信息1363…微博发布信息1155条"
    # the website's listed categories fall short of its total (a warning, as for any short list), but the
    # sum it names is theirs: 21 + 42 + 59, not with 微博's 115
    sentence = ("门户网站发布各类信息500条，其中发布政府文件21条，政府会议信息42条，新闻发布会信息59条；"
                "微信公众号推送信息1363条，微博发布信息115条。")
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (500, 122)
    # without the "；": 微博's 115 (smaller than the total) is still no part; the website's categories are then
    # told along with the channels that follow, some of the total's parts only
    sentence = "门户网站发布各类信息500条，其中发布政府文件21条，政府会议信息42条，新闻发布会信息59条，微博发布信息115条。"
    assert _p1(tmp_path, sentence) == []


def test_channels_that_are_the_totals_parts_are_still_summed(tmp_path):
    # guard: a total over the website and new media (昆明市政务服务管理局 2023's form) shares out into its channels
    sentence = "局门户网站及政务新媒体平台合计发布各类信息2578条，其中：局门户网站361条，微信公众号335条，微博1872条。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (2578, 2568)


def test_a_heading_after_a_mirrors_lost_spaces_is_found(tmp_path):
    # 西藏自治区人民政府办公厅 2023 mirror: "??一、總體情況" — the &nbsp; before each heading printed as "??"
    filler = "本办认真落实政务公开各项要求，持续规范信息发布流程，及时回应社会关切。" * 6
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    lines = ["某某区人民政府办公室2023年政府信息公开工作年度报告", "??"]
    for h in headings:
        lines += ["??" + h, "??", filler]
    assert findings_of(tmp_path, "\n".join(lines), "M3") == []


def test_a_few_highlights_of_a_large_total_are_no_share_out(tmp_path):
    # 长春市政府办公厅 2024: "发布政府动态类信息1464条,其中文件15条,政策解读10条,市政府工作报告1条,…5条,…2条"
    sentence = "通过市政府网站平台发布政府动态类信息1464条，其中文件15条，政策解读10条，市政府工作报告1条，财政预决算信息2条。"
    assert _p1(tmp_path, sentence) == []


def test_a_share_out_falling_short_is_still_named(tmp_path):
    # guard: parts covering most of the total, or a list closed by 其他, still fall short of it
    (f,) = _p1(tmp_path, "全年发布信息100条，其中政务动态60条，通知公告25条。")
    assert (f["actual"], f["expected"]) == (100, 85)
    (f,) = _p1(tmp_path, "全年发布信息1464条，其中文件15条，政策解读10条，其他信息200条。")
    assert (f["actual"], f["expected"]) == (1464, 225)


def test_a_header_field_line_above_the_title_is_not_part_of_the_unit(tmp_path):
    # 青海 海南州 2022: "文 号: 所属主题: 州政府信息公开年报" on the line above the title
    r = _meta(tmp_path, "文 号: 所属主题: 州政府信息公开年报", "某某州人民政府2022年政府信息公开工作年度报告", *BODY)
    assert (r["unit"], r["year"]) == ("某某州人民政府", 2022)
