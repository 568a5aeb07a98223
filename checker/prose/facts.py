"""Prose figures as `ProseFact`s: single figures mapped to cells, sums ("共16件，其中……10件、……2件")
and shares ("386 项，占比 96.5%" of 400).

Interpretation is decided here, checking is left to the rules: a sum's parts are chosen so that a
report that states a true sum is read as one (the parts in the total's unit, or the run of parts
that adds up to it: 002's "7754条，其中……152个"); a list that is not plainly one list in one unit is
marked `clear=False`, so that a mismatch is at most a warning.
"""
from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from ..numbers import ROUNDING, SAME
from ..model import ProseFact
from . import cells, decisions, normative
from .counts import BARE, SENTENCE_END, Brackets, Count, Stops
from .flow import Flow

_SUM_MARK = re.compile(r"其中|分别为|分别是|包括")
# "在主动公开的 90 条政府信息中，……": a scope around a count says what follows shares it out, as 其中 does.
# Found from its "中，" backwards (a regex starting at every digit of a report costs more).
_SCOPE_AFTER = re.compile(r"中[，,：:]")
_SCOPE_BEFORE = re.compile(r"\d\s*[条件项个份篇]([^，,。；;：:、\d\n（(）)]{0,16})$")
# A list closed by its catch-all ("……类信息 8 条，其他应主动公开的政府信息 19 条") names every part
_CATCH_ALL = re.compile(r"[“\"（(]?其[他它]")
# Parts adding up to less than this share of their total, none of them "其他": examples picked from it, not
# its parts (a share-out that left out four fifths of its total is no slip to name)
_EXAMPLES = 0.2
# The kinds a total is said to span, right before it ("17个重点领域累计更新信息151条"): a list naming fewer
# kinds ("其中政务动态51条、政策解读13条") picks examples from them, it does not share the total out
_KINDS_BEFORE = re.compile(r"(\d+)\s*[个类项][^\d，,。；;：:]{1,16}$")
# Counting words for documents and items of information: "发布信息 607 条，其中主动公开 380 份"
_DOCUMENTS = ("条", "份", "篇", "件")
_SHARE_MARK = re.compile(r"占")
_REQUEST_CONTEXT = re.compile("申请|复议|诉讼")
# what else an office takes in and answers: a hotline's calls, a mailbox's letters, messages, proposals
# ("12345市民服务热线共受理2720件……办结2680件" under a paragraph on 依申请公开): their counts are no request cell
# unless the figure's own sentence, before it, speaks of 申请 too
_OTHER_INTAKE = re.compile("热线|信箱|留言|来信|来电|来访|工单|诉求|提案|咨询")
# applications for something else than information (a licence, an approval)
_OTHER_APPLICATION = re.compile(r"(?:许可|审批)[^，,；;。]{0,4}申请")
_ACTIVE_CONTEXT = re.compile("规范性文件")
_ACTIVE_INFO = re.compile("主动公开")
# A figure about another time ("上年收到申请 5 件", "同比增加 3 件", "累计") is not this year's cell.
_OTHER_TIME = re.compile(r"(?<!结转)上一?年(?!度?结转)|去年|同比|较上|比上|累计|以来|历年|往年|前年|增加|减少|增长|下降")
# A change ("同比增加 20 件") is no total of the parts that follow it.
_CHANGE = re.compile(r"同比|较上|比上|增加|减少|增长|下降|增幅|降幅")
# Parts that add and remove ("注销 5 家……，新增 3 家") tell how a total changed, not what it holds.
_ADDED = re.compile(r"新增|增加|新开|新设|新建")
_REMOVED = re.compile(r"注销|关停|撤销|撤并|减少|关闭|取消|废止")
# the year a sentence opens with ("2022年,…", after its heading if any: "(三) 政府信息管理情况 2022年,…"): its figures'
_LEAD_YEAR = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)][^。，,；;\d]{0,16}?)?\s*((?:19|20)\d\d)\s*年度?\s*[，,]")
_YEAR_IN_LABEL = re.compile(r"((?:19|20)\d\d)\s*年")
_LIST_END = re.compile(r"\s*等")
# the others named after the last part without a figure: "……108 条，其他栏目信息均按照时间节点及时发布"
_OTHERS_UNTOLD = re.compile(r"\s*[，,；;、]\s*(?:以及|及|和|另有)?\s*其[他它余]")
# the list's sentence ends and the next goes on with more ("……财务信息 4 件。此外，公开……703 件"): the list was some
_MORE_AFTER = re.compile(r"\s*[。；;]\s*(?:此外|另外|另有|除此之外|除此以外)")
# a mark that breaks the part before it down (see `_list_end`)
# `具体为`: "……网主动公开信息140条,具体为:……41条、……34条……": a part's own list (铜梁区城管局 2022)
_BREAKDOWN = re.compile(r"其中|分别为|分别是|包括|内有|内含|具体为|具体是|具体包括")
_STATEMENT_END = re.compile(r"[；;]")
# a statement after a "；" that opens with a verb of its own (`_list_of`)
_OPENING_VERB = re.compile(r"\s*(发布|公开|更新|推送|编发|刊发|受理|收到|办理|制定|印发)")
_CHANNEL = re.compile(r"[，,]\s*通过")   # "……6条,通过某某公众号发布信息834条": another channel's own count
_VIA = re.compile(r"通过|依托|利用|借助")   # "……依托某某网站公开 73 条": a part named by its channel
# ... unless the clause names them all ("通过政府网站、政务微博等渠道共主动公开政府信息 1234 条")
_ALL_CHANNELS = re.compile(r"等|各种|各类|多种|渠道|途径|方式|平台|共|累计|合计|全年")
_APPEAL = re.compile(r"复议|诉讼")
# who a legacy count is of: some of the body's units ("县直各单位", "各乡镇", "县政府公开办"), not all of it
_PART_OF_BODY = re.compile(r"各(?:乡镇|乡|镇|单位|部门|街道|处室|科室|村)|[县区市省]直|公开办")
_WHOLE_BODY = re.compile(r"全[县区市省州旗]")    # "全县各级各部门主动公开……": all of them, the body's own count
# what the statistical table counts of information published (信息 条, 文件 件/个/份): not issues (期) or times (次)
_LEGACY_UNITS = ("条", "件", "个", "项", "份", "篇")
_CLAUSES = re.compile(r"[，,；;]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_YEARS = re.compile(r"(?:19|20)\d\d(?:\s*[-－—–~～至到]\s*(?:19|20)\d\d)?\s*年")
_FILLER = re.compile(r"[\s，,、；;：:（）()“”‘’]")


@dataclass(frozen=True, slots=True)
class _Doc:
    """What reading a figure needs besides the figure: the text and where its sentences end, the
    template, the data year and whose figures the tables hold (`cells.level`)."""
    flow: Flow
    text: str
    sentences: Stops
    fmt: str | None
    year: int | None
    level: cells.Level | None
    brackets: Brackets
    subjects: dict      # sentence start -> its subject words [(end, whose)] (read once per sentence)


def extract(flow: Flow, counts: list[Count], fmt: str | None, year: int | None = None,
            unit: str | None = None, brackets: Brackets | None = None) -> list[ProseFact]:
    text = flow.text
    doc = _Doc(flow, text, Stops(text, SENTENCE_END), fmt, year, cells.level(unit), brackets or Brackets(text), {})
    facts: list[ProseFact] = []
    in_sum: set[int] = set()
    for m in _SUM_MARK.finditer(text):
        fact = _sum(doc, counts, m.start(), m.end(), in_sum)
        if fact:
            facts.append(fact)
    for start, end in _scopes(text):
        if not _SUM_MARK.search(text, end, doc.sentences.after(end)):
            fact = _sum(doc, counts, start, end, in_sum)
            if fact:
                facts.append(fact)
    facts.extend(_listed(doc, counts, in_sum))
    facts.extend(_shares(flow, counts, doc.sentences))
    for i, c in enumerate(counts):
        if i in in_sum or c.unit in ("%", BARE) or c.approx or c.nested:
            continue
        cell = _cell(doc, c)
        if cell == cells.RECEIVED:
            bracket = _bracketed_cells(doc, counts, i)
            cell = None if _flow_notes(bracket) else _total_cell(cell, bracket)
        if cell:
            facts.append(ProseFact("count", _fragment(text, c.label_start, c.end), flow.line_at(c.start),
                                   c.value, cell=cell, unit=c.unit))
    return facts


def _sum(doc: _Doc, counts: list[Count], mark: int, mark_end: int, in_sum: set[int]) -> ProseFact | None:
    text, sentences = doc.text, doc.sentences
    if doc.brackets.inside(mark):
        return None        # "（其中甲区 16 件）": a breakdown of one figure, not a list of parts
    start = max(sentences.before(mark), text.rfind("；", 0, mark) + 1, text.rfind(";", 0, mark) + 1)
    end, breakdowns = _list_end(text, counts, mark_end, sentences.after(mark_end), doc.brackets)
    opens_sentence = not text[start:mark].strip(" ，,、：:")
    if opens_sentence:
        # "收到申请 16 件。其中，网络申请 14 件……": the total ends the sentence before
        prev_end = start - 1
        if prev_end > 0 and text[prev_end] == "\n" and text[prev_end - 1] in "。；;":
            prev_end -= 1          # … or the paragraph before, when "其中" opens a new line
        if prev_end <= 0 or text[prev_end] == "\n":
            return None
        start = sentences.before(prev_end)
    # the total: the last plain figure before the mark that is not a change ("同比增长 20 件")
    before = [i for i in _between(counts, start, mark) if counts[i].unit not in ("%", BARE)
              and not counts[i].nested and not _CHANGE.search(counts[i].label)]
    parts = [i for i in _between(counts, mark_end, end) if counts[i].unit != "%" and not counts[i].nested
             and i not in breakdowns]
    if not before or len(parts) < 2:
        return None
    t = counts[before[-1]]
    parts = _without_subtotals(text, counts, _list_of(text, counts, parts, t), t)
    ps = [counts[i] for i in parts]
    if len(ps) >= 3 and _close(ps[0].value, t.value) and all(p.value < t.value for p in ps[1:]) \
            and not _close(sum(p.value for p in ps), t.value):
        parts, ps = parts[1:], ps[1:]   # "在……90 条……中，全文电子化的共 90 条，……1 条；……": a restatement first
        # (not "受理 33 件，其中本年新收 33 件，上年结转 0 件": the whole list adds up, 33 is a part)
    if len(ps) < 2 or t.approx or any(p.approx for p in ps):
        return None
    leads = [text[a.end:b.start] for a, b in zip([counts[i] for i in [before[-1], *parts[:-1]]], ps)]
    if any(_ADDED.search(x) for x in leads) and any(_REMOVED.search(x) for x in leads):
        return None        # "调整为 33 家，其中注销 5 家，新增 3 家": a change, not a share-out
    total = before[-1]
    chosen = _fit(t, ps)
    if chosen is None and all(p.value == t.value for p in ps) and all(_VIA.search(x) for x in leads):
        return None        # "73 条，其中依托网站公开 73 条；通过公众号公开 73 条": each channel carried all
    if chosen is None and all(_APPEAL.search(p.label) for p in ps) and not _APPEAL.search(t.label):
        return None        # "受理申请 28 件，其中，行政复议 1 件、行政诉讼 0 件": what they led to, not parts
    if chosen is None:
        # an earlier figure the parts add up to is the total: "收到申请共计 8 件，涉及……小区备案信息
        # 6 件。其中，同意公开 3 件……无法提供 4 件……1 件" lists the 8, not the 6
        for i in reversed(before[:-1]):
            c = counts[i]
            if c.unit == t.unit and not c.approx and _fit(c, ps):
                total, t, chosen = i, c, _fit(c, ps)
                break
    if chosen is None and _runs_on_outside(counts, before, t, ps):
        return None        # "96条，其中……网站……41条，其中……2份，……6条，部门信息55条": the 55 is the 96's (41 + 55)
    if chosen is None:
        # "行政争议 11 件，其中，行政复议 7 件，结果维持 6 件，尚未审结 1 件；行政诉讼 4 件，维持 2 件……2 件":
        # each part followed by its own breakdown; taken so only when the parts left add up to the total
        outer = _without_breakdowns(ps)
        if len(outer) >= 2 and len(outer) < len(ps) and _close(sum(p.value for p in outer), t.value):
            chosen = outer
    if chosen is None and _shares_out_together(counts, before, t, ps):
        return None
    if chosen is None and opens_sentence and total in in_sum:
        return None        # "……141条,其中:……其他类信息9条。其中主动公开17条,……28条,……8条": the figure ending the
        # sentence before is the last part of its list, no total the next list shares out
    if chosen is None and all(_THRESHOLD.search(p.label) for p in ps):
        return None        # "发布推文 223 篇。其中 100万+推文 4 篇，10万+推文 57 篇": those past a mark, no share-out
    if chosen is None and opens_sentence and all(p.value > t.value for p in ps):
        return None        # "其他方式公开 54 条。其中，微信……1205 条、微博 12984 条……": each larger, none of its parts
        # (a 其中 inside the sentence still names its figures: "收到 8 件，上年转结 2 件，其中网络 6 件，信函 5 件")
    same = [p for p in ps if p.unit in (t.unit, BARE)]
    clear = len(same) == len(ps)
    if chosen is None:
        alike = _alike(t, ps) if not clear and not same else None
        if not clear and len([p for p in same if p.unit != BARE]) < 2 and alike is None:
            return None    # "575 份，其中主动公开 317 份，立案查处……204 起": one part in the total's unit is no list
        chosen = alike or (same if clear or len(same) >= 2 else ps)
        if sum(p.value for p in chosen) < t.value and (
                _LIST_END.match(text, chosen[-1].end) or _told_along(text, counts, chosen, end)
                or text.startswith("涉及", mark_end) or _shares_say_partial(text, counts, chosen)
                or (_OTHERS_UNTOLD.match(text, chosen[-1].end, end) and not _DIGIT.search(text, chosen[-1].end, end))
                or _MORE_AFTER.match(text, chosen[-1].end) or _cut_off(text, end)
                or _rest_told_after(text, counts, t, chosen, end)
                or _more_kinds_than_named(text, t, len(chosen))):
            return None    # "……公示公告信息 17 条等", "……108 条，其他栏目信息均及时发布": only some parts named
        if sum(p.value for p in chosen) < t.value * _EXAMPLES and not any(_CATCH_ALL.search(p.label) for p in chosen):
            return None    # "信息 1464 条，其中文件 15 条，政策解读 10 条……": a few highlights, no share-out
        # a part as large as the total ("受理 10 件，其中办结 10 件，按时办结 10 件") is a
        # restatement, not a share-out: the list is not plainly the total's parts; nor is it plain
        # which figure of the sentence before a "其中" that opens a sentence shares out
        clear = clear and len(chosen) >= 2 and all(p.value < t.value for p in chosen) \
            and not (opens_sentence and len(before) > 1)
    in_sum.add(total)
    in_sum.update(i for i in parts if counts[i] in chosen)
    part_cells = [None if p.unit == BARE else _cell(doc, p) for p in chosen]
    cell = _cell(doc, t)
    if not (cell == cells.RECEIVED and _carried_apart(doc, counts, before, total)):
        cell = _total_cell(cell, part_cells)
    # else "新收到申请 78 件，结转上年度办理 3 件。其中，答复 75 件，……结转下年度 3 件": 上年结转 is told apart, the 78 is
    # 新收 as the page says (not 新收 + 上年结转, which the page makes 81)
    return ProseFact(
        "sum", _fragment(text, t.label_start, chosen[-1].end), doc.flow.line_at(t.start), t.value,
        cell=cell, parts=[p.value for p in chosen],
        part_cells=part_cells, unit=t.unit, clear=clear)


def _runs_on_outside(counts: list[Count], before: list[int], t: Count, ps: list[Count]) -> bool:
    """The list after a part's own 其中 runs on into the list of the figure that part belongs to: "主动公开政府信息96条,
    其中通过局政务网站……41条,其中政策解读文件2份,城管执法信息6条,部门信息55条" (a spam mirror of a 城管执法局 2021):
    41 + 55 = 96, the 2 and the 6 of the 41. The page adds up as a list within a list; its last figures are not the
    part's, and the part's own list is not plainly told apart from them: no sum of the part to check."""
    for i in before[:-1]:
        outer = counts[i]
        if outer.unit != t.unit or outer.approx or outer.value <= t.value:
            continue
        for k in range(1, len(ps)):
            head, tail = ps[:k], ps[k:]
            if sum(p.value for p in head) <= t.value + SAME and all(p.unit in (t.unit, BARE) for p in tail) \
                    and _close(t.value + sum(p.value for p in tail), outer.value):
                return True
    return False


def _without_breakdowns(ps: list[Count]) -> list[Count]:
    """The parts without the runs right after a part that add up to it (that part's own breakdown)."""
    out, k = [], 0
    while k < len(ps):
        out.append(ps[k])
        run, j = 0.0, k + 1
        while j < len(ps) and run + ps[j].value <= ps[k].value + SAME:
            run += ps[j].value
            j += 1
            if j - k > 2 and _close(run, ps[k].value):
                k = j - 1
                break
        k += 1
    return out


def _more_kinds_than_named(text: str, t: Count, named: int) -> bool:
    m = _KINDS_BEFORE.search(text, max(0, t.start - 24), t.start)
    return m is not None and int(m.group(1)) > named


def _list_end(text: str, counts: list[Count], mark_end: int, end: int,
              brackets: Brackets) -> tuple[int, set[int]]:
    """Where the list after a mark ends (the next mark, else the sentence end), and the figures of the
    breakdowns inside it: "50 条。其中机构类信息 20 条，内有领导成员 10 条、……5 条；工作类信息 11 条，其中
    ……" — a mark right after a part, whose figures up to the statement end add up to that part, breaks
    that part down: its figures are not the total's parts, and the list goes on after them. A mark in
    brackets ("部门财务信息2条(其中部门预算1条、部门决算1条),计划总结5条") breaks down the part before it too:
    its figures are nested, never parts, and the list goes on after the bracket."""
    skip: set[int] = set()
    pos = mark_end
    while (nxt := _BREAKDOWN.search(text, pos, end)) is not None:
        if brackets.inside(nxt.start()):
            pos = nxt.end()
            continue
        prior = [i for i in _between(counts, mark_end, nxt.start()) if counts[i].unit != "%"]
        stop = _STATEMENT_END.search(text, nxt.end(), end)
        stop_at = stop.start() if stop else end
        sub = [i for i in _between(counts, nxt.end(), stop_at) if counts[i].unit != "%"]
        if prior and prior[-1] not in skip and len(sub) >= 2 \
                and not _FILLER.sub("", text[counts[prior[-1]].end:nxt.start()]) \
                and _close(sum(counts[i].value for i in sub), counts[prior[-1]].value):
            skip.update(sub)
            pos = stop_at
        elif _SUM_MARK.fullmatch(nxt.group()):
            return nxt.start(), skip      # another list starts
        else:
            pos = nxt.end()
    return end, skip


def _rest_told_after(text: str, counts: list[Count], t: Count, chosen: list[Count], end: int) -> bool:
    """The total's rest told right after the list as another channel's count, in its paragraph ("累计主动公开政府信息达
    301 条。其中……8 条，……48 条，……4 条。同时，某某微信公众号……全年共推送信息 240 条": 61 + 240 = 301): the list and
    that figure share the total out together, the list is not short of it. (Not an outcome told next: "收办申请 6 条，
    其中新收 3 条，上年结转 2 条。全年按要求予以公开 1 条" is still short.)"""
    k = bisect_left(counts, end, key=_start)
    nxt = next((c for c in counts[k:] if c.unit != "%"), None)
    if nxt is None or nxt.unit != t.unit or nxt.approx or nxt.nested or "\n" in text[chosen[-1].end:nxt.start]:
        return False
    between = text[end:nxt.start]
    return bool(_NEW_MEDIA.search(between) or _WEBSITE.search(between)) \
        and _close(nxt.value, t.value - sum(p.value for p in chosen))


def _cut_off(text: str, end: int) -> bool:
    """The list's sentence is the text's last and stops without its end (`……属于三类内部事务信息 5 件，本机`): the
    file was cut off inside it, so the rest of the list is not in the file."""
    before = text[:end].rstrip()
    return not text[end:].strip() and bool(before) and before[-1] not in "。！？!?；;.）)”\"'"


def _fit(t: Count, ps: list[Count]) -> list[Count] | None:
    """The parts that add up to `t`: all those in its unit, or the first run of parts that does."""
    same = [p for p in ps if p.unit in (t.unit, BARE)]
    if len(same) >= 2 and _close(sum(p.value for p in same), t.value):
        return same
    run = 0.0
    for k, p in enumerate(ps):
        run += p.value
        if k >= 1 and _close(run, t.value):
            return ps[:k + 1]
    return None


def _scopes(text: str) -> list[tuple[int, int]]:
    """(start of the words after the count, end of "中，") of each scope "……90 条政府信息中，", in text order."""
    out = []
    for after in _SCOPE_AFTER.finditer(text):
        m = _SCOPE_BEFORE.search(text, max(0, after.start() - 24), after.start())
        if m is not None:
            out.append((m.start(1), after.end()))
    return out


def _alike(t: Count, ps: list[Count]) -> list[Count] | None:
    """"发布信息 607 条，其中主动公开 380 份，依申请公开及不予公开 319 份，……545 起": no part in the
    total's counting word, but a leading run in another word for documents (条/份/篇/件) that together
    exceed the total cannot all be its parts as printed. An unclear list: at most a warning."""
    if t.unit not in _DOCUMENTS or ps[0].unit not in _DOCUMENTS:
        return None
    run = list(itertools.takewhile(lambda p: p.unit == ps[0].unit, ps))
    return run if len(run) >= 2 and sum(p.value for p in run) > t.value + ROUNDING else None


def _listed(doc: _Doc, counts: list[Count], in_sum: set[int]) -> list[ProseFact]:
    """Lists without a mark: "主动公开政府信息 364 条，人事信息 17 条，……，其他应主动公开的政府信息
    19 条。" The sentence's first figure is the total when every later figure of the sentence is in its
    counting word, each below it, and the last names the catch-all (其他): a list that closes with
    "the others" claims to be all the parts. Without that close a run of figures is told along
    ("事项 400 项，实现‘跑一次’386 项，……网办 368 项") and says nothing of a total. Only sentences
    with a catch-all figure are looked at (few: the search starts from those figures)."""
    text, sentences = doc.text, doc.sentences
    out: list[ProseFact] = []
    seen: set[int] = set()
    for last in counts:
        if "其" not in last.label[:2] or not _CATCH_ALL.match(last.label):
            continue
        lo, hi = sentences.before(last.start), sentences.after(last.end)
        if lo in seen:
            continue
        seen.add(lo)
        idx = [k for k in _between(counts, lo, hi) if counts[k].unit != "%"]
        first = next((n for n, k in enumerate(idx) if counts[k].unit != BARE), None)
        if first is None:
            continue
        i, idx = idx[first], idx[first + 1:]
        t = counts[i]
        if len(idx) < 2 or counts[idx[-1]] is not last or i in in_sum or t.nested or t.approx \
                or _CHANGE.search(t.label) or _SUM_MARK.search(text, lo, hi) or any(k in in_sum for k in idx):
            continue
        ps = [counts[k] for k in idx]
        if _close(ps[0].value, t.value):
            idx, ps = idx[1:], ps[1:]      # "……共 364 条" restating the total
        if len(ps) < 2 or any(
                p.unit != t.unit or p.nested or p.approx or p.value >= t.value or _CHANGE.search(p.label)
                for p in ps):
            continue
        if any(_names_a_row(doc, c) for c in (t, *ps)):
            continue       # "予以公开 10 件，部分公开 2 件，……其他处理 0 件": table rows side by side, not parts
        in_sum.add(i)
        in_sum.update(idx)
        out.append(ProseFact("sum", _fragment(text, t.label_start, ps[-1].end), doc.flow.line_at(t.start),
                             t.value, parts=[p.value for p in ps], part_cells=[None] * len(ps), unit=t.unit,
                             clear=True))
    return out


def _names_a_row(doc: _Doc, c: Count) -> bool:
    """A figure that is a cell, or whose words name a row of the request table wherever it stands."""
    return bool(_cell(doc, c) or doc.fmt in ("2019", "2021") and cells.table_cell(c.label, doc.fmt))


def _shares_out_together(counts: list[Count], before: list[int], t: Count, ps: list[Count]) -> bool:
    """"收到申请 9 件，上年转结 1 件，其中网络申请 5 件，信函申请 5 件": the parts share out the last
    figures before the mark together (9 + 1), none of them alone. No finding: the list agrees."""
    run = 0.0
    for i in reversed(before):
        c = counts[i]
        if c.unit != t.unit or c.approx:
            break
        run += c.value
        if i != before[-1] and _fit(replace(c, value=run), ps):
            return True
    return False


def _told_along(text: str, counts: list[Count], chosen: list[Count], end: int) -> bool:
    """Parts told along a running account, not listed: a clause of words between two parts
    ("其中，项目审批信息 191 条，持续保持高频更新；行政规范性文件 3 条"), or the clause chain going on
    to other figures after the last part ("……市政府网站共采用 672 条，全年网站总访问量达……次").
    Such parts are some of the total's, not all: falling short of it says nothing."""
    for a, b in zip(chosen, chosen[1:]):
        clauses = _CLAUSES.split(text[a.end:b.start])[:-1]     # the last one is b's own label
        # a year is no count: "规划计划文件 2 件；2024 年度部门预算、2023 年度部门决算…信息；重大行政决策事项《…（2024－2027
        # 年）》；…建议 50 件" (上海市科委 2024) lists items it does not count
        if any(_CJK.search(x) and not _DIGIT.search(_YEARS.sub("", x)) for x in clauses):
            return True
    last = chosen[-1]
    k = bisect_left(counts, last.end, key=_start)
    nxt = next((c for c in counts[k:] if c.unit != "%"), None)
    return nxt is not None and nxt.start < end and not _STATEMENT_END.search(text, last.end, nxt.start)


def _shares_say_partial(text: str, counts: list[Count], chosen: list[Count]) -> bool:
    """Every part printed with its share of the total ("……148 条，占 34.8%；……63 条，占 14.8%") and the
    shares adding up to clearly less than 100 %: the report itself says its list covers only part of
    the total ("主要类别"). A wrong part or share is P2's to name."""
    pcts = []
    for p in chosen:
        k = bisect_left(counts, p.end, key=_start)
        if k == len(counts) or counts[k].unit != "%":
            return False
        between = text[p.end:counts[k].start]
        if "占" not in between or len(between) > 8:
            return False
        pcts.append(counts[k])
    # a share may be rounded or cut (`share_holds`): each may be up to one printed unit short
    slack = sum(10 ** -_decimals(text[c.start:c.end]) for c in pcts)
    return sum(c.value for c in pcts) + slack < 100


def _list_of(text: str, counts: list[Count], parts: list[int], total: Count) -> list[int]:
    """The figures after the mark that are the total's parts:
    - a part whose printed share is of an earlier part is that part's sub-item ("行政许可 57 项，
      实现‘全程网办’的有 41 项，占比 71.9%": 41 of the 57), not a sibling;
    - after a "；" a figure in another unit starts another statement ("……431 份；立案查处 784 起"), and
      so does one larger than the total ("……672 条;通过新浪微博发布各类信息 6012 条") or after a
      "，" opening another channel ("……公告 6 条,通过某某公众号发布信息 834 条");
    - a figure in another unit larger than the total is no part of it ("全年网站总访问量达 3782565 次",
      "单位 13 家，其中……6 家，涉及事项 43 项")."""
    out: list[int] = []
    for i in parts:
        c = counts[i]
        if _other_channel(total.label, c.label):
            break          # "门户网站发布信息 5110 条，其中……；微博发布信息 1155 条": another channel's count
        other_unit = c.unit not in (total.unit, BARE)
        if other_unit and c.value > total.value:
            continue       # a measure of a part ("6 家，涉及事项 43 项"), or of something else
        if out and (stop := _STATEMENT_END.search(text, counts[out[-1]].end, c.start)) \
                and (verb := _OPENING_VERB.match(text, stop.end(), c.start)) and verb.group(1) in total.label:
            break          # "发布工作动态信息 165 条，其中……102 条；发布法定主动公开内容 1 条": the total's verb again
        if out and (other_unit or c.value > total.value) \
                and (_STATEMENT_END.search(text, counts[out[-1]].end, c.start)
                     or c.value > total.value and _CHANNEL.search(text, counts[out[-1]].end, c.start)):
            break
        pct = counts[i + 1] if i + 1 < len(counts) else None
        if pct is not None and pct.unit == "%" and _SHARE_MARK.search(text, c.end, pct.start) \
                and pct.start - c.end <= 8:
            decimals = _decimals(text[pct.start:pct.end])
            if not share_holds(c.value, total.value, pct.value, decimals) and any(
                    share_holds(c.value, counts[j].value, pct.value, decimals) for j in out):
                continue
        out.append(i)
    return out


# a part counted past a mark ("阅读量 10万+ 的推文", "100 人次以上的"): such parts overlap, they share nothing out
_THRESHOLD = re.compile(r"\d\s*[万千百亿]?\s*(?:\+|＋|以上)")
# "……其他 3 条，共发布 102 条；": a figure said to total what comes before it
_SUBTOTAL_LEAD = re.compile(r"[\s，,；;、]*(?:共计|合计|总计|一共|共)")


def _without_subtotals(text: str, counts: list[Count], parts: list[int], total: Count) -> list[int]:
    """A part that totals the parts listed before it ("共188条。其中……年度报告1条，……其他3条，共发布102条；
    专题专栏……") is their subtotal: it stands for them in the list, it is not one more part; one that totals
    them all ("13件，其中网上申请5件，信函申请8件，共13件") says the total again."""
    out: list[int] = []
    since = 0          # where the parts after the last subtotal start in `out`
    for i in parts:
        c, run = counts[i], out[since:]
        if len(run) >= 2 and _SUBTOTAL_LEAD.match(text, counts[run[-1]].end, c.start) \
                and _close(sum(counts[j].value for j in run), c.value):
            if since == 0 and _close(c.value, total.value):
                continue
            out = out[:since]
            since = len(out) + 1
        out.append(i)
    return out


_WEBSITE = re.compile(r"网站|网页")
_NEW_MEDIA = re.compile(r"新媒体|微信|微博|公众号|抖音|头条|视频号|客户端")


def _other_channel(total: str, part: str) -> bool:
    """A total counted on the website alone ("门户网站发布各类信息 5110 条") and a figure of a new-media
    channel ("微博发布信息 1155 条"): the figure is that channel's own count, not one of the total's parts."""
    return bool(_WEBSITE.search(total) and not _NEW_MEDIA.search(total)
                and _NEW_MEDIA.search(part) and not _WEBSITE.search(part))


def _bracketed_cells(doc: _Doc, counts: list[Count], i: int) -> list[str | None]:
    """The cells named by the figures in brackets right after figure i: "共收办申请 1520 件（新收
    1500 件，上年结转 20 件）" gives its parts there."""
    after = doc.text[counts[i].end:counts[i].end + 2].lstrip()
    if not after or after[0] not in "（(":
        return []
    out = []
    for c in counts[i + 1:]:
        if not c.nested or doc.sentences.before(c.start) != doc.sentences.before(counts[i].start):
            break
        out.append(_cell(doc, replace(c, nested=False)))
    return out


def _carried_apart(doc: _Doc, counts: list[Count], before: list[int], total: int) -> bool:
    """Is 上年结转 stated by a figure of its own before the list, beside the total?"""
    return any(i != total and _cell(doc, counts[i]) == cells.CARRIED[0] for i in before)


def _flow_notes(bracket: list[str | None]) -> bool:
    """"全年共收到公开申请 1466 件（上年度结转 16 件，结转下年度 9 件，……）": a bracket naming both carried counts and no
    new requests notes the year's flow, it does not break the figure down — whether 1466 holds the 16 is not said."""
    return bool(bracket) and all(c in bracket for c in cells.CARRIED) and cells.RECEIVED not in bracket


def _total_cell(cell: str | None, part_cells: list[str | None]) -> str | None:
    """A total can be no cell among its own parts. "共收办申请 130 件，其中新收 120 件，上年结转
    10 件": the parts name 上年结转 (or 结转下年), so the total is 新收 + 上年结转."""
    if cell is None:
        return None
    if cell == cells.RECEIVED and any(c in cells.CARRIED for c in part_cells):
        return cells.HANDLED
    return None if cell in part_cells else cell


def _shares(flow: Flow, counts: list[Count], sentences: Stops) -> list[ProseFact]:
    """"386 项，占比 96.5%" (the base is an earlier figure of the sentence in the same unit) and
    "386 项，占全部 400 项的 96.5%" (the base is named with the share)."""
    text = flow.text
    out: list[ProseFact] = []
    found: list[tuple[int, int, int | None]] = []      # (pct, part, base named with it)
    for i in (i for i, c in enumerate(counts) if c.unit == "%" and not c.nested):
        j = i - 1
        while j >= 0 and counts[j].unit == "%":
            j -= 1
        if j < 0 or counts[j].unit == BARE:
            continue
        between = text[counts[j].end:counts[i].start]
        if any(ch in between for ch in SENTENCE_END) or len(between) > 16:
            continue
        mark = _SHARE_MARK.search(between)
        if mark:
            # "386 项，占比 96.5%": the figure is what the share is of. Words between it and 占 name
            # something else ("来自 11 条热线短号电话量占总数的 10.09%": the share of the calls, not of
            # the 11 lines): no share of this figure
            if len(_FILLER.sub("", between[:mark.start()])) <= 2:
                found.append((i, j, None))
        elif "占" in counts[j].label and len(between) <= 4 and j > 0 and counts[j - 1].unit == counts[j].unit \
                and sentences.before(counts[j - 1].start) == sentences.before(counts[j].start):
            found.append((i, j - 1, j))
    share_parts = {j for _, j, _ in found}
    held: dict[int, Count] = {}     # sentence start -> the base an earlier share of that sentence holds with
    for i, j, named in found:
        part, pct = counts[j], counts[i]
        decimals = _decimals(text[pct.start:pct.end])
        lo = sentences.before(part.start)
        if named is not None:
            bases = [counts[named]]
        else:
            bases = [counts[k] for k in _between(counts, lo, part.start) if k not in share_parts]
        bases = [c for c in bases
                 if c.unit == part.unit and not c.approx and not c.nested and c.value >= part.value > 0]
        base = next((b for b in bases if share_holds(part.value, b.value, pct.value, decimals)), None)
        if base is not None:
            held.setdefault(lo, base)
        elif held.get(lo) in bases:
            # "……60条,其中政务动态类35条,占58%,履职依据类5条,占0.08%": a list's shares are of one total, the one
            # its first share holds with (60), not the sentence's first figure (1260)
            base = held[lo]
        base = base or (bases[0] if bases else None)
        frag_start = min(base.label_start, part.label_start) if base else part.label_start
        out.append(ProseFact("share", _fragment(text, frag_start, pct.end), flow.line_at(pct.start), part.value,
                             share=pct.value, of=base.value if base else None, unit=part.unit,
                             decimals=decimals))
    return out


def share_holds(part: float, base: float, pct: float, decimals: int) -> bool:
    """The printed percentage is the true share rounded (half up) or cut to its printed decimals."""
    if not base:
        return False
    scale = 10 ** decimals
    true = 100.0 * part / base * scale
    printed = round(pct * scale)
    # SAME: a share exactly on x.5 (or on a whole step) computes as a hair below it
    return printed in (math.floor(true + 0.5 + SAME), math.floor(true + SAME))


def _cell(doc: _Doc, c: Count) -> str | None:
    if c.approx or c.unit in ("%", "元", "万元", "亿元", BARE):
        return None
    other_time, said = _label_time(c.label)
    if said is not None and doc.year is not None and said != doc.year and "结转" in c.label:
        c = replace(c, label=_carried_by_year(c.label, doc.year))
        other_time, said = _label_time(c.label)
    if other_time or said is not None and doc.year is not None and said != doc.year:
        return None
    text, sentences = doc.text, doc.sentences
    lo = sentences.before(c.start)
    cell = None
    if doc.fmt == "legacy":
        cell = cells.legacy_cell(c.label)
        if cell and _PART_OF_BODY.search(c.label) and not _WHOLE_BODY.search(c.label):
            cell = None    # "各乡镇主动公开政府信息 122 条": a part's own count, not the report's cell
        if cell == "legacy.responses.total" and _VIA.search(c.label):
            cell = None    # "通过政府网站回应社会关注热点信息 7 条": one channel's responses, not all
        if cell == "legacy.active.total" and _VIA.search(c.label) and not _ALL_CHANNELS.search(c.label) \
                and len(_VIA.findall(text, lo, sentences.after(c.end))) > 1:
            # "通过门户网站主动公开政府信息 23300 条，通过省政府网站主动公开政府信息 137 条": channels' counts, none
            # the total; a sentence naming one channel only ("通过“中国三亚”门户网站主动公开政府信息23条") gives it
            cell = None
        if cell and cell.startswith("legacy.active.") and c.unit not in _LEGACY_UNITS:
            cell = None    # "刊发省政府公报 24 期": issues of the gazette, not the items it published
    elif doc.fmt in ("2019", "2021"):
        # about requests: the sentence, or the few sentences before it, speak of 申请 / 复议
        hi = sentences.after(c.end)
        if _REQUEST_CONTEXT.search(text, min(lo, max(0, c.start - 200)), hi):
            cell = cells.table_cell(_appeal_label(text, c, _joint_label(text, c)), doc.fmt)
            if cells.result_group(cell) and _ACTIVE_INFO.search(text, lo, hi):
                cell = None    # "政府信息 510 条，其中主动公开……依申请公开……不予公开 24 条": information, not requests
            elif cells.result_group(cell) and _row_told_apart(text, c, cell, doc.fmt, lo, hi):
                cell = None    # "……逾期未补正2件,其他处理5件": one of the group's rows counted apart, the 5 is the rest
            if cell is not None and _OTHER_INTAKE.search(text, lo, c.start) and "申请" not in text[lo:c.start]:
                cell = None    # "受理网民留言11件,办结11件": the messages answered, not the requests
            if cell is not None and _OTHER_APPLICATION.search(c.label):
                cell = None    # "受理行政许可申请 2400 件": applications for a licence, not for information
        if cell is None and _ACTIVE_CONTEXT.search(text, lo, hi):
            cell = cells.active_cell(c.label, text[lo:c.start], doc.fmt) or normative.cell(c.label, c.unit, doc.fmt)
        if cell is None:
            cell = cells.decision_cell(c.label, c.unit, doc.fmt) \
                or decisions.cell(c.label, c.unit, text[max(0, c.label_start - 60):c.label_start], doc.fmt)
    if cell is not None and doc.year is not None and (m := _LEAD_YEAR.match(text, lo, lo + 40)) \
            and int(m.group(1)) != doc.year:
        return None        # "2022年,我镇…现行有效的规范性文件0件" in a 2023 report: the sentence tells another year
    if cell is None or doc.level is None:
        return cell
    subjects = doc.subjects.get(lo)
    if subjects is None:
        subjects = doc.subjects[lo] = cells.subjects(text[lo:sentences.after(lo)])
    if not cells.same_subject(doc.level, [w for end, w in subjects if lo + end <= c.start]):
        return None        # "全市共受理……" in a bureau's report: not this report's table
    return cell


def _carried_by_year(label: str, year: int) -> str:
    """Requests carried named by their years ("共办结148件，结转至2026年6件" in a 2025 report, "2024年结转1件"): the
    next year's is 结转下年, the year before's 上年结转 — the words the template's rows are matched by."""
    label = re.sub(rf"(结转(?:至|到)?)\s*{year + 1}\s*年度?", r"\1下年", label)
    return re.sub(rf"{year - 1}\s*年度?(\s*结转)", r"上年\1", label)


_CLAUSE = re.compile(r"[^，,；;、。]+")
_ROWS_BELOW = re.compile(r"其中|含|包括|[（(]")   # what follows a group figure breaks it down


def _row_told_apart(text: str, c: Count, group: str, fmt: str, lo: int, hi: int) -> bool:
    """Does another clause of the sentence count one of the group's own rows side by side with the group's figure
    (`予以公开46件,……逾期未补正2件,其他处理5件`: 其他处理 is then the rest of its rows, not the whole group)? A
    breakdown after the figure (`不予公开3件,其中国家秘密1件`, `不予公开2件（国家秘密1件、内部事务1件）`) or a reason without a count (`无法提供3件,因不掌握相关政府信息`)
    leaves the figure the group's."""
    rows = set(cells.expand(group))
    for m in _CLAUSE.finditer(text, lo, hi):
        if m.start() <= c.start < m.end() or m.start() >= c.end and _ROWS_BELOW.search(text, c.end, m.end()) \
                or not _DIGIT.search(m.group()):
            continue
        if cells.table_cell(m.group(), fmt) in rows:
            return True
    return False


# the words of a clause before a 、 that no figure of its own ends ("涉行政复议、" of "涉行政复议、行政诉讼案件 743 件")
_JOINED = re.compile(r"[^，,；;。！？!?\n：:（()）\d、]{1,12}、$")


def _joint_label(text: str, c: Count) -> str:
    """One figure for rows named side by side ("涉行政复议、行政诉讼案件 743 件", "予以公开、部分公开共 10
    件") counts them together: its label takes in the words before the 、 when no figure ends them
    ("予以公开 1 件、部分公开 0 件" keeps each figure its own row)."""
    start = c.label_start
    if start <= 0 or text[start - 1] != "、":
        return c.label
    m = _JOINED.search(text, max(0, start - 13), start)
    if m is None or m.start() > 0 and text[m.start() - 1].isdigit():
        return c.label
    return text[m.start():c.start].strip()


# an appeal named by its short word: "……涉及复议0件、诉讼0件" (嘉善县大云镇 2024), "信息公开类行政复议7件，诉讼9件"
# (上海市政府办公厅 2019): 复议 is 行政复议; 诉讼/起诉 alone, right after a 复议 figure, is 行政诉讼
# (after a word that opens one: "正在复议 1 件" is a pending result, not the reviews' count)
_REVIEW_SHORT = re.compile(r"(?:^|涉及|引发|发生|提起|申请)复议$")
_SUIT_ALONE = re.compile(r"^(?:诉讼|起诉)$")
_AFTER_REVIEW = re.compile(r"复议\s*\d+\s*[件起宗个][、，,和及与]\s*$")


def _appeal_label(text: str, c: Count, label: str) -> str:
    if _REVIEW_SHORT.search(label):
        return label[:-2] + "行政复议"     # (the label then is matched as the template's rows are)
    if _SUIT_ALONE.match(label) and _AFTER_REVIEW.search(text, max(0, c.label_start - 16), c.label_start):
        return "行政诉讼"
    return label


@lru_cache(maxsize=8192)   # report texts share their wording: most labels repeat across reports
def _label_time(label: str) -> tuple[bool, int | None]:
    """Does a figure's label speak of another time (`_OTHER_TIME`), and the year it names, if any."""
    said = _YEAR_IN_LABEL.search(label)
    return _OTHER_TIME.search(label) is not None, int(said.group(1)) if said else None


def _between(counts: list[Count], lo: int, hi: int) -> range:
    """Indexes of the figures that start in [lo, hi) (figures are in text order)."""
    return range(bisect_left(counts, lo, key=_start), bisect_left(counts, hi, key=_start))


def _start(c: Count) -> int:
    return c.start


def _close(a: float, b: float) -> bool:
    return abs(a - b) < ROUNDING


def _decimals(printed: str) -> int:
    m = re.search(r"\.(\d+)", printed)
    return len(m.group(1)) if m else 0


def _fragment(text: str, start: int, end: int) -> str:
    return text[max(0, start):end].replace("\n", " ").strip()
