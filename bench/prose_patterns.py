"""Real prose sentence patterns in generated reports: for each kind of sentence, reports whose
sentence agrees with their own tables (no R10/P1/P2 error may be raised on them) and copies with one
figure of the sentence wrong (the rule named with the kind must find it). The sentences follow
published reports' wording (see tests/prose/test_prose_patterns.py for the real ones); the figures
come from each generated report's tables.

    python -m bench.prose_patterns [--units 50] [--seed 1] [--json]

"查出" counts a wrong copy on which the kind's rule says something it does not say on the right copy
(an error, or for a list whose part is as large as its total a warning).
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass

from checker.check import check
from checker.model import Report
from checker.prose.cells import level
from checker.readers.text import read_text

from .generate import district
from .text_layout import report_text

RULES = ["R10", "P1", "P2"]


def _i(r: Report, cell: str) -> int:
    v = r.get(cell)
    return int(v) if v is not None else 0


# Each kind: (who writes it, the rule that must find the wrong copy, sentence(report, rng, wrong)).
# `wrong` shifts one figure by +1; every sentence ends in "。".
def _handled(r, rng, wrong):
    new, old = _i(r, "requests.received.total"), _i(r, "requests.carried_over.total")
    return (f"全年共收办政府信息公开申请 {new + old + wrong} 件，其中本年新收 {new} 件，上年结转 {old} 件。")


def _received_with_carried(r, rng, wrong):
    # as the 2022 Pingtan zone report: "收到" with the year's whole workload, no parts naming 上年结转
    new, old = _i(r, "requests.received.total"), _i(r, "requests.carried_over.total")
    people = _i(r, "requests.received.natural_person") + _i(r, "requests.carried_over.natural_person")
    return (f"全年收到政府信息公开申请 {new + old + wrong} 件，涉及自然人 {people} 件，均在法定期限内予以答复。")


def _office_for_government(r, rng, wrong):
    # the office's own count is some other number; the district-wide one is the table's
    return (f"区政府办代表区政府受理政府信息公开申请 {rng.randint(1, 30)} 件，"
            f"全区共收到政府信息公开申请 {_i(r, 'requests.received.total') + wrong} 件。")


def _area_in_bureau(r, rng, wrong):
    return (f"按照全区统一部署，全市共受理政府信息公开申请 {rng.randint(500, 3000)} 件，"
            f"我局共收到政府信息公开申请 {_i(r, 'requests.received.total') + wrong} 件。")


def _parenthetical(r, rng, wrong):
    new = _i(r, "requests.received.total")
    online = rng.randint(0, new)
    return (f"全年共收到政府信息公开申请 {new} 件（其中依托政务服务网提交 {online} 件），同比增加 "
            f"{rng.randint(1, 20)} 件，其中当面申请 {new - online + wrong} 件、网络申请 {online} 件。")


def _bare(r, rng, wrong):
    # as shs_2022: after the list, the sentence goes on with other figures in the same unit
    a, b, c = rng.randint(50, 400), rng.randint(0, 300), rng.randint(0, 50)
    x, y = rng.randint(a // 2, a), rng.randint(a // 2, a)
    return (f"全年印发公文类政府信息共{a + b + c}条，其中主动公开信息数{a + wrong}，依申请公开信息数{b}条，"
            f"不予公开{c}条；全年通过政府门户网站主动公开民政扶贫救灾社会保障就业类信息{x}条，科教卫健类信息{y}条。")


def _sub_items(r, rng, wrong):
    total = rng.randint(60, 120)
    lic = rng.randint(30, total - 10)
    parts = [rng.randint(1, lic) for _ in range(3)]
    shares = [round(100 * p / lic, 1) for p in parts]
    shares[1] += 0.5 * wrong
    return (f"在省网绑定并发布的事项共有{total}项，其中行政许可{lic}项，实现“一趟不用跑”的有{parts[0]}项，"
            f"占比{shares[0]}%；实现“全程网办”的有{parts[1]}项，占比{shares[1]}%；即办件有{parts[2]}项，"
            f"占比{shares[2]}%。")


def _opening_qizhong(r, rng, wrong):
    # as gaj_2024: the sentence before ends with a breakdown; "其中" opens the next sentence
    # 办结 is the year's requests dealt with, （七）总计: the sentence's total is the table's
    granted, partly = _i(r, "requests.granted.total"), _i(r, "requests.partly_granted.total")
    total = _i(r, "requests.handled_total.total")
    other = total - granted - partly
    return (f"我局办结政府信息公开申请共计{total}件，申请事项涉及小区备案信息{rng.randint(0, total)}件，均按要求办理。"
            f"其中，同意公开{granted + wrong}件；区分处理后公开{partly}件；其他情形{other}件。")


def _added_removed(r, rng, wrong):
    before, gone, added = rng.randint(20, 40), rng.randint(1, 6), rng.randint(1, 6)
    return (f"从原有的{before}家政务新媒体调整为{before - gone + added}家，其中，注销{gone}家维护更新不及时的"
            f"政务新媒体，新增区行政审批局、区交通建设局等{added}家政务新媒体。")


def _deng(r, rng, wrong):
    parts = [rng.randint(1, 60) for _ in range(4)]
    total = sum(parts) + rng.randint(5, 40)
    if wrong:                      # the listed parts exceed the total: an error whatever 等 says
        total = sum(parts) - 1
    return (f"全文电子化的主动公开信息数共{total}条，其中:财税金融等政策及解读共{parts[0]}条；财政预算、决算报告共"
            f"{parts[1]}条；专项资金使用情况公开共{parts[2]}条；公示公告信息{parts[3]}条等。")


def _litigation(r, rng, wrong):
    n = _i(r, "appeals.count.direct_suit.total") + _i(r, "appeals.count.suit_after_review.total")
    return f"全年发生政府信息公开行政复议案件 {_i(r, 'appeals.count.review.total')} 件，行政诉讼案件 {n + wrong} 件。"


def _decided_suits(r, rng, wrong):
    # the suits decided this year only (total − 尚未审结): a reading R10 names in a warning
    n = sum(_i(r, f"appeals.count.{c}.{k}") * (1 if k == "total" else -1)
            for c in ("direct_suit", "suit_after_review") for k in ("total", "pending"))
    pending = _i(r, "appeals.count.direct_suit.pending") + _i(r, "appeals.count.suit_after_review.pending")
    return f"全年审结政府信息公开行政诉讼案件 {n + wrong * (pending + 1)} 件。"   # wrong: neither reading


def _in_force(r, rng, wrong):
    return (f"本年度制发行政规范性文件 {_i(r, 'active.normative_docs.issued')} 件，现行有效行政规范性文件 "
            f"{_i(r, 'active.normative_docs.in_force') + wrong} 件。")


def _sum_of(r, *prefixes):
    return sum(_i(r, c.replace(".natural_person", ".total")) for c in r.cells
               if c.endswith(".natural_person") and c.startswith(prefixes))


def _result_groups(r, rng, wrong):
    # as 上海市政府办公厅 2019: "予以公开及部分公开258件……因本机关不掌握等原因无法提供265件；不予处理158件"
    shown = _i(r, "requests.granted.total") + _i(r, "requests.partly_granted.total")
    return (f"全年办理政府信息公开申请，予以公开及部分公开 {shown} 件，不予公开 {_sum_of(r, 'requests.denied.')} 件，"
            f"因本机关不掌握等原因无法提供 {_sum_of(r, 'requests.unavailable.') + wrong} 件，"
            f"不予处理 {_sum_of(r, 'requests.not_processed.')} 件。")


def _petitions_handled(r, rng, wrong):
    # as zhz_2023: the petitions an office handled, next to a sentence about requests; no table cell
    return (f"全年收到政府信息公开申请 {_i(r, 'requests.received.total')} 件。共接收处置转办信访、网络投诉等"
            f"信访投诉事项 {rng.randint(500, 9000)} 件，处置率达100%。")


def _share_of_another_thing(r, rng, wrong):
    # as hzs_2019: the share is of the calls (电话量), the figure before it counts the lines
    lines, calls = rng.randint(5, 15), rng.randint(20000, 90000)
    return (f"整合12345、12315等{lines}条热线短号，累计接听电话{calls}通，来自{lines}条热线短号电话量占总数的"
            f"{round(rng.uniform(5, 20), 2)}%。")


def _told_along(r, rng, wrong):
    # as hzs_2025: two of the total's parts with remarks between them; parts exceeding it are still wrong
    a, b = rng.randint(50, 200), rng.randint(1, 9)
    total = a + b - 1 if wrong else a + b + rng.randint(10, 80)
    return (f"全年累计主动公开政府信息{total}条。其中，项目审批信息{a}条，持续保持高频更新；行政规范性文件{b}条，"
            f"有效保障了公众的知情权。")


def _dealt_with(r, rng, wrong):
    # as ptzhsyq_2025 "共办结148件", jtj_2024 "依法办结政府信息公开申请58件": （七）总计
    return f"全年共办结政府信息公开申请 {_i(r, 'requests.handled_total.total') + wrong} 件，均在法定期限内答复。"


@dataclass(frozen=True)
class Kind:
    name: str
    who: str            # "unit" (any unit's report), "bureau" (a bureau's: "我局……"), "district" (the government's)
    rules: tuple        # the rules one of which must find the wrong copy (none: no rule checks this sentence)
    sentence: object
    needs: tuple = ()   # cells that must not be 0 in the report's table for the sentence to mean anything


KINDS = (
    Kind("收办=新收+上年结转", "unit", ("R10",), _handled, ("requests.carried_over.total",)),
    Kind("收到=新收+上年结转（无分项）", "unit", ("R10",), _received_with_carried, ("requests.carried_over.total",)),
    Kind("区政府办代表区政府", "district", ("R10",), _office_for_government),
    Kind("部门报告中的全市", "bureau", ("R10",), _area_in_bureau),
    Kind("括号中的其中", "unit", ("P1",), _parenthetical),
    Kind("无量词的数字", "unit", ("P1",), _bare),
    Kind("占比的子项", "unit", ("P2",), _sub_items),
    Kind("句首的其中", "unit", ("P1", "R10"), _opening_qizhong),
    Kind("注销与新增", "unit", (), _added_removed),
    Kind("以等结尾的列举", "unit", ("P1",), _deng),
    Kind("行政诉讼", "unit", ("R10",), _litigation),
    Kind("行政诉讼（仅已审结）", "unit", ("R10",), _decided_suits, ("appeals.count.direct_suit.pending",)),
    Kind("现行有效规范性文件", "unit", ("R10",), _in_force),
    Kind("办理结果分组（无法提供等）", "unit", ("R10",), _result_groups),
    Kind("信访投诉事项", "unit", (), _petitions_handled),
    Kind("占比前另有所指", "unit", (), _share_of_another_thing),
    Kind("夹叙的列举", "unit", ("P1",), _told_along),
    Kind("办结=（七）总计", "unit", ("R10",), _dealt_with),
)


def _text(r: Report, sentence: str) -> str:
    base = report_text(r, None, None, r.year)
    anchor = "坚持以公开为常态、不公开为例外。"
    return base.replace(anchor, anchor + sentence, 1)


def run(n_units: int = 50, seed: int = 1) -> dict:
    """Per kind: correct reports, false errors on them, wrong copies, and how many were found."""
    # two years: the second has 上年结转 and pending suits carried from the first
    d = district(n_units, years=(2020, 2021), seed=seed)
    units = [r for r in d.reports if r.unit != d.parent_unit and r.year == 2021]
    # district governments' reports: one per generated district, so several small districts
    governments = [next(r for r in g.reports if r.unit == g.parent_unit)
                   for g in (district(2, years=(2021,), seed=seed * 1000 + k) for k in range(n_units // 3))]
    rng = random.Random(seed)
    out: dict[str, dict] = {}
    for kind in KINDS:
        pool = governments if kind.who == "district" else units
        pool = [r for r in pool if all(_i(r, c) for c in kind.needs)
                and (kind.who != "bureau" or level(r.unit).kind == "body")]
        row = {"correct": 0, "false_errors": 0, "warnings": 0, "wrong": 0, "found": 0, "examples": []}
        for r in pool:
            state = rng.getstate()
            good = _read(r, kind.sentence(r, rng, 0))
            rng.setstate(state)      # the wrong copy: the same sentence, one figure off
            bad = _read(r, kind.sentence(r, rng, 1))
            on_good = check([good], select=RULES).findings
            errors = [f for f in on_good if f.severity == "error"]
            row["correct"] += 1
            row["false_errors"] += len(errors)
            row["warnings"] += len(on_good) - len(errors)
            row["examples"] += [f.message for f in errors[:1]]
            if kind.rules:
                # found: the rule says something about the wrong copy it did not say about the right one
                said = {(f.rule, f.severity) for f in on_good}
                row["wrong"] += 1
                row["found"] += any(f.rule in kind.rules and (f.rule, f.severity) not in said
                                    for f in check([bad], select=RULES).findings)
        row["examples"] = row["examples"][:3]
        out[kind.name] = row
    return out


def _read(r: Report, sentence: str) -> Report:
    name = f"{r.unit}{r.year}.txt"
    return read_text(_text(r, sentence), name, name)


def report(result: dict) -> str:
    lines = ["正文句式（每类：与表格一致的报告上的误报错误；改错一个数字后的查出数）："]
    for name, k in result.items():
        found = f"{k['found']}/{k['wrong']}" if k["wrong"] else "—（无规则核对此句）"
        lines.append(f"    {name:<12} 正确报告 {k['correct']:>3}  误报错误 {k['false_errors']:>2}  "
                     f"警告 {k['warnings']:>2}  查出 {found}")
        lines += [f"      误报：{m[:120]}" for m in k["examples"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    import argparse
    ap = argparse.ArgumentParser(description="在合成报告中写入真实句式，测量正文规则的误报和查出")
    ap.add_argument("--units", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = run(a.units, a.seed)
    print(json.dumps(result, ensure_ascii=False, indent=2) if a.json else report(result))


if __name__ == "__main__":
    main()
