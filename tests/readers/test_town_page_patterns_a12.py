"""Real patterns of session 12's town, street and county pages (tests/fixtures/corpus/a12) that lost a report's body,
tied a prose figure to the wrong cell or raised a false finding, each reproduced by a constructed text and read
through the real CLI:
- a naming sentence whose body follows the year in a street's short name (湖北 武汉经开区 2024:
  `现向社会公布2024年度沌口街政府信息公开工作年度报告`), and one whose report name drops 公开 (陕西 莲湖区 2024:
  `现将莲湖区西关街道办事处2024年度政府信息工作年度报告予以公开`);
- a lawsuit carried over from an earlier year (河北 正定县人民政府办公室 2025: `起诉案件1件,正在审理中;结转起诉案件
  2件,结果维持`): no count of this year's 表四 (it was tied to 行政诉讼's 总计 beside the year's own 1);
- a list whose rest of the total is told in the next sentence (陕西 西关街道 2024: `累计主动公开政府信息达301条。其中
  …8条,…1条,…48条,…4条。同时,…微信公众号…全年共推送信息240条`, 61 + 240 = 301): no shortfall to warn of."""
from __future__ import annotations

from test_town_page_patterns import BODY, _check, _read


def _tied(report: dict) -> set[tuple[str, float]]:
    return {(p["cell"], p["value"]) for p in report["prose"] if p.get("cell")}


def _p1(tmp_path, text: str) -> list[dict]:
    return [f for f in _check(tmp_path, text) if f["rule"] == "P1" and f["severity"] in ("error", "warning")]


def test_body_named_after_the_year_as_a_streets_short_name(tmp_path):
    r = _read(tmp_path, "根据《中华人民共和国政府信息公开条例》,现向社会公布2024年度沌口街政府信息公开工作年度报告。\n" + BODY)
    assert (r["unit"], r["year"]) == ("沌口街", 2024)
    # a scope is still no body: `现向社会公布2024年度全街政府信息公开…`
    r = _read(tmp_path, "根据《条例》,现向社会公布2024年度全街政府信息公开工作年度报告。\n" + BODY)
    assert (r["unit"], r["year"]) == (None, 2024)


def test_report_name_without_gongkai(tmp_path):
    r = _read(tmp_path, "根据有关要求,现将莲湖区西关街道办事处2024年度政府信息工作年度报告予以公开。\n" + BODY)
    assert (r["unit"], r["year"]) == ("莲湖区西关街道办事处", 2024)


LAWSUITS = ("某县人民政府办公室2025年政府信息公开工作年度报告\n一、总体情况\n(二)依申请公开方面。2025年共收到依申请公开事项55件,"
            "办结55件;政府信息公开行政复议案件5件,结果维持3件,结果纠正1件,正在复议1件;起诉案件1件,正在审理中;"
            "结转起诉案件2件,结果维持。\n")


def test_a_lawsuit_carried_over_is_no_count_of_the_year(tmp_path):
    tied = _tied(_read(tmp_path, LAWSUITS))
    assert not {v for c, v in tied if c.startswith("appeals.count.direct_suit")} - {1}
    assert ("appeals.count.review.total", 5) in tied and ("requests.received.total", 55) in tied
    # the year's own lawsuits are still tied
    assert ("appeals.count.direct_suit.total+appeals.count.suit_after_review.total", 1) in tied


TOLD_ON = ("某区西关街道办事处2024年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n截至2024年12月31日,街道累计主动公开政府信息达"
           "301条。其中普法与依法治理相关信息8条,谁执法谁普法信息1条,工作动态类信息48条,领导信息4条。同时,“某某”微信公众号"
           "也充分发挥作用,全年共推送信息240条,让辖区居民及时了解街道工作。\n")


def test_the_rest_of_the_total_told_in_the_next_sentence_is_no_shortfall(tmp_path):
    assert not _p1(tmp_path, TOLD_ON)
    # a next figure that is not the rest still leaves the list short of its total
    assert [f["severity"] for f in _p1(tmp_path, TOLD_ON.replace("推送信息240条", "推送信息230条"))] == ["warning"]
    # and parts over the total are still an error
    assert [f["severity"] for f in _p1(tmp_path, TOLD_ON.replace("达301条", "达51条"))] == ["error"]
