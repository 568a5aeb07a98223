"""Real patterns of session 14's pages from the provinces and bodies our corpora hold least (tests/fixtures/corpus/a14),
each reproduced by a constructed text and read through the real CLI:
- what else an office takes in and answers, told beside its requests (青海 互助县政务服务中心 2020: under a
  paragraph on 依申请公开, `12345市民服务热线共受理2720件……办结2680件`): the hotline's answered calls were tied to
  表三's 办理结果 总计, a wrong cell (with the tables printed, R10 would call a right report wrong). Hotlines,
  mailboxes, messages, letters, calls and proposals are counted so on many pages;
- a title naming no body (`2025年政府信息公开工作年度报告` under a site's header) over the sentence that names the
  report with its body (甘肃 平川区发改局 2025: `现向社会公布《白银市平川区发展和改革局2025年度……年度报告》`);
- a title giving no year (内蒙古 乌海市工信局 2020: `乌海市工业和信息化局` / `政府信息公开工作年度报告`), its body
  named again below (`由乌海市工业和信息化局编制而成`); a site's header over a column's name is no title;
- the overview set as a subheading (海南 定安 龙河镇 2020: `一、报告内容` / `(一)总体情况` / `2020年,龙河镇…`), a
  page with no title or period: the year its overview opens with;
- a list's shares that do not hold (山东 汶上 白石镇 2020: `…微信公众号公开政府信息数为1260条;…公开网主动公开政府信息60条,
  其中政务动态类35条,占58%,履职依据类5条,占0.08%`): the P2 error is true, but it said `5/1260 = 0.397%` (the sentence's
  first figure) where the list's first share holds with 60: `5/60 = 8.333%`;
- the reviews a county government heard as the review body (吉林 通化县 2025: `审理政府信息公开行政复议案件7起,其中:结果
  维持3起…`) were tied to 表四's 行政复议 总计, the reviews of its own disclosure;
- a public company's traditional mirror (广西 南宁轨道交通集团 2020: `南寧軌道交通集團有限責任公司2020年…`) read as
  `南宁軌道交通集团有限責任公司`, half converted."""
from __future__ import annotations

import pytest

from test_town_page_patterns import _check, _read

INTAKE = "某县政务服务中心2020年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况。本中心依法办理依申请公开。{}\n"


def _tied(tmp_path, text: str) -> set[tuple[str, int]]:
    return {(p["cell"], p["value"]) for p in _read(tmp_path, text)["prose"] if p.get("cell")}


@pytest.mark.parametrize("sentence", [
    "2020年1-12月份,12345市民服务热线共受理2720件(其中承办单2299件,重新办理单421件),日均受理7.5件,办结2680件。",
    "本年受理市政府门户网站“市长信箱”33件,办结33件。",
    "受理网民留言11件,办结11件。",
    "全年收到群众来信26件,均已办结,答复26件。",
    "受理群众来电来访41件,办结41件。",
    "办理人大代表建议和政协委员提案共12件,办结12件。",
])
def test_another_intakes_answers_are_no_request_cell(tmp_path, sentence):
    assert not {c for c, _ in _tied(tmp_path, INTAKE.format(sentence))} & {
        "requests.handled_total.total", "requests.received.total"}


@pytest.mark.parametrize(("sentence", "tied"), [
    # the requests themselves, beside the hotline, still tie
    ("12345热线受理2720件,办结2680件;共收到政府信息公开申请5件,办结5件。",
     {("requests.received.total", 5), ("requests.handled_total.total", 5)}),
    # requests that came in through the mailbox and other channels are requests
    ("通过市长信箱等渠道收到政府信息公开申请3件,办结3件。",
     {("requests.received.total", 3), ("requests.handled_total.total", 3)}),
])
def test_requests_told_beside_another_intake_still_tie(tmp_path, sentence, tied):
    assert _tied(tmp_path, INTAKE.format(sentence)) == tied


HEADER = "索引号: 11620403/2026-206793\n所属机构: 某区政府办 发布机构:\n2025年政府信息公开工作年度报告\n信息来源:某区人民政府\n"
BODY = "一、总体情况\n2025年,本局依法推进政府信息公开工作。\n"


def test_a_title_naming_no_body_takes_the_naming_sentences(tmp_path):
    r = _read(tmp_path, HEADER + "根据《条例》相关规定,现向社会公布《白银市平川区发展和改革局2025年度政府信息公开工作年度报告》,"
                                 "报告所列数据的统计期限为2025年1月1日至2025年12月31日。\n" + BODY)
    assert (r["unit"], r["year"]) == ("白银市平川区发展和改革局", 2025)


@pytest.mark.parametrize("sentence", [
    "现将我局2025年政府信息公开工作年度报告公布如下。",                   # a pronoun names no body
    "现向社会公布《某市某区发展和改革局2024年度政府信息公开工作年度报告》。",   # another year's report
])
def test_a_title_naming_no_body_keeps_none_without_a_naming_sentence_of_its_year(tmp_path, sentence):
    r = _read(tmp_path, HEADER + sentence + "\n" + BODY)
    assert (r["unit"], r["year"]) == (None, 2025)


PERIOD = "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日。\n"


@pytest.mark.parametrize("title", [
    "乌海市工业和信息化局\n政府信息公开工作年度报告\n",
    "乌海市工业和信息化局政府信息公开工作年度报告\n",
])
def test_a_title_without_its_year_names_the_body_the_page_names_again(tmp_path, title):
    r = _read(tmp_path, title + "一、总体情况\n本年度报告由乌海市工业和信息化局编制而成。" + PERIOD)
    assert (r["unit"], r["year"]) == ("乌海市工业和信息化局", 2020)


def test_a_sites_header_over_a_columns_name_is_no_title(tmp_path):
    # the site's body is not named again: the page may be any of its bodies' reports
    r = _read(tmp_path, "某市人民政府\n政府信息公开工作年度报告\n一、总体情况\n本年度报告由我局编制。" + PERIOD)
    assert (r["unit"], r["year"]) == (None, 2020)


def test_the_year_an_overview_set_as_a_subheading_opens_with(tmp_path):
    text = ("一、报告内容\n(一)总体情况\n2020年,龙河镇认真贯彻落实《中华人民共和国政府信息公开条例》,"
            "积极稳妥地推动政府信息公开工作。\n(二)行政机关主动公开政府信息情况\n通过政府门户平台主动公开信息共7件。\n")
    assert _read(tmp_path, text)["year"] == 2020


SHARES = ("白石镇2020年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n2020年全镇通过微信公众号公开政府信息数为1260条;"
          "通过政府信息公开网主动公开政府信息60条,其中政务动态类35条,占58%,履职依据类5条,占{}。\n")


def _p2(tmp_path, text: str) -> list[str]:
    return [f["message"] for f in _check(tmp_path, text) if f["rule"] == "P2"]


def test_a_lists_share_that_does_not_hold_is_told_against_the_lists_total(tmp_path):
    (message,) = _p2(tmp_path, SHARES.format("0.08%"))
    assert "5/60 = 8.333%，正文写 0.08%" in message
    assert not _p2(tmp_path, SHARES.format("8.3%"))     # the share of 60 holds: no finding


@pytest.mark.parametrize("sentence", [
    "审理政府信息公开行政复议案件7起,其中:结果维持3起,结果纠正3起,其他结果1起。",
    "县政府作为复议机关办理政府信息公开行政复议案件7件。",
])
def test_the_reviews_a_government_heard_are_not_the_reviews_of_its_disclosure(tmp_path, sentence):
    text = "某县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开情况\n全年受理政府信息公开申请57件。" + sentence + "\n"
    assert not {c for c, _ in _tied(tmp_path, text)} & {"appeals.count.review.total"}
    # the reviews of its own disclosure still tie
    text = text.replace(sentence, "因政府信息公开工作被申请行政复议2件。")
    assert ("appeals.count.review.total", 2) in _tied(tmp_path, text)


@pytest.mark.parametrize(("title", "unit"), [
    ("南寧軌道交通集團有限責任公司", "南宁轨道交通集团有限责任公司"),
    ("某市城市建設投資擔保有限公司", "某市城市建设投资担保有限公司"),
    ("某縣糧食儲備倉庫", "某县粮食储备仓库"),
])
def test_a_public_companys_traditional_name_comes_out_simplified_whole(tmp_path, title, unit):
    r = _read(tmp_path, f"{title}2020年政府信息公開工作年度報告\n一、總體情況\n本年度未收到政府信息公開申請。\n")
    assert (r["unit"], r["year"]) == (unit, 2020)
