"""False prose-derived findings met on real reports (session 6, helper a6), each as the sentence or
heading pattern of the real page put into a seed, checked through the real CLI (`xxgk check --format
json`), as a reviewer runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def edited(tmp_path: Path, seed: str, *edits: tuple[str, str], name: str = "report.txt") -> Path:
    (src,) = SEEDS.glob(f"{seed}_*.txt")
    text = src.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check_json(*paths: Path, select: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", *map(str, paths), "--format", "json",
                          "--select", select], capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


# --- M3: a report with a part of its own numbers its last sections 六 and 七 -------------------------

INSERTED = ("五、存在的主要问题及改进措施", "五、政务公开工作主要任务落实情况\n做好政务公开重点工作。\n六、存在的主要问题及改进措施")


def test_m3_finds_the_other_matters_numbered_seven(tmp_path):
    # 平潭 旅游与文化体育局 2020: "…共七个部分组成" … "六、存在的主要问题及改进情况 …七、其他需要报告的事项 本年度无收取信息处理费情况。"
    path = edited(tmp_path, "001", INSERTED, ("六、其他需要报告的事项：无", "七、其他需要报告的事项：无"))
    assert check_json(path, select="M3") == []


def test_m3_takes_other_matters_to_be_explained_as_the_sixth_part(tmp_path):
    # 平潭 君山片区 2025: "七、其他需说明事项2025年度，我局严格按照《政府信息公开信息处理费管理办法》…"
    path = edited(tmp_path, "001", INSERTED, ("六、其他需要报告的事项：无", "七、其他需说明事项：本年度未收取信息处理费。"))
    assert check_json(path, select="M3") == []


def test_m3_still_names_a_missing_part_when_a_later_numeral_is_something_else(tmp_path):
    # a numeral after 六 is only ever the last two parts: "七、加强培训" is not 其他需要报告的事项
    path = edited(tmp_path, "001", INSERTED, ("六、其他需要报告的事项：无", "七、加强政务公开业务培训"))
    (f,) = check_json(path, select="M3")
    assert f["severity"] == "warning" and "六、其他需要报告的事项" in f["message"]
    assert "五、存在的主要问题及改进情况" not in f["message"]


# --- R10: a 表三 left at its zeros backs nothing ----------------------------------------------------

def test_r10_does_not_blame_the_prose_when_the_whole_request_table_is_zeros(tmp_path):
    # 平潭 综合执法与应急管理局 2024: "2024年度，我局共收到政府信息公开申请4件，受理并办结3件，1件属于
    # “本机关不掌握相关政府信息”" while every cell of 表三 is 0: its rows adding up is no evidence
    sentence = "2020 年，文化街道办事处共收到政府信息公开申请4件，受理并办结3件。"
    path = edited(tmp_path, "001", ("2020 年，文化街道办事处", sentence[:-1] + "。2020 年，文化街道办事处"))
    got = check_json(path, select="R10")
    assert {(f["severity"], f["actual"], f["expected"]) for f in got} == {("error", 4, 0), ("error", 3, 0)}
    for f in got:
        assert "更可能是正文的数字有误" not in f["message"]
        assert "表三各格都是 0" in f["message"] and f["suspect"] is None


# --- R10: "出台四项规范性文件" (count before the noun, Chinese numerals) vs 表二 本年制发件数 ---------------

ISSUED_AT = ("2021 年区城管局接到群众", "{sentence}2021 年区城管局接到群众")


def _issued(tmp_path, sentence: str, row: str | None = None):
    edits = [(ISSUED_AT[0], ISSUED_AT[1].format(sentence=sentence))]
    if row:
        edits.append(("规范性文件\t0\t2\t1", row))
    return check_json(edited(tmp_path, "003", *edits), select="R10")


def test_r10_compares_documents_issued_in_chinese_numerals_with_table_two(tmp_path):
    # 长春新区科技局 2023: "2023年,长春新区科技局出台四项规范性文件,分别是《……若干政策》……", 表二 本年制发 0
    (f,) = _issued(tmp_path, "2021 年，区城管局出台四项规范性文件。")
    assert (f["severity"], f["actual"], f["expected"]) == ("warning", 4, 0)
    assert f["cells"][0]["cell"] == "active.normative_docs.issued" and "出台四项规范性文件" in f["message"]


def test_r10_is_silent_when_the_issued_count_agrees(tmp_path):
    assert _issued(tmp_path, "2021 年，区城管局印发了两项行政规范性文件。", row="规范性文件\t2\t2\t1") == []


def test_issued_documents_of_another_subject_or_time_are_not_compared(tmp_path):
    assert _issued(tmp_path, "全市各部门共出台十二项规范性文件。") == []
    assert _issued(tmp_path, "近三年区城管局累计出台四项规范性文件。") == []
    assert _issued(tmp_path, "2021 年，区城管局未出台四项规范性文件以外的文件。") == []


# --- metadata of a traditional-character mirror ------------------------------------------------------

def test_a_traditional_mirror_title_gives_its_unit_and_year(tmp_path):
    # real-pages-r5/hb_wuhan_mzj_2022_trad: "武漢市民政局2022年政府信息公開年度報告" gave no unit and no year
    # (the page's opening lines: the title twice, then the text; no signature, no stated period)
    text = ("武漢市民政局2022年政府信息公開年度報告\n\n武漢市民政局2022年政府信息公開年度報告\n\n一、總體情況\n"
            "2022年,我局堅持以習近平新時代中國特色社會主義思想為指導,認真貫徹上級政務公開工作部署。\n")
    path = tmp_path / "mirror.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode == 0, out.stderr
    (r,) = json.loads(out.stdout)["reports"]
    assert (r["unit"], r["year"], r["title"]) == ("武汉市民政局", 2022, "武汉市民政局2022年政府信息公开年度报告")


def test_a_traditional_mirror_finds_its_section_headings(tmp_path):
    # a mirror page (撫遠市自然資源局 2022, `一、總體情況` … in traditional characters) got a false M3
    # naming 一 to 三 as missing: the headings were matched in simplified characters only
    from checker.readers.traditional import SIMPLIFIED, TRADITIONAL
    (src,) = SEEDS.glob("000_*.txt")
    text = src.read_text(encoding="utf-8")
    assert check_json(src, select="M3") == []                    # the simplified seed has all six
    mirror = text.translate(str.maketrans(dict(zip(SIMPLIFIED, TRADITIONAL))))
    assert "一、總體情況" in mirror and "存在的主要問題" in mirror
    path = tmp_path / "mirror.txt"
    path.write_text(mirror, encoding="utf-8")
    assert check_json(path, select="M3") == []
