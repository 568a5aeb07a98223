"""The official table layouts (three label columns in table 三, as the template prints them) as rows of printed cells, filled with known values, for the reader tests.

Written from the printed 2019/2021 templates (titles, 第二十条 headings, header rows, group labels
in their own column), not from the readers' keys, so a test reads what an office would print."""
from __future__ import annotations

from checker.templates import template

REQ_HEAD = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"]
REQ_COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
APPEAL_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def values_for(fmt: str, seed: int = 7) -> dict[str, float]:
    """Distinct known values for every cell (decimals for 万元, a negative 增/减)."""
    out = {}
    for i, c in enumerate(template(fmt).cells):
        v = (i * seed) % 97 + 1
        if c.kind == "wan":
            v = v + 0.25
        if c.kind == "signed":
            v = -v
        out[c.id] = v
    return out


def _fmt(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def active_rows(fmt: str, vals: dict) -> list[list[str]]:
    t = template(fmt).table("active")
    rows = [["二、主动公开政府信息情况"]]
    section = None
    for r in t.rows:
        if r.section != section:
            section = r.section
            rows.append([section])
            rows.append(["信息内容"] + [c.label for c in r.columns])
        rows.append([r.label] + [_fmt(vals.get(f"active.{r.id}.{c.id}")) for c in r.columns])
    return rows


def requests_rows(fmt: str, vals: dict) -> list[list[str]]:
    t = template(fmt).table("requests")
    rows = [["三、收到和处理政府信息公开申请情况"], REQ_HEAD,
            ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    last_group = None
    for r in t.rows:
        cells = [_fmt(vals.get(f"requests.{r.id}.{c}")) for c in
                 ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")]
        if r.id in ("received", "carried_over", "carried_forward"):
            rows.append([r.label, "", ""] + cells)
        elif r.group and r.group.startswith("（"):
            first = r.group != last_group
            rows.append(["", r.group if first else "", r.label] + cells)
        else:
            rows.append(["三、本年度办理结果" if r.id == "granted" else "", r.label, ""] + cells)
        last_group = r.group
    return rows


def appeals_rows(vals: dict) -> list[list[str]]:
    ids = [c.id for c in template("2021").cells if c.table == "appeals"]
    return [["四、政府信息公开行政复议、行政诉讼情况"],
            ["行政复议", "", "", "", "", "行政诉讼"],
            [""] * 5 + ["未经复议直接起诉", "", "", "", "", "复议后起诉"],
            APPEAL_RESULTS * 3,
            [_fmt(vals.get(i)) for i in ids]]


def all_rows(fmt: str, vals: dict) -> list[list[str]]:
    return active_rows(fmt, vals) + requests_rows(fmt, vals) + appeals_rows(vals)


def assert_reads_like_text(got, want) -> None:
    """A document reader's report of a seed (`got`) says what the text reader's (`want`) says:
    metadata, cells, the prose figures and the form findings."""
    assert (got.format, got.unit, got.year, got.period, got.published) == \
        (want.format, want.unit, want.year, want.period, want.published)
    assert got.cells == want.cells
    assert {(q.kind, q.value, q.cell) for q in got.prose} == {(q.kind, q.value, q.cell) for q in want.prose}
    assert sorted(f.rule for f in got.findings) == sorted(f.rule for f in want.findings)
