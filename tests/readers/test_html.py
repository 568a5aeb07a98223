"""The saved-web-page reader: a page written here with site chrome and the three official tables
(rowspan/colspan headers), in UTF-8 and GBK, read back cell by cell."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from bench.htmlpage import page  # noqa: E402
from official import assert_reads_like_text, values_for  # noqa: E402

from bench.runtogether_share import random_requests  # noqa: E402
from checker.readers import read_path  # noqa: E402
from checker.templates import template  # noqa: E402
from checker.readers import html as html_reader  # noqa: E402

COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")


@pytest.mark.parametrize("fmt", ["2021", "2019"])
@pytest.mark.parametrize("charset, suffix", [("utf-8", ".html"), ("gbk", ".htm"), ("gb2312", ".html")])
def test_page_reads_every_cell(tmp_path, fmt, charset, suffix):
    vals = values_for(fmt)
    p = tmp_path / f"report{suffix}"
    p.write_bytes(page(fmt, vals, year=int(fmt), charset=charset).encode(charset))
    [r] = html_reader.read(p)
    assert r.format == fmt
    assert r.cells == vals, {k: (r.cells.get(k), v) for k, v in vals.items() if r.cells.get(k) != v}
    assert r.findings == []
    assert r.unit == "某市某区财政局" and r.year == int(fmt)


def test_gbk_page_without_declaration_is_detected(tmp_path):
    vals = values_for("2021")
    text = page("2021", vals).replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    p = tmp_path / "nodecl.htm"
    p.write_bytes(text.encode("gbk"))
    [r] = html_reader.read(p)
    assert r.cells == vals


def test_spans_give_grid_positions(tmp_path):
    vals = values_for("2021")
    p = tmp_path / "r.html"
    p.write_text(page("2021", vals), encoding="utf-8")
    [r] = html_reader.read(p)
    assert r.parts == ["表格1", "表格2", "表格3", "正文"]
    # requests: 3 label columns (rowspan/colspan) then the 7 values: total is grid column 10
    assert r.locate("requests.received.total") == "表格2第4行第10列"
    # （三）不予公开 1.属于国家秘密 sits under two rowspans: still column 4 for 自然人
    assert r.locate("requests.denied.state_secret.natural_person") == "表格2第8行第4列"
    assert r.locate("appeals.count.suit_after_review.total") == "表格3第4行第15列"


def test_navigation_and_scripts_are_not_prose(tmp_path):
    vals = values_for("2021")
    p = tmp_path / "r.html"
    p.write_text(page("2021", vals), encoding="utf-8")
    body = html_reader._parse(p.read_text(encoding="utf-8"), "r.html")
    lines = [b for b in html_reader._walk(body) if isinstance(b, str)]
    text = "\n".join(lines)
    assert "政务公开" not in text and "当前位置" not in text and "版权所有" not in text
    assert "var menu" not in text and "机构职能" not in text
    assert "宝安区" not in text and "相关链接" not in text      # a links block with no telling class name
    assert lines[0] == "某市某区财政局2021年政府信息公开工作年度报告"
    assert "六、其他需要报告的事项" in lines


def test_run_together_row_in_a_page(tmp_path):
    table = random_requests(random.Random(11), "2021", "small")
    vals = dict(values_for("2021"))
    vals.update({f"requests.{rid}.{c}": v for rid, row in table.items() for c, v in zip(COLS, row)})
    p = tmp_path / "rt.html"
    p.write_text(page("2021", vals, runtogether={"received", "carried_forward"}), encoding="utf-8")
    [r] = html_reader.read(p)
    assert r.cells == vals
    assert r.cell_meta["requests.received.natural_person"]["text"] == "".join(str(v) for v in table["received"])


def test_blank_and_placeholder_cells(tmp_path):
    vals = dict(values_for("2021"))
    vals["requests.carried_over.commercial"] = None
    vals["active.fees.amount_wan"] = "无"
    p = tmp_path / "odd.html"
    p.write_text(page("2021", vals), encoding="utf-8")
    [r] = html_reader.read(p)
    assert r.cells["requests.carried_over.commercial"] is None
    assert r.cells["active.fees.amount_wan"] is None
    rules = sorted(f.rule for f in r.findings)
    assert rules == ["F1", "F2"]
    f2 = next(f for f in r.findings if f.rule == "F2")
    assert "odd.html" in f2.where and "表格1" in f2.where


def test_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    # an XML-style entity bomb and an external entity: HTML parsing must neither expand nor fetch
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY ext SYSTEM "file:///etc/passwd">]><html><body><p>&b;&ext;</p>'
            '<p>某局2021年政府信息公开工作年度报告</p></body></html>')
    p = tmp_path / "bomb.html"
    p.write_text(bomb, encoding="utf-8")
    res = read_path(p)
    text = repr([r.to_json() for r in res.reports]) + repr([f.message for f in res.failures])
    assert "AAAAAAAAAA" not in text and "root:" not in text


@pytest.mark.parametrize("content, words", [
    (b"", "空文件"),
    (b"\x00\x01\x02binary" * 10, "不是网页文件"),
    (b"<html><body><script>x()</script></body></html>", "没有找到正文"),
])
def test_bad_pages_are_f5(tmp_path, content, words):
    p = tmp_path / "坏页面.html"
    p.write_bytes(content)
    res = read_path(p)
    [f] = res.failures
    assert f.rule == "F5" and "坏页面.html" in f.message and words in f.message


def test_table_pasted_as_paragraphs_with_a_glued_run_together_row(tmp_path):
    """The issue's example: a row flattened into its label and one run of digits, in a <p>."""
    rows = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量640020470"]
    p = tmp_path / "flat.html"
    p.write_text("<html><body><h1>某局2021年政府信息公开工作年度报告</h1>"
                 + "".join(f"<p>{r}</p>" for r in rows) + "</body></html>", encoding="utf-8")
    [r] = html_reader.read(p)
    assert [r.get(f"requests.received.{c}") for c in COLS] == [64, 0, 0, 2, 0, 4, 70]
    assert r.locate("requests.received.total") == "正文第3行第2列"


def test_extract_cli_accepts_html_among_other_inputs(tmp_path):
    import json
    from typer.testing import CliRunner
    from checker.cli import app
    vals = values_for("2021")
    good = tmp_path / "a.htm"
    good.write_bytes(page("2021", vals, charset="gbk").encode("gbk"))
    empty = tmp_path / "b.html"
    empty.write_bytes(b"")
    out = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert out.exit_code == 2          # one input was bad; the other is still output
    data = json.loads(out.stdout)
    [rep] = [r for r in data["reports"] if r["source"].endswith("a.htm")]
    assert rep["cells"]["requests.handled_total.total"] == vals["requests.handled_total.total"]
    assert rep["locations"]["requests.handled_total.total"].startswith("表格2第")


def test_word_document_saved_as_web_page(tmp_path):
    """The project's 2021 Word template, filled, saved as a web page by LibreOffice (the markup an
    office's "另存为网页" produces: <font>/<span> soup, styles, merged cells), read back; and the
    same page re-saved in GBK."""
    from docfill import fill_2021, soffice, to_html
    if soffice() is None:
        pytest.skip("需要 LibreOffice（make system 安装）把 .docx 存为网页")
    vals = values_for("2021")
    src = fill_2021(vals, tmp_path / "report.docx", title="某市某区财政局2021年政府信息公开工作年度报告")
    utf8 = to_html(src, tmp_path)
    [r] = html_reader.read(utf8)
    assert r.cells == vals and r.findings == []
    assert (r.unit, r.year) == ("某市某区财政局", 2021)
    text = utf8.read_text(encoding="utf-8").replace("charset=utf-8", "charset=gbk")
    gbk = tmp_path / "report_gbk.htm"
    gbk.write_bytes(text.encode("gbk"))
    [r] = html_reader.read(gbk)
    assert r.cells == vals


def test_tables_pasted_as_preformatted_text_and_spaced_paragraphs(tmp_path):
    """Pages where the tables were pasted as text: a <pre> block with tab-separated rows, and
    paragraphs whose cells are kept apart by &nbsp; runs or single spaces."""
    vals = values_for("2021")
    appeals = [str(int(vals[f"appeals.count.{c.id}"])) for c in template("2021").table("appeals").rows[0].columns]
    req = [r for r in template("2021").table("requests").rows]
    pre_rows = "\n".join("\t".join([r.label] + [str(int(vals[f"requests.{r.id}.{c}"])) for c in COLS]) for r in req)
    active = template("2021").table("active")
    p_rows = "".join(
        "<p>" + "&nbsp;&nbsp;".join([r.label] + [_num(vals[f"active.{r.id}.{c.id}"]) for c in r.columns]) + "</p>"
        for r in active.rows)
    page_text = ("<html><body><h1>某市某区财政局2021年政府信息公开工作年度报告</h1>"
                 "<p>二、主动公开政府信息情况</p>" + p_rows
                 + "<p>三、收到和处理政府信息公开申请情况</p><pre>" + pre_rows + "</pre>"
                 + "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>" + " ".join(appeals) + "</p></body></html>")
    p = tmp_path / "pasted.html"
    p.write_text(page_text, encoding="utf-8")
    [r] = html_reader.read(p)
    assert r.cells == vals, {k: (r.cells.get(k), v) for k, v in vals.items() if r.cells.get(k) != v}


def _num(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def test_utf8_page_that_still_declares_gb2312(tmp_path):
    """A page re-saved as UTF-8 by the browser while its <meta> still says gb2312: read as UTF-8."""
    vals = values_for("2021")
    p = tmp_path / "resaved.html"
    p.write_bytes(page("2021", vals, charset="gb2312").encode("utf-8"))
    [r] = html_reader.read(p)
    assert r.cells == vals and r.unit == "某市某区财政局"


def test_undecodable_page_is_f5(tmp_path):
    p = tmp_path / "乱码.html"
    p.write_bytes(b'<html><head><meta charset="x-unknown-9"></head><body>' + bytes(range(0x80, 0x100)) * 3 + b"</body></html>")
    [f] = read_path(p).failures
    assert "乱码.html" in f.message and "编码无法识别" in f.message and "x-unknown-9" in f.message


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_real_seeds_as_web_pages(seeds, tmp_path, seed):
    """The real seeds as pages (their tab rows as <table>s, the rest as paragraphs): the same
    metadata, cells, prose figures and form findings as the text reader gives. (Seed 000 differs
    on purpose: its rows end in a tab, which in a text is a layout gap (F3) but as an empty <td>
    is a blank cell (F1).)"""
    from bench.htmlpage import seed_page
    from checker.readers.text import read as read_text
    p = tmp_path / f"{seed}.html"
    p.write_text(seed_page(seeds[seed].read_text(encoding="utf-8")), encoding="utf-8")
    [got] = html_reader.read(p)
    [want] = read_text(seeds[seed])
    assert_reads_like_text(got, want)


def test_rows_missing_their_trailing_cells_are_blanks_in_place(tmp_path):
    """A CMS that drops a row's trailing empty <td>s: the browser shows blank cells there, and so
    does the reader (F1 on exactly those cells), instead of a short row whose cells cannot be placed."""
    import re as _re
    vals = dict(values_for("2021"))
    for c in ("legal_services", "other_org", "total"):
        vals[f"requests.denied.internal.{c}"] = None
    text = page("2021", vals)
    # drop the three empty trailing cells of that row from the markup
    text = _re.sub(r"(5\.属于三类内部事务信息</p></td>(?:<td><p>\d+</p></td>){4})(?:<td><p></p></td>){3}", r"\1", text)
    assert text.count("<td><p></p></td>") == 0
    p = tmp_path / "short.html"
    p.write_text(text, encoding="utf-8")
    [r] = html_reader.read(p)
    assert r.cells == vals
    [f1] = [f for f in r.findings if f.rule == "F1"]
    assert {c.cell for c in f1.cells} == {f"requests.denied.internal.{c}" for c in ("legal_services", "other_org", "total")}
    assert not [f for f in r.findings if f.rule == "F3"]
