"""A report as text in the seeds' layout: title line, period sentence, the six outline headings,
the three tables as tab-separated rows with the templates' official labels, a prose sentence with
figures (like seed 003's) and the signature."""
from __future__ import annotations

import math

from checker.model import Report
from checker.templates import template

APPEALS_HEAD = [
    "政府信息公开行政复议、行政诉讼情况",
    "行政复议\t\t\t\t\t行政诉讼",
    "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
    "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
]
REQUESTS_HEAD = [
    "收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
    "\t自然人\t法人或其他组织\t\t\t\t\t总计",
    "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
]


def _v(r: Report, cell: str) -> str:
    v = r.values[template(r.format).index[cell]]
    if math.isnan(v):
        return ""
    meta = r.cell_meta.get(cell, {})
    if meta.get("decimals"):
        return f"{v:.{meta['decimals']}f}"
    return str(int(v)) if float(v).is_integer() else str(v)


def _active(r: Report) -> list[str]:
    tpl = template(r.format)
    table = tpl.table("active")
    out = [table.label]
    section = None
    for row in table.rows:
        if row.section != section:
            section = row.section
            out.append(section)
            out.append("\t".join(["信息内容"] + [c.label for c in row.columns]))
        out.append("\t".join([row.label] + [_v(r, f"active.{row.id}.{c.id}") for c in row.columns]))
    return out


def _requests(r: Report) -> list[str]:
    table = template(r.format).table("requests")
    out = list(REQUESTS_HEAD)
    groups_seen = set()
    for row in table.rows:
        values = [_v(r, f"requests.{row.id}.{c.id}") for c in row.columns]
        prefix = []
        if row.group and row.group not in groups_seen:
            groups_seen.add(row.group)
            if row.group.startswith("三"):
                prefix = [row.group]
            else:
                prefix = ["", row.group]
        elif row.group:
            prefix = [""] * (1 if row.group.startswith("三") else 2)
        out.append("\t".join(prefix + [row.label] + values))
    return out


def _appeals(r: Report) -> list[str]:
    cells = [c.id for c in template(r.format).cells if c.table == "appeals"]
    return APPEALS_HEAD + ["\t".join(_v(r, c) for c in cells)]


# how the prose states a 处理决定数量 (the real wording: "作出行政处罚决定784起")
DECISION_WORDS = {"active.licensing.decisions": ("行政许可", "件"), "active.penalty.decisions": ("行政处罚", "起"),
                  "active.enforcement.decisions": ("行政强制", "件")}


def report_text(r: Report, received, granted, period_year: int, decisions: tuple[str, float] | None = None) -> str:
    y = r.year
    lines = [
        f"{r.unit} {y} 年政府信息公开工作年度报告", "",
        f"本年度报告依据《中华人民共和国政府信息公开条例》编制。本年度报告所列数据统计期限自 {period_year} 年 1 月 1 日起至 "
        f"{period_year} 年 12 月 31 日。如有疑问请与{r.unit}联系。", "",
        "一、总体情况", "",
        f"{y} 年，{r.unit}认真贯彻政府信息公开条例，坚持以公开为常态、不公开为例外。",
    ]
    if received is not None:
        lines.append(f"{y} 年共收到政府信息公开申请 {received} 件，予以公开 {granted} 件。")
    if decisions is not None:
        what, word = DECISION_WORDS[decisions[0]]
        lines.append(f"全年依法作出{what}决定 {int(decisions[1])} {word}，全部按规定公开。")
    lines += ["", "二、主动公开政府信息情况", ""] + _active(r)
    lines += ["", "三、收到和处理政府信息公开申请情况", ""] + _requests(r)
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""] + _appeals(r)
    lines += ["", "五、存在的主要问题及改进措施", "", "信息公开的及时性还需提高，下一步将完善工作机制。",
              "", "六、其他需要报告的事项", "", "本年度无其他需要报告的事项。", "",
              r.unit, f"{y + 1}年1月20日", ""]
    return "\n".join(lines)
