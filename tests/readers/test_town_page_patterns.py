"""Real patterns of session 10's town, street and county pages (tests/fixtures/corpus/a10) that lost a report's
body or year, or raised a false error, each reproduced by a constructed text and read through the real CLI:
- a title giving its year last, in brackets (天津 宝坻区大钟庄镇 2019: `…镇政府信息公开工作年度报告 (2019年)`);
- a naming sentence with the body after the year (福建 建宁县溪口镇 2022: `特向社会公开2022年度溪口镇政府信息公开年度
  报告`), behind a cited notice that is no naming sentence (`《关于编制公布2022年政府信息公开工作年度报告有关事项的通知》`);
- a traditional mirror's place names (湖南 衡山縣長江鎮) and a two-line title under a name with pinyin
  (山东 `濟(jì)南市章丘區(qū)文化和旅游局` / `2023 年政府信息公開(kāi)工作年度報(bào)告`);
- a page stored without its title, opening `2025年,杏花村镇紧扣…《中华人民共和国政府信息公开条例》…` (山西 汾阳);
- a page whose tables are images (四川 珙县 2020): the tables' headings only, then 五/六 with `无`: that `无` is no
  row of 表四 (it gave a false F3 error)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_read import extract_one

BODY = "一、总体情况\n本年度未收到政府信息公开申请。\n"


def _read(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return extract_one(path)


def _check(tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


def test_a_title_with_its_year_last_in_brackets(tmp_path):
    r = _read(tmp_path, "宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)\n" + BODY)
    assert (r["unit"], r["year"]) == ("宝坻区大钟庄镇", 2019)
    r = _read(tmp_path, "某某县某某乡政府信息公开年度报告（2020年度）\n" + BODY)
    assert (r["unit"], r["year"]) == ("某某县某某乡", 2020)


def test_a_naming_sentence_with_the_body_after_the_year(tmp_path):
    opening = ("本报告根据《中华人民共和国政府信息公开条例》及建宁县人民政府办公室《关于编制公布2022年政府信息公开工作年度报告"
               "有关事项的通知》文件要求,特向社会公开2022年度溪口镇政府信息公开年度报告。\n")
    r = _read(tmp_path, opening + BODY)
    assert (r["unit"], r["year"]) == ("溪口镇", 2022)
    r = _read(tmp_path, "根据《条例》规定,现公开2025年大冶市政府信息公开工作年度报告。\n" + BODY)
    assert (r["unit"], r["year"]) == ("大冶市", 2025)


def test_a_cited_notice_names_no_report(tmp_path):
    # guard: the notice's year is no report's, and its words no body (the page names neither)
    opening = "根据《关于编制公布2022年政府信息公开工作年度报告有关事项的通知》要求,编制本报告。\n"
    r = _read(tmp_path, opening + BODY)
    assert r["unit"] is None


def test_a_traditional_mirrors_place_names_are_simplified(tmp_path):
    r = _read(tmp_path, "衡山縣長江鎮2023年政府信息公開工作年度報告\n" + BODY)
    assert (r["unit"], r["year"]) == ("衡山县长江镇", 2023)


def test_a_two_line_title_under_a_name_with_pinyin(tmp_path):
    text = "1\n濟(jì)南市章丘區(qū)文化和旅游局\n2023 年政府信息公開(kāi)工作年度報(bào)告\n" + BODY
    r = _read(tmp_path, text)
    assert (r["unit"], r["year"]) == ("济南市章丘区文化和旅游局", 2023)


def test_a_page_without_its_title_opens_with_its_year(tmp_path):
    text = ("2025年,杏花村镇紧扣“公开透明、便民高效”的工作主线,严格恪守《中华人民共和国政府信息公开条例》及上级关于"
            "政务公开的工作要求。\n一、基本情况\n(一)主动公开情况\n2025年,我镇通过政府门户网站主动公开政府信息。\n")
    assert _read(tmp_path, text)["year"] == 2025


def test_an_opening_year_about_other_work_is_no_report_year(tmp_path):
    # guard: a first paragraph that does not speak of the disclosure work gives no year
    text = "2025年,杏花村镇全力推进乡村振兴。\n一、基本情况\n本镇有12个村。\n"
    assert _read(tmp_path, text)["year"] is None


def test_nothing_under_part_six_is_a_row_of_an_image_table(tmp_path):
    text = ("某某县审计局2020年政府信息公开工作年度报告\n" + BODY + "二、主动公开政府信息情况\n\n"
            "三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
            "五、存在的主要问题及改进情况\n信息更新不够及时,下一步将及时发布工作信息。\n六、其他需要报告的事项\n无\n")
    findings = _check(tmp_path, text)
    assert not [f for f in findings if f["rule"] == "F3"]
    assert [f for f in findings if f["rule"] == "F4"]     # the tables are missing, and said so


def test_an_appeals_row_after_its_title_is_still_read(tmp_path):
    # guard: a 表四 row printed between its title and part 五 is read as before
    row = "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10)
    text = ("某某县审计局2020年政府信息公开工作年度报告\n" + BODY + "四、政府信息公开行政复议、行政诉讼情况\n" + row + "\n"
            "五、存在的主要问题及改进情况\n信息更新不够及时。\n六、其他需要报告的事项\n无\n")
    r = _read(tmp_path, text)
    assert (r["cells"]["appeals.count.review.upheld"], r["cells"]["appeals.count.review.total"]) == (1, 1)


def _p1(tmp_path: Path, sentence: str) -> list[dict]:
    text = "某某县某某乡2025年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n" + sentence + "\n"
    return [f for f in _check(tmp_path, text) if f["rule"] == "P1"]


def test_a_list_naming_fewer_kinds_than_its_total_spans_is_examples(tmp_path):
    # 河南 桐柏县城郊乡 2025: the total spans 17 domains, 其中 names two of them: examples, no P1
    assert _p1(tmp_path, "本年度,17个重点领域累计更新信息151条,其中政务动态51条、政策解读13条。") == []


def test_a_list_naming_every_kind_still_adds_up(tmp_path):
    # guard: three kinds spanned, three named, 80 of 90: the parts fall short, P1 still says so
    (f,) = _p1(tmp_path, "在3个栏目发布信息90条,其中通知公告30条、工作动态30条、政策文件20条。")
    assert (f["severity"], f["expected"], f["actual"]) == ("warning", 80, 90)
