"""Lists the prose states as sums without a 其中 (session 7, helper a7), each as the sentence pattern
of a real page put into a seed and checked through the real CLI (`xxgk check --format json`)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
AFTER = "以公告栏的形式公示了24次。"      # seed 001's 总体情况 paragraph ends here


def with_sentence(tmp_path: Path, sentence: str) -> Path:
    (src,) = SEEDS.glob("001_*.txt")
    text = src.read_text(encoding="utf-8")
    assert AFTER in text
    path = tmp_path / "report.txt"
    path.write_text(text.replace(AFTER, AFTER + sentence, 1), encoding="utf-8")
    return path


def p1(path: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json",
                          "--select", "P1"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


# 平潭 行政审批局 2022: the total, then its categories down to the catch-all, no 其中 (17+1+308+8+19 = 353)
CATEGORIES = ("主动公开政府信息364条，人事信息17条，国民经济和社会发展规划类信息1条，重大建设项目类信息308条，"
              "公共服务类信息8条，其他应主动公开的政府信息{other}条。")


def test_p1_checks_a_list_closed_by_its_catch_all_without_a_mark(tmp_path):
    (f,) = p1(with_sentence(tmp_path, CATEGORIES.format(other=19)))
    assert f["severity"] == "warning" and (f["actual"], f["expected"]) == (364, 353)
    assert "17 + 1 + 308 + 8 + 19" in f["message"] and "若所列的是全部分项" in f["message"]
    assert p1(with_sentence(tmp_path, CATEGORIES.format(other=30))) == []      # 353 + 11 = 364: agrees


def test_p1_leaves_a_list_without_its_catch_all_alone(tmp_path):
    # seed 001 tells its 84 articles along ("转载……14篇、……2篇、……") with no "其他": some of them, not all
    assert p1(with_sentence(tmp_path, "")) == []
    told = "主动公开政府信息364条，人事信息17条，重大建设项目类信息308条。"
    assert p1(with_sentence(tmp_path, told)) == []
    # results side by side, the last one 其他处理: the table's rows, not the first one's parts
    results = "办理结果：予以公开 10 件，部分公开 2 件，不予公开 3 件，无法提供 5 件，其他处理 1 件。"
    assert p1(with_sentence(tmp_path, results)) == []


def test_p1_reads_a_scope_around_the_total_as_a_mark(tmp_path):
    # 平潭 财政金融局 2019: "在主动公开的90条政府信息中，" shares out like 其中; the first figure restates
    # the total (全文电子化……共90条), the categories add up to 93
    said = ("在主动公开的90条政府信息中，全文电子化的主动公开信息数共90条，机构设置、主要职能、办事程序类信息共1条；"
            "地方性法规、政府规章和规范性文件类信息10条；财政资金管理使用情况等信息52条；财政预决算报告信息5条；"
            "工作进展动态和其他应主动公开的政府信息25条。")
    (f,) = p1(with_sentence(tmp_path, said))
    assert f["severity"] == "error" and (f["actual"], f["expected"]) == (90, 93)
    assert "1 + 10 + 52 + 5 + 25" in f["message"]
    assert p1(with_sentence(tmp_path, said.replace("信息25条", "信息22条"))) == []


def test_p1_warns_when_parts_in_another_word_for_documents_exceed_the_total(tmp_path):
    # 平潭 综合执法与应急管理局 2024: 条 for the total, 份 for its parts, 380 + 319 = 699 > 607
    said = ("通过门户网站发布信息607条，其中主动公开380份，依申请公开及不予公开319份，"
            "立案查处各类违法行为并作出行政处罚决定545起。")
    (f,) = p1(with_sentence(tmp_path, said))
    assert f["severity"] == "warning" and (f["actual"], f["expected"]) == (607, 699)
    assert "380 + 319" in f["message"] and "计量单位不一" in f["message"]
    # parts in another word that fall short of the total say nothing: they may be some of it
    assert p1(with_sentence(tmp_path, said.replace("380份", "180份"))) == []


# --- M3: a heading printed without its 、 is still the heading --------------------------------------

def m3(path: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json",
                          "--select", "M3"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


def test_m3_finds_a_heading_printed_without_its_comma(tmp_path):
    # 平潭 金井片区管理局 2020 (crawler page): "……（传真：23156377）。一总体情况2020年，我局……"
    (src,) = SEEDS.glob("001_*.txt")
    text = src.read_text(encoding="utf-8")
    assert "一、总体情况" in text
    path = tmp_path / "report.txt"
    path.write_text(text.replace("一、总体情况", "一总体情况", 1), encoding="utf-8")
    assert m3(path) == []
    # only the numeral before its own title's words: "一是加强……" names no part
    path.write_text(text.replace("一、总体情况", "一是加强总体情况", 1), encoding="utf-8")
    (f,) = m3(path)
    assert "一、总体情况" in f["message"]
