"""Reports as public repositories hold them (tests/fixtures/corpus/y16, session 16): a PDF or an OCR scan converted to
markdown, put into constructed text and read or checked through the real CLI:
- 沭阳县人民政府 2025 OCR'd to markdown opens `# 沐阳县人民政府 2025 年 政府信息公开工作年度报告`: the heading mark was read as
  part of the body (`#沐阳县人民政府`, a wrong unit); a bold title (`**…**`) is the same frame, and a title set on two
  marked lines (`**某某县人民政府**` / `**2025年…年度报告**`) left the body unread;
- the same report with its row labels in bold, as a Word file converted to markdown prints them (`| **规章** | 0 | 0 | 0 |`):
  the bold marks were kept in the label, so the short labels (规章, 3.其他) matched no row and their cells were left unread;
- (the P1 of 上海市科委 2024's markdown: tests/prose/test_prose_y16.py)."""
from __future__ import annotations

import pytest

from cli_read import extract_one
from test_other_provinces_4 import _write

_BODY = ("本报告所列数据统计期限从2025年1月1日至2025年12月31日止。\n\n## 一、总体情况\n\n"
         "2025年，我县通过县政府门户网站主动公开政府信息4511条。\n")


@pytest.mark.parametrize("title", ["# 某某县人民政府 2025 年 政府信息公开工作年度报告",
                                   "## 某某县人民政府2025年政府信息公开工作年度报告",
                                   "**某某县人民政府2025年政府信息公开工作年度报告**",
                                   "# **某某县人民政府 2025 年政府信息公开工作年度报告** #"])
def test_a_markdown_heading_or_bold_title_names_the_body_without_its_marks(tmp_path, title):
    r = extract_one(_write(tmp_path, title + "\n\n某某县人民政府\n(2026年1月23日)\n\n" + _BODY))
    assert (r["unit"], r["year"], r["format"]) == ("某某县人民政府", 2025, "2021")
    assert r["title"] == "某某县人民政府2025年政府信息公开工作年度报告"


@pytest.mark.parametrize("lines", [("**某某县人民政府**", "**2025年政府信息公开工作年度报告**"),
                                   ("# 某某县人民政府", "# 2025年政府信息公开工作年度报告"),
                                   ("## 某某县人民政府", "", "## 2025年政府信息公开工作年度报告")])
def test_a_markdown_title_set_on_two_lines_names_the_body_of_its_first(tmp_path, lines):
    # the plain two-line title (`某某县人民政府` / `2025年…年度报告`) was read so already; with the marks the body was unread
    r = extract_one(_write(tmp_path, "\n".join(lines) + "\n\n" + _BODY))
    assert (r["unit"], r["title"], r["year"]) == ("某某县人民政府", "某某县人民政府2025年政府信息公开工作年度报告", 2025)


def test_bold_row_labels_of_a_markdown_table_read_as_their_rows(tmp_path):
    text = ("# 某某县人民政府2025年政府信息公开工作年度报告\n\n" + _BODY + "\n## 二、主动公开政府信息情况\n\n### 第二十条第（一）项\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
            "| **规章** | 1 | 2 | 3 |\n| **行政规范性文件** | 6 | 1 | 32 |\n")
    r = extract_one(_write(tmp_path, text))
    assert [r["cells"][f"active.{row}.{c}"] for row in ("regulations", "normative_docs")
            for c in ("issued", "repealed", "in_force")] == [1, 2, 3, 6, 1, 32]
