"""Names of real pages read in session 13 (tests/fixtures/corpus/w13), as constructed texts read through the real CLI:
- 陕西省人民政府办公厅 2022 on a traditional mirror printing 陜 (a variant of 陝): its name was read half converted
  (`陜西省人民政府办公厅`)."""
from __future__ import annotations

from cli_read import extract_one
from test_other_provinces_4 import _write


def test_a_mirrors_variant_of_shaanxi_gives_the_name_in_simplified_characters(tmp_path):
    text = ("陜西省人民政府辦公廳2022年政府信息公開工作年度報告\n來源: 省政府辦公廳 發布時間: 2023-01-28 09:20\n一、總體情況\n"
            "2022年,省政府辦公廳堅持以人民為中心,全面深化政府信息公開各項任務。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"]) == ("陕西省人民政府办公厅", 2022)


def test_a_spam_mirrors_site_name_in_place_of_the_body_gives_no_unit(tmp_path):
    # a 广东 city's 2024 report on a mirror that put a betting site's name where the city's was (title, 现公布…): the year
    # and template are the report's, but no body is named — none may be read from the site's name
    text = ("某某bet(中国)官方网站 2024年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》,现公布某某bet(中国)官方网站 "
            "2024年政府信息公开工作年度报告。\n一、总体情况\n2024年以来,我市持续深化政府信息公开工作。\n")
    r = extract_one(_write(tmp_path, text))
    assert (r["unit"], r["year"], r["format"]) == (None, 2024, "2021")
