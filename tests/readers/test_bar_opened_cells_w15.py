"""Two renditions of one-cell-a-line tables met on session 15's real pages (tests/fixtures/corpus/w15), as constructed
text in the real layout, through the real CLI:
- 安居区综合行政执法局 2022 (www.scanju.gov.cn): each row's first cell opened by a bar (`| 规章`), every cell closed by a
  lone `|` on the next line (`| 规章` `|` `0` `|` `0` `|` `0` `|`). The bar-ended reading did not take such a page (a
  line `| 规章` is not bar-ended), so the `|` lines stood as cells: 规章's three 0s were an F3 (`一行有 1 个数值`), unread;
- 路北区住房和城乡建设局 2022 (www.tslb.gov.cn): `无 |` in each cell of a row with nothing to report (`规章 |` `无 |` `无 |`
  `无 |`). A `无` line did not continue the row: an F3 (`一行有 1 个数值`, false: three cells are printed) instead of
  the F2 each `无` cell gets elsewhere."""
from __future__ import annotations

import re
from pathlib import Path

from cli_read import extract_one

KEYS = ("issued", "repealed", "in_force")
_HEAD = "某某区综合行政执法局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开政府信息222条。\n二、主动公开政府信息情况\n"


def _opened(rows: list[tuple[str, list[str]]]) -> str:
    """Rows as the 安居区 pages print them: `| label`, `|`, then each value and its closing `|`."""
    out = []
    for label, values in rows:
        out += [f"| {label}", "|"]
        for v in values:
            out += [v, "|"] if v else ["|"]
        if not values:
            out.append("|||")
    return "\n".join(out) + "\n"


_TABLE_ONE = [("第二十条第(一)项", []), ("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),
              ("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "1", "12"]),
              ("第二十条第(五)项", []), ("信息内容", ["本年处理决定数量"]), ("行政许可", ["57"]),
              ("第二十条第(六)项", []), ("信息内容", ["本年处理决定数量"]), ("行政处罚", ["148"]), ("行政强制", ["6"]),
              ("第二十条第(八)项", []), ("信息内容", ["本年收费金额(单位:万元)"]), ("行政事业性收费", ["0"])]


def test_rows_opened_by_a_bar_and_closed_by_lone_bars_read_as_printed(tmp_path):
    path = tmp_path / "anju.txt"
    path.write_text(_HEAD + _opened(_TABLE_ONE) + "三、收到和处理政府信息公开申请情况\n", encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == [0, 0, 0]
    assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [3, 1, 12]
    assert [r["cells"][f"active.{k}.decisions"] for k in ("licensing", "penalty", "enforcement")] == [57, 148, 6]
    assert r["cells"]["active.fees.amount_wan"] == 0
    assert not [f for f in r["findings"] if f["rule"] in ("F1", "F3")]


def test_an_empty_cell_among_bar_opened_rows_is_a_blank_not_a_shift(tmp_path):
    # guard: a lone `|` right after a closed cell is an empty cell (F1), the row's other cells keep their columns
    rows = [*_TABLE_ONE[:3], ("行政规范性文件", ["3", "", "12"]), *_TABLE_ONE[4:]]
    path = tmp_path / "anju.txt"
    path.write_text(_HEAD + _opened(rows) + "三、收到和处理政府信息公开申请情况\n", encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [3, None, 12]
    assert {f["rule"] for f in r["findings"] if "「行政规范性文件" in f["message"]} == {"F1"}


_PAGES = (Path(__file__).parent / "test_cell_per_line_pages.py").read_text(encoding="utf-8")
BARRED = re.search(r'_BARRED = """(.*?)"""', _PAGES, re.S).group(1)
REGULATIONS = "规章 |\n/ |\n/ |\n/ |\n"


def test_a_row_of_nothing_printed_as_wu_in_each_cell_is_three_placeholders_not_one_value(tmp_path):
    path = tmp_path / "lubei.txt"
    path.write_text(BARRED.replace(REGULATIONS, "规章 |\n无 |\n无 |\n无 |\n"), encoding="utf-8")
    r = extract_one(path)
    assert [r["cells"][f"active.regulations.{k}"] for k in KEYS] == [None, None, None]
    assert [r["cells"][f"active.normative_docs.{k}"] for k in KEYS] == [2, 1, 9]
    mine = [f for f in r["findings"] if "「规章" in f["message"]]
    assert [f["rule"] for f in mine] == ["F2"] * 3, mine
    assert all("“无”" in f["message"] for f in mine)
