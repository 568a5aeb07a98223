"""Real patterns of session 11's town, street and county pages (tests/fixtures/corpus/a11) that misread a cell, lost
or cut a report's body, or raised a false finding, each reproduced by a constructed text and read through the real CLI:
- a mirror's table with each cell `text |` on its own line, a row opened by a lone `| ` and the page source's
  indentation (lines of spaces) between cells (陕西 宁强县民政局 2023): the spaces are no empty cells (a row's
  second value went to its third column, a full row was refused with a false F3);
- a title broken inside the body's name (重庆 `…人民政府小龙坎街道` / `办事处2023年…年度报告`) and one whose
  人民政府 shares its 政府 with 政府信息公开 (新疆 `2024年托克逊县夏镇人民政府信息公开工作年度报告`);
- a naming sentence behind a mirror's spam (辽宁 `现编制形成了《…官网@:西柳镇人民政府2023年…》`), or `汇总2024年小河镇的…`
  (云南 巧家县);
- a sentence opening with another year (辽宁 西柳镇 2023: `(三) 政府信息管理情况 2022年,…现行有效的规范性文件0件`):
  no figure of this year's 表二 (a false R10 when the body is the town's own);
- a statement after `；` opening with the total's verb again (甘肃 甘州区北街街道 2025: `发布工作动态信息165条,其中…102条;
  发布法定主动公开内容1条`): no part of that total (a false P1)."""
from __future__ import annotations

from pathlib import Path

from test_town_page_patterns import BODY, _check, _read


def _findings(tmp_path: Path, text: str) -> list[dict]:
    return [f for f in _check(tmp_path, text) if f["severity"] in ("error", "warning")]


def _cells(report: dict) -> dict:
    return {c: v for c, v in report["cells"].items() if v is not None}


HEAD = "某县民政局\n关于2023年政府信息公开年度报告\n报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n" \
       "一、总体情况\n2023年,县民政局认真落实。\n二、政府信息主动公开情况\n"


def _bar_cells(*cells: str) -> str:
    """A row as the mirror prints it: `| ` alone, then each cell `text  |` followed by a line of spaces."""
    return "| \n" + "".join(f"       {c}  | \n      \n" for c in cells)


def test_indented_bar_ended_cells_read_each_in_its_column(tmp_path):
    text = HEAD + _bar_cells("第二十条第(一)项") + "    |||\n" \
        + _bar_cells("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量") \
        + _bar_cells("规章", "0", "0", "0") + _bar_cells("规范性文件", "5", "6", "7")
    assert _cells(_read(tmp_path, text)) == {
        "active.regulations.made": 0, "active.regulations.published": 0, "active.regulations.total_published": 0,
        "active.normative_docs.made": 5, "active.normative_docs.published": 6, "active.normative_docs.total_published": 7}


def test_a_row_cut_after_two_of_three_cells_is_unread_not_shifted(tmp_path):
    text = HEAD + _bar_cells("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量") \
        + _bar_cells("规章", "0", "0", "0") + _bar_cells("规范性文件", "5", "6")
    cells = _cells(_read(tmp_path, text))
    assert not any(c.startswith("active.normative_docs.") for c in cells)
    assert cells["active.regulations.published"] == 0


def test_title_broken_inside_the_body_name(tmp_path):
    r = _read(tmp_path, "重庆市沙坪坝区人民政府小龙坎街道\n办事处2023年政府信息公开工作年度报告\n" + BODY)
    assert (r["unit"], r["year"]) == ("重庆市沙坪坝区人民政府小龙坎街道办事处", 2023)


def test_renmin_zhengfu_sharing_its_zhengfu_with_the_report_name(tmp_path):
    r = _read(tmp_path, "2024年托克逊县夏镇人民政府信息公开工作年度报告\n" + BODY)
    assert (r["unit"], r["year"]) == ("托克逊县夏镇人民政府", 2024)


def test_naming_sentence_behind_a_mirrors_spam_and_huizong(tmp_path):
    r = _read(tmp_path, "按照要求,结合我单位工作实际,现编制形成了《uedbet体育_uedbet官网@:西柳镇人民政府2023年政府信息公开"
                        "工作年度报告》。\n" + BODY)
    assert (r["unit"], r["year"]) == ("西柳镇人民政府", 2023)
    r = _read(tmp_path, "本年度报告根据要求,汇总2024年小河镇的政府信息公开年度报告编制而成。\n" + BODY)
    assert (r["unit"], r["year"]) == ("小河镇", 2024)


def test_the_offices_sentence_of_another_year_ties_no_figure_to_the_towns_table(tmp_path):
    # the real page (辽宁 海城市西柳镇 2023, a spam mirror): 表二 prints 行政规范性文件 4 | 0 | 32
    page = (Path(__file__).parents[1] / "fixtures" / "corpus" / "a11" / "ln_haicheng_xiliu_2023_spam.txt").read_text(
        encoding="utf-8")
    assert "政府信息管理情况 2022年," in page
    r = _read(tmp_path, page)
    assert _cells(r)["active.normative_docs.in_force"] == 32
    assert not [p for p in r["prose"] if (p.get("cell") or "").startswith("active.normative_docs.")]
    assert not [f for f in _findings(tmp_path, page) if f["rule"] == "R10"]


def test_a_sentence_opening_with_another_year_ties_no_figure_to_this_years_table(tmp_path):
    text = ("某县某镇人民政府2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
            "一、总体情况\n(三)政府信息管理情况 2022年,我镇共制定规范性文件0件,废止规范性文件0件,现行有效的规范性文件0件。\n"
            "二、主动公开政府信息情况\n第二十条第(一)项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "规章\t0\t0\t0\n行政规范性文件\t4\t0\t32\n")
    r = _read(tmp_path, text)
    assert _cells(r)["active.normative_docs.in_force"] == 32
    assert not [p for p in r["prose"] if (p.get("cell") or "").startswith("active.normative_docs.")]
    assert not [f for f in _findings(tmp_path, text) if f["rule"] == "R10"]
    # the same sentence in the report's own year is tied, and R10 names the difference
    own = text.replace("2022年,我镇", "2023年,我镇")
    assert ("active.normative_docs.in_force", 0) in {(p.get("cell"), p["value"]) for p in _read(tmp_path, own)["prose"]}
    assert [f for f in _findings(tmp_path, own) if f["rule"] == "R10"]


def test_a_statement_after_a_semicolon_with_the_totals_verb_is_no_part(tmp_path):
    text = ("北街街道2025年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开情况\n2025年度,通过政府门户网站累计发布工作动态信息165条,"
            "其中重点聚焦乡镇街道动态102条;发布法定主动公开内容1条。\n")
    assert not [f for f in _findings(tmp_path, text) if f["rule"] == "P1"]
    # parts listed after the mark without a new verb still add up against the total
    bad = text.replace("102条;发布法定主动公开内容1条", "102条;法定主动公开内容1条,其他信息60条")
    assert [f for f in _findings(tmp_path, bad) if f["rule"] == "P1"]
