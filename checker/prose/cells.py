"""Which table cell a figure in a sentence states, where the meaning is clear.

A figure's label (the words before it in its clause) is matched against the row wording of the
template. Two rows matching one label, or a match right after a negation (不/未), means the
meaning is not clear: no cell. For 2019/2021 reports the prose states the request and appeal
tables' `total` column (in a sentence about requests, 申请/复议/诉讼), 现行有效行政规范性文件 and
表二's 处理决定数量 (行政许可/行政处罚/行政强制决定 N 件).

Some prose figures are the sum of two cells: 行政诉讼 N 件 is 直接起诉 + 复议后起诉, a 收办/受理 total
whose own parts name 上年结转 is 新收 + 上年结转. Such a figure's cell id joins the cells with "+"
(`expand` splits it).

Whose figures a sentence gives matters too: a bureau's tables hold the bureau's own figures, a
government's (区/市/县) hold its whole area's; "全市共受理……" in a bureau's report, or "区政府办代表
区政府受理……" in the district's, is about someone else (`same_subject`).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from ..templates import template

RECEIVED = "requests.received.total"
CARRIED = ("requests.carried_over.total", "requests.carried_forward.total")
HANDLED = "requests.received.total+requests.carried_over.total"
LITIGATION = "appeals.count.direct_suit.total+appeals.count.suit_after_review.total"
APPEALS_ALL = "appeals.count.review.total+" + LITIGATION    # "涉行政复议、行政诉讼案件 743 件"
IN_FORCE = "active.normative_docs.in_force"
GRANTED_ANY = "requests.granted.total+requests.partly_granted.total"

# (pattern, cell id or None). None marks wording with no cell of its own: it makes a label ambiguous.
_REQUESTS = (
    # "申请共 N 件" is the new requests, unless its verb is an outcome ("办结……申请共计 N 件")
    (r"(?:收到|接到|新收|受理|接收|共收).*申请|^(?!.*(?:办结|答复|办理|处理|回复)).*申请.*共计?$",
     "requests.received.total"),
    (r"上一?年度?结转|结转上一?年", "requests.carried_over.total"),   # "结转上年度办理 3 件"
    # the requests dealt with this year ("共办结 148 件", "答复政府信息公开申请 805 件") are （七）总计;
    # not an outcome's answers ("予以公开答复 966 件") nor 办结率
    # (not a carried request's answer: "其中，上年结转答复 1 件，结转下一年答复 1 件" are 上年结转 and 结转下年度办理;
    # not those answered in time: "受理申请 54 件，按时办结 54 件，办理上年结转 2 件" — 55 were answered in all)
    (r"^(?!.*(?:公开答复|不予|无法|同意|其他|处理|未|结转|按时|按期|如期|限期|时限|期限))(?:.*[^已])?(?:办结|答复)(?:了)?(?:政府信息)?(?:依申请)?(?:公开)?"
     r"(?:申请)?(?:共计?)?$", "requests.handled_total.total"),
    (r"结转(?:至|到)?下一?年", "requests.carried_forward.total"),
    (r"(?<![不未])(?:予以公开|同意公开)", "requests.granted.total"),
    (r"部分公开", "requests.partly_granted.total"),
    (r"国家秘密", "requests.denied.state_secret.total"),
    (r"法律行政法规禁止", "requests.denied.prohibited.total"),
    (r"三安全一稳定", "requests.denied.security.total"),
    (r"第三方合法权益", "requests.denied.third_party.total"),
    (r"内部事务", "requests.denied.internal.total"),
    (r"过程性信息", "requests.denied.process.total"),
    (r"行政执法案卷", "requests.denied.enforcement_file.total"),
    (r"行政查询", "requests.denied.inquiry.total"),
    (r"不掌握", "requests.unavailable.not_held.total"),
    # the template's own words, or its two halves ("…或没有现成信息及申请内容不明确无法提供的 33 件")
    (r"另行制作|没有现成信息|无现成信息", "requests.unavailable.needs_creation.total"),
    (r"补正后.*不明确|申请内容不明确", "requests.unavailable.unclear.total"),
    # the result row is about requests ("信访举报投诉类申请 2 件", seed 003's "属于信访举报类 1 条");
    # "信访投诉事项 7733 件" is the petitions an office handled (zhz_2023), not requests
    (r"(?:信访|举报|投诉)[^，,。；;]*(?:类|申请)|不予处理.*(?:信访|举报|投诉)", "requests.not_processed.petition.total"),
    (r"重复申请", "requests.not_processed.duplicate.total"),
    (r"公开出版物", "requests.not_processed.publication.total"),
    (r"大量反复", "requests.not_processed.excessive.total"),
    (r"确认或重新出具", "requests.not_processed.confirmation.total"),
    # （六）其他处理's rows of 2021 ("逾期未补正 2 件", "逾期未缴纳费用 0 件")
    (r"逾期[未不]补正|未补正", "requests.other.no_correction.total"),
    (r"逾期未(?:按收费通知要求)?缴纳|未缴纳[^，,。；;]{0,4}费", "requests.other.unpaid_fee.total"),
    (r"行政复议", "appeals.count.review.total"),
    (r"(?:直接|未经复议)(?:提起)?(?:行政)?(?:起诉|诉讼)", "appeals.count.direct_suit.total"),
    (r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)", "appeals.count.suit_after_review.total"),
    (r"行政诉讼|起诉", LITIGATION),
    (r"复议[^，,。；;]{0,4}(?:、|和|及|与)[^，,。；;]{0,4}(?:行政)?(?:诉讼|起诉)", APPEALS_ALL),
    # the reviews a government heard as the review body ("审理政府信息公开行政复议案件7起"), not those against it
    (r"审理[^，,。；;]*(?:复议|诉讼)|复议机关", None),
    # an appeal carried over from an earlier year ("结转起诉案件 2 件，结果维持") is not among the year's count
    (r"结转[^，,。；;]{0,6}(?:复议|诉讼|起诉)", None),
    # a result column of the appeal table ("行政复议结果维持 5 件", "尚未审结 1 件") is no row's 总计
    (r"(?:复议|诉讼|起诉)[^，,。；;]*(?:维持|纠正|撤销|其他结果|审结)", None),
    # a group of result rows ("因本机关不掌握等原因无法提供 265 件"): the sum of its rows; not the
    # count of information withheld ("不予公开信息数 137 条" is 表二-era wording about 信息)
    (r"不予公开(?!的?信息)", "group:（三）不予公开"),
    (r"无法提供(?!的?信息)", "group:（四）无法提供"),
    (r"不予处理", "group:（五）不予处理"),
    (r"其他处理", "group:（六）其他处理"),
    (r"(?<![不未])予以公开(?:及|或|和|与|、)部分公开", GRANTED_ANY),
    (r"不属于本(?:行政)?机关", None),
    # the requests one channel took in ("通过政务公开专区接收申请 12 件") are not all the new requests
    (r"通过(?![^，,。；;]*等)[^，,。；;]{1,20}(?:接收|收到|受理)", None),
    (r"未公开", None),
)
_COMPILED = tuple((re.compile(p), c) for p, c in _REQUESTS)
_NEGATION = "不未非无"


@lru_cache(maxsize=8192)   # report texts share their wording: most labels repeat across reports
def table_cell(label: str, fmt: str) -> str | None:
    """The request-table cell a clause like "按要求予以公开" states (format 2019/2021)."""
    hits = {_group(cell, fmt) if cell and cell.startswith("group:") else cell
            for rx, cell in _COMPILED if rx.search(label)}
    if len(hits) > 1 and None not in hits:
        hits = _sum_or_part(hits, label)
    if len(hits) != 1:
        return None
    cell = hits.pop()
    if cell is None or not all(c in template(fmt).index for c in expand(cell)):
        return None
    return cell


def result_group(cell: str | None) -> bool:
    """Is `cell` a sum of result rows a sentence states (a printed group, 予以公开及部分公开)?"""
    return cell is not None and cell in _result_groups()


@cache
def _result_groups() -> frozenset[str]:
    names = [c for _, c in _REQUESTS if c and c.startswith("group:")]
    return frozenset(filter(None, (_group(g, f) for g in names for f in ("2019", "2021")))) | {GRANTED_ANY}


def _sum_or_part(hits: set[str], label: str) -> set[str]:
    """A sum of cells named with its own parts: "予以公开及部分公开" (every part named) and "不掌握等原因
    无法提供" (等) are the sum; "行政诉讼中直接起诉 1 件" (one part named) is that narrower cell."""
    sums = [h for h in hits if "+" in h]
    if not sums:
        return hits
    whole = max(sums, key=lambda h: len(expand(h)))   # "行政复议、行政诉讼": the sum holding 行政诉讼's sum
    members = hits - {whole}
    covered = {c for m in members for c in expand(m)}
    if not covered <= set(expand(whole)):
        return hits
    if covered == set(expand(whole)) or "等" in label:
        return {whole}
    return members


@cache
def _group(marker: str, fmt: str) -> str | None:
    """The cells of a printed group of request rows ("（四）无法提供": its three rows' 总计), joined
    with "+"; a row of that name without sub-rows (2019's （六）其他处理) is its own cell."""
    name = marker.removeprefix("group:")
    table = next(t for t in template(fmt).tables if t.id == "requests")
    rows = [r.id for r in table.rows if r.group == name] or [r.id for r in table.rows if r.label == name]
    return "+".join(f"requests.{r}.total" for r in rows) or None


def expand(cell: str) -> list[str]:
    """The table cells a prose cell id stands for ("a+b" is the sum of a and b)."""
    return cell.split("+")


_IN_FORCE = re.compile(r"现行有效")
_NORMATIVE = re.compile(r"规范性文件")


def active_cell(label: str, sentence: str, fmt: str) -> str | None:
    """表二: "现行有效行政规范性文件 65 件" / "……规范性文件 34 件，现行有效 89 件" is the
    行政规范性文件·现行有效件数 cell (2021 template; 规章 in the same words makes it unclear)."""
    if fmt != "2021" or not _IN_FORCE.search(label) or _NEGATION_BEFORE.search(label):
        return None
    if not _NORMATIVE.search(label) and ("规章" in sentence or not _NORMATIVE.search(sentence)):
        return None
    if "规章" in label:
        return None
    return IN_FORCE


_NEGATION_BEFORE = re.compile(r"[不未非无]现行有效")

# 表二's 处理决定数量 in a sentence of its own: "立案查处各类违法行为并作出行政处罚决定784起" (two real
# Pingtan reports, equal to their table). Only the decisions themselves, counted in 件/起/宗: not
# 决定书 or 决定信息 (what was published), not 许可事项 N 项 (the items of the 2019 table).
_DECISIONS = re.compile(r"(?<![不未非无])(?:行政)?(许可|处罚|强制)(?:决定|决定数量|决定数|决定共计?|决定总数)$")
_DECISION_ROW = {"许可": "active.licensing.decisions", "处罚": "active.penalty.decisions",
                 "强制": "active.enforcement.decisions"}
_DECISION_UNITS = ("件", "起", "宗")


def decision_cell(label: str, unit: str, fmt: str) -> str | None:
    """表二's 本年处理决定数量 of 行政许可 / 行政处罚 / 行政强制 stated in the prose (2019 and 2021)."""
    m = _DECISIONS.search(label)
    if m is None or unit not in _DECISION_UNITS:
        return None
    cell = _DECISION_ROW[m.group(1)]
    return cell if cell in template(fmt).index else None


# Whose figures a sentence gives: its last subject word before the figure. "本机关不掌握" names a table
# row (1.本机关不掌握相关政府信息), not who counts.
_SUBJECT = re.compile(
    r"(?P<area>全(?:省|市|区|县|州|盟|旗|镇|乡|街道)|各(?:级|地|部门|单位|区县|县区|乡镇|街道|县市区)"
    r"|[省市区县]直各|[省市区县]级各)"
    r"|(?P<office>代表[^，,。；;]{0,8}(?:政府|管委会)|(?:政府|管委会)办(?:公室|公厅)?(?!理|法|事|结|件|公开)"
    r"|本级)"
    r"|(?P<own>本机关(?!不掌握)|本单位|本部门|本局|本委|本办|本厅|本院|我局|我委|我办|我厅|我院|我中心|我所|我站|我队)")
# A word right after these is an object, not who counts: "按照全区部署"、"按照省政府办公厅要求"、"向全市公开"
_OBJECT_OF = re.compile(r"(?:按照|根据|依据|围绕|结合|面向|指导|督促|配合|会同|协助|服务|向|对|为|给|在|于|与|和|及)[省市区县]?$")
_AREA_WORDS = "省市区县旗州盟镇乡"
_BODY_SUFFIX = ("局", "委", "办", "厅", "室", "处", "中心", "院", "所", "站", "队", "委员会", "公司", "馆", "社")
_AREA_SUFFIX = ("人民政府", "政府", "办事处", "管委会", "管理委员会", "实验区", "新区", "开发区",
                "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道")


class Level(NamedTuple):
    kind: str          # "area" (a government: its whole area's figures), "office" (a government's
    #                    general office), "body" (a bureau's own figures)
    area: str = ""     # an area's own word: 省 市 区 县 … ("全市" in a 区's report is someone else)
    committee: bool = False   # a 开发区's 管委会: "我委收到申请 3 宗" is the body itself, as its tables count


_OFFICE_NAME = re.compile(r"(?:政府|管委会|管理委员会)办公(?:室|厅)$|政府办$")
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处|管委会|管理委员会)$")


@lru_cache(maxsize=4096)     # one per unit name, not per report
def level(unit: str | None) -> Level | None:
    """Whose figures a report's tables hold, from its unit name; None when the name does not say."""
    name = (unit or "").strip()
    if not name:
        return None
    if _OFFICE_NAME.search(name):
        return Level("office")
    if name.endswith(_AREA_SUFFIX) and not name.endswith("管理局"):
        place = _GOVERNMENT.sub("", name)        # "道里区人民政府" -> 道里区 -> 区
        area = "街" if place.endswith("街道") else next((ch for ch in reversed(place) if ch in _AREA_WORDS), "")
        return Level("area", area, name.endswith(("管委会", "管理委员会")))
    if name.endswith(_BODY_SUFFIX):
        return Level("body")
    return None


def subjects(sentence: str) -> list[tuple[int, tuple[str, str]]]:
    """The subject words of a sentence: (end offset, (whose, word)); whose is area/office/own.
    A word after a verb that makes it an object (`_OBJECT_OF`) is no subject."""
    out = []
    for m in _SUBJECT.finditer(sentence):
        if _OBJECT_OF.search(sentence, max(0, m.start() - 4), m.start()):
            continue
        out.append((m.end(), (m.lastgroup, m.group(0))))
    return out


def same_subject(report_level: Level | None, said: list[tuple[str, str]]) -> bool:
    """Does a sentence whose subject words up to the figure are `said` (see `subjects`) speak of
    whom the report's tables count? No subject word, or a report of unknown level: yes."""
    if report_level is None or not said:
        return True
    whose, word = said[-1]
    if report_level.committee and word in ("我委", "本委"):
        return True
    if report_level.kind == "area":
        # "全市" in a 区's report: a wider area; "各部门" (no area word) is the area's own
        return whose == "area" and not (
            word.startswith("全") and report_level.area and word[1] in _AREA_WORDS + "街" and word[1] != report_level.area)
    # a bureau or an office: its own figures, or an office acting for its government
    return whose == "own" or (whose == "office" and report_level.kind == "office")


@cache
def _legacy_keys() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every legacy row's wording, longest first; key -> cell."""
    keys = {k: row.id for row in template("legacy").tables[0].rows for k in row.keys}
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))), keys


@lru_cache(maxsize=8192)
def legacy_cell(label: str) -> str | None:
    """The legacy statistical-table cell a clause like "通过政务微博公开政府信息" states.
    Matches do not overlap, longest first: "同意部分公开" is not also "部分公开"."""
    rx, keys = _legacy_keys()
    cells = set()
    for m in rx.finditer(label):
        key = m.group(0)
        # "不同意公开答复数" is not "同意公开答复数": wording right after a negation does not count
        if m.start() and label[m.start() - 1] in _NEGATION and key[0] not in _NEGATION:
            continue
        # "其他应主动公开的政府信息 21 条": a kind of information the law lists, not the total published
        if m.start() and key.startswith("主动公开") and label[m.start() - 1] == "应":
            continue
        cells.add(keys[key])
    return cells.pop() if len(cells) == 1 else None

