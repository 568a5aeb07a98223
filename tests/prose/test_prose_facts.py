"""Figures stated in the seeds' sentences: counts mapped to cells, sums with their parts, shares,
and the legacy cells seed 004 gives only in prose."""
from __future__ import annotations

from checker.model import Report
from checker.prose import analyse

from seed_analysis import analysed


def by_kind(report, kind):
    return [f for f in report.prose if f.kind == kind]


def test_seed_003_request_figures_map_to_cells(seeds):
    r = analysed(seeds["003"])
    stated = {}
    for f in r.prose:
        if f.cell:
            stated[f.cell] = f.value
        for c, v in zip(f.part_cells, f.parts):
            if c:
                stated[c] = v
    assert stated == {
        "requests.received.total": 3,
        "requests.granted.total": 1,
        "requests.not_processed.petition.total": 1,
        "requests.unavailable.not_held.total": 1,
    }
    (s,) = by_kind(r, "sum")            # "未公开申请 2 条，其中…1 条，…1 条"
    assert (s.value, s.parts, s.clear) == (2, [1, 1], True)
    assert all(f.line == 13 for f in r.prose)


def test_seed_002_sums(seeds):
    r = analysed(seeds["002"])
    sums = {f.value: f for f in by_kind(r, "sum")}
    assert set(sums) == {7754, 16}
    requests = sums[16]
    assert requests.parts == [10, 2, 2, 2] and requests.clear
    assert requests.cell == "requests.received.total"
    assert requests.part_cells == [None, "requests.denied.prohibited.total", None,
                                   "requests.unavailable.unclear.total"]
    active = sums[7754]
    # every part counts, "快手短视频152个" included; "参加1次政府网站政务访谈" is another measure
    assert active.parts == [58, 509, 24, 46, 1733, 2965, 768, 1284, 215, 152]
    assert active.unit == "条" and active.clear is False


def test_seed_004_sums_and_shares(seeds):
    r = analysed(seeds["004"])
    sums = {f.value: f for f in by_kind(r, "sum")}
    assert sums[13].parts == [6, 7]               # 43 项 / 206 项 are other measures
    assert sums[163].parts == [90, 73]            # the bracketed 35 项, 2 项 are a breakdown of their own
    assert sums[16].parts == [14, 2]
    assert sums[59768].parts == [25298, 1070, 4004, 29396]
    shares = by_kind(r, "share")
    assert [(s.value, s.share, s.of, s.decimals) for s in shares] == [(386, 96.5, 400, 1), (368, 92.0, 400, 0)]


def test_seed_004_legacy_cells_from_prose(seeds):
    r = analysed(seeds["004"])
    assert r.format == "legacy"
    assert r.cells == {
        "legacy.active.total": 59768, "legacy.active.normative_docs": 19,
        "legacy.active.weibo": 25298, "legacy.active.wechat": 1070, "legacy.active.website": 4004,
        "legacy.active.other": 29396, "legacy.responses.total": 32,
        "legacy.responses.interpretations": 18, "legacy.responses.online_interviews": 6,
        "legacy.requests.received": 16, "legacy.requests.online": 14, "legacy.requests.letter": 2,
        "legacy.requests.already_public": 1, "legacy.requests.granted": 12,
        "legacy.requests.denied": 2, "legacy.requests.not_exist": 1,
    }
    # "网站在 / 线访谈 6 次" is broken over two lines with a blank between: read where it ends
    assert r.locate("legacy.responses.online_interviews") == "第80行"
    assert r.cell_meta["legacy.requests.denied"]["source"] == "prose"


def test_seed_001_run_on_list_is_not_a_sum(seeds):
    # "共发布84篇文章，转载…14篇、…2篇…" adds to 84 only with the next sentence's parts: no "其中"
    r = analysed(seeds["001"])
    assert by_kind(r, "sum") == []


def test_edited_seed_shows_the_edit(seeds):
    r = analysed(seeds["002"], ("不属于本行政机关公开10件", "不属于本行政机关公开11件"))
    (s,) = [f for f in by_kind(r, "sum") if f.value == 16]
    assert s.parts == [11, 2, 2, 2] and s.clear


def test_fact_json_shape(seeds):
    r = analysed(seeds["004"])
    share = by_kind(r, "share")[0].to_json()
    assert share["kind"] == "share" and share["share"] == 96.5 and share["of"] == 400 and share["value"] == 386
    s = next(f for f in by_kind(r, "sum") if f.value == 16).to_json()
    assert s["parts"] == [14, 2] and s["part_cells"] == ["legacy.requests.online", "legacy.requests.letter"]


def test_figures_about_other_times_are_not_cells(seeds):
    edit = ("目前尚未发现", "上年收到申请 5 条，同比增加 2 条。2020 年收到申请 6 条。申请均在 15 个工作日内答复。目前尚未发现")
    r = analysed(seeds["003"], edit)
    received = [f for f in r.prose if f.cell == "requests.received.total"]
    assert [(f.value, f.line) for f in received] == [(3, 13)]


def test_typical_2021_request_paragraph():
    lines = [
        "某某区司法局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局全年共收到政府信息公开申请 25 件，其中当面申请 3 件、网络申请 20 件、信函申请 2 件。上年结转 2 件。",
        "办理结果：予以公开 10 件，部分公开 2 件，不予公开 3 件，无法提供 5 件，不予处理 1 件，其他处理 0 件。结转下年度继续办理 1 件。",
        "申请人均在 15 个工作日内收到答复，较上年收到申请 20 件增加 5 件。",
        "全年发生政府信息公开行政复议案件 1 件，行政诉讼案件 2 件。",
    ]
    r = Report(source="t.txt")
    analyse(lines, r)
    stated = {f.cell: (f.value, f.line) for f in r.prose if f.cell}
    assert stated == {
        "requests.received.total": (25, 3), "requests.carried_over.total": (2, 3),
        "requests.granted.total": (10, 4), "requests.partly_granted.total": (2, 4),
        "requests.carried_forward.total": (1, 4), "appeals.count.review.total": (1, 6),
        # 行政诉讼 N 件: the two suit columns' totals together (直接起诉 + 复议后起诉)
        "appeals.count.direct_suit.total+appeals.count.suit_after_review.total": (2, 6),
        # a group of result rows: the sum of its rows' 总计 (不予公开 = its 8 rows, …)
        "+".join(f"requests.denied.{x}.total" for x in (
            "state_secret", "prohibited", "security", "third_party", "internal", "process", "enforcement_file",
            "inquiry")): (3, 4),
        "+".join(f"requests.unavailable.{x}.total" for x in ("not_held", "needs_creation", "unclear")): (5, 4),
        "+".join(f"requests.not_processed.{x}.total" for x in (
            "petition", "duplicate", "publication", "excessive", "confirmation")): (1, 4),
        "+".join(f"requests.other.{x}.total" for x in ("no_correction", "unpaid_fee", "other")): (0, 4),
    }
    (s,) = by_kind(r, "sum")
    assert s.parts == [3, 20, 2] and s.part_cells == [None, None, None]   # channels have no 2021 cell


def test_sum_whose_total_ends_the_sentence_before():
    r = Report(source="t.txt")
    analyse(["某某局2020年政府信息公开工作年度报告",
             "2020年全年收到政府信息公开申请 16 件。其中，网络申请 14 件，信函申请 3 件。"], r)
    (s,) = by_kind(r, "sum")
    assert (s.value, s.parts, s.cell) == (16, [14, 3], "requests.received.total")
    r = Report(source="t.txt")
    analyse(["某某局2020年政府信息公开工作年度报告", "2020年全年收到政府信息公开申请 16 件。",
             "其中，网络申请 14 件，信函申请 2 件。"], r)
    (s,) = by_kind(r, "sum")
    assert (s.value, s.parts, s.line) == (16, [14, 2], 2)


def test_share_with_its_base_named():
    r = Report(source="t.txt")
    analyse(["某某局2020年政府信息公开工作年度报告",
             "实现“跑一次”事项 386 项，占全部 400 项的 96.5%；网办事项 368 项，占比 92%。"], r)
    got = [(s.value, s.of, s.share) for s in by_kind(r, "share")]
    assert got == [(386, 400, 96.5), (368, 400, 92.0)]     # the second's base: the sentence's 400 项


def test_figure_without_counting_word_only_after_words_naming_it():
    from checker.prose.counts import BARE, find
    got = [(c.value, c.unit) for c in find("其中某类信息 12，另一类信息 30 条；2021，第3，电话0591-23163551；1、门户网站")]
    assert got == [(12, BARE), (30, "条")]          # not a year, an ordinal, a phone number or a list number


def test_brackets_close_at_the_line_end():
    from checker.prose.counts import Brackets
    text = "共 94 件（其中甲区 16 件\n乙区 20 件）。丙区 3 件"
    b = Brackets(text)
    assert b.inside(text.index("16")) and not b.inside(text.index("20")) and not b.inside(text.index("3 件"))
    # … and at a sentence end: one unclosed bracket on a crawler page's single line hides nothing after it
    text = "联系（地址：某路 1 号。全年收到申请 5 件（其中网络 3 件）。"
    b = Brackets(text)
    assert b.inside(text.index("1 号")) and not b.inside(text.index("5 件")) and b.inside(text.index("3 件"))
