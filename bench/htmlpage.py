"""A saved government web page holding a report: site chrome (navigation, breadcrumb, footer,
scripts), a layout table around the article, and the three official tables with their
rowspan/colspan headers as the templates print them. Written from the printed templates."""
from __future__ import annotations

from html import escape

from checker.templates import template

REQ_COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")


def _v(vals: dict, cid: str) -> str:
    v = vals.get(cid)
    if v is None:
        return ""
    if isinstance(v, str):
        return escape(v)
    return str(int(v)) if float(v).is_integer() else str(v)


def _td(text: str, rs: int = 1, cs: int = 1) -> str:
    attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f" colspan='{cs}'" if cs > 1 else "")
    return f"<td{attrs}><p>{text}</p></td>"


def active_table(fmt: str, vals: dict) -> str:
    t = template(fmt).table("active")
    width = max(len(r.columns) for r in t.rows) + 1
    out, section = [], None
    for r in t.rows:
        if r.section != section:
            section = r.section
            out.append("<tr>" + _td(section, cs=width) + "</tr>")
            heads = [c.label for c in r.columns]
            cells = [_td("信息内容")]
            cells += [_td(h) for h in heads[:-1]] + [_td(heads[-1], cs=width - len(heads))]
            out.append("<tr>" + "".join(cells) + "</tr>")
        vs = [_v(vals, f"active.{r.id}.{c.id}") for c in r.columns]
        cells = [_td(escape(r.label))] + [_td(v) for v in vs[:-1]] + [_td(vs[-1], cs=width - len(vs))]
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border='1'>" + "".join(out) + "</table>"


def requests_table(fmt: str, vals: dict, runtogether: set[str] = frozenset()) -> str:
    t = template(fmt).table("requests")
    rows = t.rows
    result_rows = [r for r in rows if r.id not in ("received", "carried_over", "carried_forward")]
    out = [
        "<tr>" + _td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3)
        + _td("申请人情况", cs=7) + "</tr>",
        "<tr>" + _td("自然人", rs=2) + _td("法人或其他组织", cs=5) + _td("总计", rs=2) + "</tr>",
        "<tr>" + "".join(_td(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")) + "</tr>",
    ]
    first_result = True
    group_open = None
    for r in rows:
        if r.id in runtogether:
            vs = ["".join(_v(vals, f"requests.{r.id}.{c}") for c in REQ_COLS)] + [""] * 6
        else:
            vs = [_v(vals, f"requests.{r.id}.{c}") for c in REQ_COLS]
        values = "".join(_td(v) for v in vs)
        if r in result_rows:
            lead = _td("三、本年度办理结果", rs=len(result_rows)) if first_result else ""
            first_result = False
            if r.group and r.group.startswith("（"):
                if r.group != group_open:
                    group_open = r.group
                    n = sum(1 for x in rows if x.group == r.group)
                    lead += _td(r.group, rs=n)
                out.append("<tr>" + lead + _td(escape(r.label)) + values + "</tr>")
            else:
                out.append("<tr>" + lead + _td(escape(r.label), cs=2) + values + "</tr>")
        else:
            out.append("<tr>" + _td(escape(r.label), cs=3) + values + "</tr>")
    return "<table border='1'><tbody>" + "".join(out) + "</tbody></table>"


def appeals_table(vals: dict) -> str:
    res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    head = ("<tr>" + _td("行政复议", cs=5) + _td("行政诉讼", cs=10) + "</tr>"
            + "<tr>" + "".join(_td(x, rs=2) for x in res) + _td("未经复议直接起诉", cs=5)
            + _td("复议后起诉", cs=5) + "</tr>"
            + "<tr>" + "".join(_td(x) for x in res * 2) + "</tr>")
    cols = template("2021").table("appeals").rows[0].columns
    row = "<tr>" + "".join(_td(_v(vals, f"appeals.count.{c.id}")) for c in cols) + "</tr>"
    return "<table border='1'>" + head + row + "</table>"


def page(fmt: str, vals: dict, *, unit: str = "某市某区财政局", year: int = 2021, charset: str = "utf-8",
         runtogether: set[str] = frozenset(), said: str = "") -> str:
    """The page; `said`: sentences of the 总体情况 that state table figures, as some real pages do."""
    title = f"{unit}{year}年政府信息公开工作年度报告"
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_某区人民政府</title>
<style>.nav {{ color: red }}</style><script>var menu = "首页 行政许可 1 2 3";</script></head>
<body>
<div class="header"><img src="logo.png" alt="某区人民政府"> 某区人民政府门户网站</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/xzxk">行政许可</a></li><li><a href="/xzcf">行政处罚 12</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; 年度报告</div>
<table width="100%"><tr><td class="left-menu"><ul><li>机构职能</li><li>政策文件</li></ul></td><td>
<div class="article">
<h1>{title}</h1>
<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>
<h3>一、总体情况</h3><p>{year}年，本机关认真贯彻落实政府信息公开工作要求。{said}</p>
<h3>二、主动公开政府信息情况</h3>
{active_table(fmt, vals)}
<h3>三、收到和处理政府信息公开申请情况</h3>
{requests_table(fmt, vals, runtogether)}
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>
{appeals_table(vals)}
<h3>五、存在的主要问题及改进情况</h3><p>公开内容还不够全面。</p>
<h3>六、其他需要报告的事项</h3><p>本年度未收取信息处理费。</p>
<p style="text-align:right">{unit}<br>{year + 1}年1月20日</p>
</div></td></tr></table>
<div class="xglj"><h4>相关链接</h4><a href="http://a">广东省人民政府</a> <a href="http://b">深圳市宝安区人民政府</a>
<a href="http://c">中国政府网</a> <a href="http://d">国务院客户端</a></div>
<div class="footer">版权所有：某区人民政府 &copy; 备案号 12345678 <script>document.write("x")</script></div>
</body></html>"""


def seed_page(text: str) -> str:
    """A text report as a web page: runs of tab-separated lines become a <table> (one <td> per
    tab-separated cell, empty ones included), the other lines paragraphs; a navigation bar on top."""
    out: list[str] = []
    table: list[list[str]] = []

    def close() -> None:
        if table:
            out.append("<table border='1'>" + "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table) + "</table>")
            table.clear()

    for line in text.splitlines():
        if "\t" in line:
            table.append(line.split("\t"))
        else:
            close()
            if line.strip():
                out.append(f"<p>{escape(line)}</p>")
    close()
    return ("<html><head><meta charset='utf-8'></head><body><div class='nav'><a>首页</a> <a>政务公开</a></div>"
            + "".join(out) + "</body></html>")
