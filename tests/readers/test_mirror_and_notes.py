"""Layouts seen on real pages of other provinces, as constructed texts through the real CLI:
a traditional-character mirror of a report (板栗树乡 2022: every label was missed), a province's
annotated template whose labels carry a filling note (湖北 2020: `规章（设区的市…应提供相关数据）`),
and the wording of an F3 whose row has as many numbers as columns but an empty cell too."""
from __future__ import annotations

from pathlib import Path

from checker.readers.traditional import SIMPLIFIED, TRADITIONAL

from cli_read import extract_one

_TO_TRADITIONAL = str.maketrans(dict(zip(SIMPLIFIED, TRADITIONAL)))


def _cells_a_line(rows: list[tuple[str, list[str]]]) -> str:
    """One cell a line, each ended by ` |`, a lone `|` closing each row (a mirror site's rendering)."""
    out = []
    for label, values in rows:
        out += ["|", f"{label} |"] + [f"{v} |" for v in values]
    return "\n".join(out)


_ACTIVE = [("第二十条第（一）项", []), ("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),
           ("规章", ["0", "0", "0"]), ("行政规范性文件", ["2", "1", "9"]),
           ("第二十条第（五）项", []), ("信息内容", ["本年处理决定数量"]), ("行政许可", ["4"]),
           ("第二十条第（六）项", []), ("信息内容", ["本年处理决定数量"]), ("行政处罚", ["3"]), ("行政强制", ["0"]),
           ("第二十条第（八）项", []), ("信息内容", ["本年收费金额（单位：万元）"]), ("行政事业性收费", ["0"])]
_REQUESTS = [("自然人", []), ("一、本年新收政府信息公开申请数量", ["5", "1", "0", "0", "0", "0", "6"]),
             ("二、上年结转政府信息公开申请数量", ["0", "0", "0", "0", "0", "0", "0"]),
             ("（一）予以公开", ["4", "1", "0", "0", "0", "0", "5"])]


def test_a_traditional_character_mirror_reads_like_the_simplified_page(tmp_path):
    text = ("某某县某某乡人民政府2022年政府信息公开工作年度报告\n一、总体情况\n本年度报告的统计期限自2022年1月1日至2022年12月31日止。\n"
            "二、主动公开政府信息情况\n" + _cells_a_line(_ACTIVE) + "\n三、收到和处理政府信息公开申请情况\n"
            + _cells_a_line(_REQUESTS) + "\n")
    (tmp_path / "simple.txt").write_text(text, encoding="utf-8")
    (tmp_path / "mirror.txt").write_text(text.translate(_TO_TRADITIONAL), encoding="utf-8")
    assert "規範性文件" in (tmp_path / "mirror.txt").read_text(encoding="utf-8")
    simple, mirror = extract_one(tmp_path / "simple.txt"), extract_one(tmp_path / "mirror.txt")
    wanted = {"active.normative_docs.issued": 2, "active.normative_docs.in_force": 9, "active.licensing.decisions": 4,
              "active.penalty.decisions": 3, "requests.received.natural_person": 5, "requests.received.total": 6,
              "requests.granted.commercial": 1}
    for cid, v in wanted.items():
        assert simple["cells"][cid] == mirror["cells"][cid] == v, cid
    assert mirror["format"] == "2021" and mirror["year"] == 2022


def test_a_label_with_a_filling_note_is_still_its_row(tmp_path):
    """An exact key (规章) must be the whole label; a bracketed note after it does not make it
    another row. 规范性文件 keeps its own row, never 规章's."""
    text = ("某某市某某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
            "| 规章（设区的市、自治州人民政府应提供相关数据） | 1 | 1 | 7 |\n"
            "| 规范性文件（行政机关制定发布的决定、公告、通告、意见、通知） | 2 | 2 | 19 |\n"
            "| 第二十条第（五）项 | | | |\n| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "| 行政许可 | 8 | 5 | 93 |\n")
    (tmp_path / "notes.txt").write_text(text, encoding="utf-8")
    r = extract_one(tmp_path / "notes.txt")
    assert r["format"] == "2019"
    assert [r["cells"][f"active.regulations.{c}"] for c in ("made", "published", "total_published")] == [1, 1, 7]
    assert [r["cells"][f"active.normative_docs.{c}"] for c in ("made", "published", "total_published")] == [2, 2, 19]


def test_an_f3_names_the_empty_cells_when_the_numbers_alone_would_fit():
    from checker.readers.text import read_text
    text = ("某某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n"
            "| 行政规范性文件 | 1 | | 2 | 3 |\n")
    r = read_text(text, "t.txt", "t.txt")
    f3 = [f for f in r.findings if f.rule == "F3"]
    assert len(f3) == 1 and "3 个数值和 1 个空着的格，模板有 3 列" in f3[0].message, f3


def test_a_row_whose_label_cell_was_left_empty_is_the_first_row_by_its_place(tmp_path):
    """Double-spaced page text (a real 2025 town page): the 规章 label cell printed empty, its three
    numbers right after the column header and before 行政规范性文件; the only row missing there."""
    cells = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "  ", "1", "0", "3", "行政规范性文件", "2", "0", "5", "第二十条第（五）项", "信息内容", "本年处理决定数量",
             "行政许可", "124", "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "0", "行政强制", "0"]
    text = "某某镇人民政府2025年政府信息公开工作年度报告\n\n一、总体情况\n\n" + "\n\n".join(cells) + "\n"
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    r = extract_one(tmp_path / "page.txt")
    assert [r["cells"][f"active.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == [1, 0, 3]
    assert [r["cells"][f"active.normative_docs.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 0, 5]
    assert r["cells"]["active.licensing.decisions"] == 124
    notes = [f for f in r["findings"] if f["rule"] == "F4" and f["severity"] == "info"]
    assert len(notes) == 1 and "规章" in notes[0]["message"]


def test_the_2024_2025_table_of_information_fees_is_left_aside_cleanly():
    """Reports of 2024–2025 add 五、信息处理费收取情况 (通知收取件数 / 通知收取金额 / 实际收取金额), a
    table the spec has no cells for: it is not read, and 表二–表四, the prose and the findings stay
    exactly as without it (tab and `|` renditions; the flattened one is on a real page, scj_2025)."""
    from checker.readers.text import read_text
    seed = (Path(__file__).parents[1] / "fixtures" / "seeds" / "000_1cda018db4f6af73.txt").read_text(encoding="utf-8")
    appeals = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
    assert seed.count(appeals) == 1
    tab = "五、信息处理费收取情况\n\t通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n信息处理费收取情况\t1\t800\t0\n"
    bar = "| | 通知收取件数 | 通知收取金额（元） | 实际收取金额（元） |\n| 信息处理费收取情况 | 1 | 800 | 0 |\n"
    plain = read_text(seed, "t.txt", "t.txt")
    for extra in (tab, bar):
        r = read_text(seed.replace(appeals, appeals + "\n" + extra), "t.txt", "t.txt")
        assert (r.unit, r.year, r.format) == (plain.unit, plain.year, plain.format)
        assert r.cells == plain.cells and r.cells
        assert sorted(f.rule for f in r.findings) == sorted(f.rule for f in plain.findings)
