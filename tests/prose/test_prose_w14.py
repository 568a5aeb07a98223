"""Real sentence patterns of session 14's pages (tests/fixtures/corpus/w14: 公安, 自然资源, 人社, 市场监管 bureaus and 县级
governments, 2023–2025), put into a seed and checked through the real CLI with made-up numbers:
- 祁阳市 2024 `其中,予以公开46件,部分公开22件,不予公开15件,无法提供27件,不予处理0件,逾期未补正2件,其他处理5件,结转下年度继续
  办理16件` (the parts add up to 133 only with 逾期未补正 and 其他处理 apart): 其他处理 5 was tied to the whole （六）其他处理
  group (逾期不补正 + 逾期未缴费 + 其他), whose table sum is 7 with the 2 in it — R10 would call the prose wrong."""
from __future__ import annotations

import json
import subprocess
import sys

from test_real_prose_a6 import check_json, edited

# seed 003 (2021 template) with its （六）其他处理 rows printed 2, 0, 5
_ROWS = (("其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0", "其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2"),
         ("缴纳费用、行政机关不再处理\t\t\t\t\t\t\t", "缴纳费用、行政机关不再处理\t0\t0\t0\t0\t0\t0\t0"),
         ("\t\t其他\t\t\t\t\t\t\t", "\t\t3. 其他\t5\t0\t0\t0\t0\t0\t5"))
_AT = "按要求予以公开 1 条，"


def _prose(path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "checker.cli", "extract", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    (r,) = json.loads(out.stdout)["reports"]
    return r["prose"]


def test_other_handling_counted_beside_its_own_row_is_the_rest_of_the_group_not_the_whole(tmp_path):
    path = edited(tmp_path, "003", *_ROWS, (_AT, _AT + "申请人逾期未补正 2 条，其他处理 5 条，"))
    assert check_json(path, select="R10") == []
    tied = {(p.get("cell"), p["value"]) for p in _prose(path) if p["kind"] == "count"}
    assert ("requests.other.no_correction.total", 2) in tied      # the row the sentence names, as a reader ties it
    assert not any(c and "other.other" in c for c, _ in tied)     # 5 is no cell: the rest of a group, not a row


def test_other_handling_alone_is_still_the_whole_group_and_still_checked(tmp_path):
    # guard: with no row of its own told apart, 其他处理 N is the group's sum (2 + 0 + 5 = 7), so a 6 is an R10 error
    path = edited(tmp_path, "003", *_ROWS, (_AT, _AT + "其他处理 6 条，"))
    (f,) = check_json(path, select="R10")
    assert (f["expected"], f["actual"]) in ((7, 6), (6, 7))


# --- 广东省人民政府办公厅 2023 `全年共收到公开申请1466件(上年度结转16件,结转下年度9件,……`: the bracket notes the year's
# flow (carried in, carried out); it does not say whether 1466 holds the 16. The figure was tied to 新收 + 上年结转.
_CARRIED_ROW = ("二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1")
_RECEIVED_AT = "接到群众主动要求公开政府新的申请 3 条，"


def test_a_received_count_with_both_carried_counts_in_brackets_is_tied_to_no_cell(tmp_path):
    path = edited(tmp_path, "003", _CARRIED_ROW,
                  (_RECEIVED_AT, "共收到公开申请 3 条（上年度结转 1 条，结转下年度 1 条，实际办结 3 条），"))
    assert check_json(path, select="R10") == []
    assert not any(p["value"] == 3 and p.get("cell", "").startswith("requests.received") for p in _prose(path)
                   if p["kind"] == "count")


def test_a_received_count_broken_down_in_brackets_is_still_new_plus_carried(tmp_path):
    # guard: `共收办申请 4 条（新收 3 条，上年结转 1 条）` names its parts: 新收 + 上年结转, checked against the table
    path = edited(tmp_path, "003", _CARRIED_ROW, (_RECEIVED_AT, "共收办申请 4 条（新收 3 条，上年结转 1 条），"))
    assert ("requests.received.total+requests.carried_over.total", 4) in {
        (p.get("cell"), p["value"]) for p in _prose(path) if p["kind"] == "count"}
    assert check_json(path, select="R10") == []


# --- 万源市 2025 `我市共受理群众政府信息公开申请54件,按时办结54件,办理上年结转2件。其中予以公开45件,……结转下年度办理1件`:
# 55 were answered in all (45+4+1+2+1+2); 按时办结 counts those answered in time, not （七）总计 — it was tied to it.


def test_requests_answered_in_time_are_not_the_years_answered_total(tmp_path):
    path = edited(tmp_path, "003", (_RECEIVED_AT, "共受理群众政府信息公开申请 3 条，按时办结 2 条，"))
    assert check_json(path, select="R10") == []
    assert not any(p.get("cell") == "requests.handled_total.total" for p in _prose(path))


def test_requests_answered_are_still_the_years_answered_total(tmp_path):
    # guard: `办结 2 条` (no word of time) is （七）总计, checked against the table's 3
    path = edited(tmp_path, "003", (_RECEIVED_AT, "共受理群众政府信息公开申请 3 条，办结 2 条，"))
    assert [f["rule"] for f in check_json(path, select="R10")] == ["R10"]


def test_a_group_count_with_a_reason_naming_its_row_is_still_the_group(tmp_path):
    # guard (黑龙江 鹤岗 工农区 2024 `无法提供3件,因不掌握相关政府信息`): a reason without a count of its own does not tell a
    # row apart; the 1 is still （四）无法提供's sum, checked against the table (1 + 0 + 0)
    path = edited(tmp_path, "003", (_AT, _AT + "无法提供 1 条，因不掌握相关政府信息，"))
    group = "+".join(f"requests.unavailable.{r}.total" for r in ("not_held", "needs_creation", "unclear"))
    assert (group, 1) in {(p.get("cell"), p["value"]) for p in _prose(path) if p["kind"] == "count"}
    assert check_json(path, select="R10") == []


# --- 硚口区政府办公室 2025 `新收到依申请公开政府信息78件,结转上年度办理3件。其中,答复依申请公开政府信息75件,……结转下年度继续
# 办理3件`: the list after 其中 adds up to 78, and holds 结转下年度 — so 78 was read as 新收 + 上年结转 (which the page itself
# makes 81: 上年结转 is told apart); and `结转上年度…3件` was taken for another year's count, tied to nothing.


def test_new_requests_with_last_years_carried_told_apart_stay_new_requests(tmp_path):
    path = edited(tmp_path, "003", _CARRIED_ROW,
                  (_RECEIVED_AT, "新收到依申请公开政府信息 3 条，结转上年度办理 1 条。其中，答复依申请公开政府信息 3 条，"
                                 "结转下年度继续办理 0 条。"))
    assert check_json(path, select="R10") == []
    tied = {(p.get("cell"), p["value"]) for p in _prose(path) if p.get("cell")}
    assert {("requests.received.total", 3), ("requests.carried_over.total", 1)} <= tied
    assert ("requests.received.total+requests.carried_over.total", 3) not in tied


def test_a_group_count_broken_down_in_brackets_is_still_the_group(tmp_path):
    # guard: `不予公开 2 条（涉及国家秘密 1 条、内部事务 1 条）` names the group's rows as its breakdown, not apart from it
    path = edited(tmp_path, "003", (_AT, _AT + "不予公开 2 条（涉及国家秘密 1 条、内部事务 1 条），"))
    group = "+".join(f"requests.denied.{r}.total" for r in ("state_secret", "prohibited", "security", "third_party",
                                                             "internal", "process", "enforcement_file", "inquiry"))
    assert (group, 2) in {(p.get("cell"), p["value"]) for p in _prose(path) if p["kind"] == "count"}
