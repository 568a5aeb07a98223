"""A drawn table cell (HTML `<td>`, a Word table cell) is its column's value even when it is the
only number of its row: a real report (上海市人民政府办公厅 2019, bench/NOTES.md) prints
`1.属于国家秘密 | 14 | | | | | | ` with the other cells empty. Constructed page, real CLI."""
from __future__ import annotations


from cli_read import extract_one

_ROWS = [("一、本年新收政府信息公开申请数量", [31, 4, "", "", 2, "", 37]),
         ("二、上年结转政府信息公开申请数量", [6, "", "", "", "", "", 6])]


def _page() -> str:
    head = ("<tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
            "<td>法律服务机构</td><td>其他</td><td>总计</td></tr>")
    body = "".join(f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in vals) + "</tr>"
                   for label, vals in _ROWS)
    body += ('<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td>' + "<td>23</td>" + "<td></td>" * 6 + "</tr>"
             "<tr><td>2.其他法律行政法规禁止公开</td>" + "<td></td>" * 6 + "<td>105</td></tr>")
    return ("<html><body><p>示例市人民政府办公室2020年政府信息公开工作年度报告</p>"
            "<p>三、收到和处理政府信息公开申请情况</p><table>" + head + body + "</table></body></html>")


def test_the_only_number_of_a_row_of_drawn_cells_is_read_in_its_column(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    r = extract_one(path)
    c = r["cells"]
    assert c["requests.denied.state_secret.natural_person"] == 23
    assert c["requests.denied.state_secret.total"] is None
    assert c["requests.denied.prohibited.total"] == 105
    assert c["requests.denied.prohibited.natural_person"] is None
    assert "F3" not in [f["rule"] for f in r["findings"]]
