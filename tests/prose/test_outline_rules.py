"""S1 (第五部分 says something) and T1 (no section copied nearly word for word) on seed 003 and
copies of it, read by the text reader and checked by the rules engine."""
from __future__ import annotations

from pathlib import Path

from checker.check import check
from checker.readers.text import read_text

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "003_15d564b43078fcdc.txt"
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
FIVE = next(i for i, line in enumerate(LINES) if line.startswith("五、"))
SIX = next(i for i, line in enumerate(LINES) if line.startswith("六、"))


def with_section_five(*body: str, text: str = TEXT) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:FIVE + 1] + list(body) + lines[SIX:])


def read(text: str, name: str = "report.txt"):
    return read_text(text, name, name)


def run(reports, rule):
    result = check(reports, select=[rule])
    return result.findings, result.stats[rule]


def test_s1_a_real_section_five_passes():
    assert run([read(TEXT)], "S1")[0] == []


def test_s1_wu_alone_is_a_warning():
    (f,), _ = run([read(with_section_five("无。"))], "S1")
    assert f.severity == "warning" and f.actual == 1 and "“无。”" in f.message
    assert f.where == "report.txt 第84行"


def test_s1_heading_with_no_text_is_blank():
    (f,), _ = run([read(with_section_five(""))], "S1")
    assert "（空白）" in f.message and f.actual == 0


def test_s1_heading_and_text_on_one_line():
    # crawler pages run heading and text together: "五、存在的主要问题及改进情况无。六、……"
    text = with_section_five().replace("五、政府信息公开工作存在的主要问题及整改措施", "五、存在的主要问题及改进情况暂无。")
    (f,), _ = run([read(text)], "S1")
    assert f.actual <= 2


def test_s1_short_but_real_text_passes():
    text = with_section_five("信息发布不够及时，个别栏目更新滞后；下一步将每周检查栏目并通报。")
    assert run([read(text)], "S1")[0] == []


def test_s1_not_evaluable_without_a_section_five_heading():
    text = "\n".join(LINES[:FIVE] + LINES[SIX:])
    findings, stats = run([read(text)], "S1")
    assert findings == [] and stats["not_evaluable"] == 1


def test_t1_another_units_copy_is_named():
    other = TEXT.replace("南岗区城管局", "道外区城管局")
    findings, _ = run([read(TEXT, "南岗.txt"), read(other, "道外.txt")], "T1")
    # each report repeats the other's 一 and 五: both are told, each naming the other unit
    assert {(f.unit, f.year) for f in findings} == {("南岗区城管局", 2021), ("道外区城管局", 2021)}
    named = {f.unit: f.message for f in findings}
    assert "“道外区城管局” 2021 年报告" in named["南岗区城管局"]


def test_t1_earlier_report_of_the_same_unit_only():
    later = TEXT.replace("2021", "2022").replace("2022年1月", "2023年1月")
    findings, _ = run([read(TEXT, "2021.txt"), read(later, "2022.txt")], "T1")
    assert {f.year for f in findings} == {2022}           # the 2021 report copied nothing
    assert all("本单位 2021 年报告" in f.message for f in findings)


def test_t1_rewritten_section_is_not_a_copy():
    rewritten = with_section_five(
        "（一）存在问题。执法信息上网的时效仍不均衡，街道执法中队报送的处罚结果有时超过七日才公开；政策解读多为文字稿，"
        "图解和视频较少，群众反映不易读懂。", "",
        "（二）改进措施。明年起把处罚结果公开时限纳入中队考核，每季度抽查一次；对涉及市容管理的新规定同步制作图解，"
        "并邀请社区工作者参与解读，提高解读的针对性。", "",
        text=TEXT.replace("2021", "2022"))
    findings, _ = run([read(TEXT, "2021.txt"), read(rewritten, "2022.txt")], "T1")
    assert [f.where for f in findings] == ["2022.txt 第7行"]      # 一 is still the 2021 text; 五 is new


def test_t1_short_sections_are_not_judged():
    short = with_section_five("无。")
    findings, stats = run([read(short, "a.txt"), read(short.replace("南岗区城管局", "道外区城管局"), "b.txt")], "T1")
    assert [f for f in findings if "五、" in f.message] == []
