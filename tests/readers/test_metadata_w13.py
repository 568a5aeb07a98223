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
