"""What an F4 or F3 says of a row it leaves unread is what the file shows (issue 12: every unread cell named,
and named truly), through the real CLI:
- a row whose label was read on a line with no number is not "没有找到" (not found): its label stands in the
  file, at a line the finding gives; the rows really not in the file are still "没有找到";
- a row that printed one cell of digits between separators (`253 |`, a cell a line) is not said to be
  "连写成一串" (several cells run together): it may be, or may be one of the row's cells; a crawler's run
  (`1077`, the row's cells with nothing between) still is."""
from __future__ import annotations

from pathlib import Path

from cli_read import extract_one

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
SEED = ROOT / "seeds" / "000_1cda018db4f6af73.txt"


def _f4(r: dict) -> list[str]:
    return [f["message"] for f in r["findings"] if f["rule"] == "F4"]


def test_a_real_table_cut_after_two_labels_names_them_apart_from_the_rows_not_in_the_file():
    # 太和县中医院 2019 (w12): 表一 one cell a line, `行政许可` / `其他对外管理服务事项` printed with no value, then
    # `第二十条第(六)项` and the file ends: was "没有找到 6 行：行政许可、其他对外管理服务事项、行政处罚…"
    r = extract_one(ROOT / "corpus" / "w12" / "ah_taihe_zyy_2019_spam.txt")
    (msg,) = [m for m in _f4(r) if "主动公开政府信息情况" in m]
    assert "有 2 行只读到行名、没有读到数值：行政许可（第21行）、其他对外管理服务事项（第22行）" in msg, msg
    assert "没有找到 4 行：行政处罚、行政强制、行政事业性收费、政府集中采购" in msg, msg


def test_one_row_printed_as_its_label_alone_is_named_with_its_line(tmp_path):
    # a tab table whose 行政许可 row keeps its label and lost its numbers (`行政许可` with no tab after it)
    text = SEED.read_text(encoding="utf-8")
    old = "行政许可\t0\t0\t0\n"
    assert text.count(old) == 1
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "report.txt"
    path.write_text(text.replace(old, "行政许可\n"), encoding="utf-8")
    r = extract_one(path)
    (msg,) = [m for m in _f4(r) if "主动公开政府信息情况" in m]
    assert f"有 1 行只读到行名、没有读到数值：行政许可（第{line}行）" in msg, msg
    assert "没有找到" not in msg
    assert all(r["cells"][c] is None for c in r["cells"] if c.startswith("active.licensing."))


def test_a_row_not_in_the_file_is_still_not_found(tmp_path):
    # guard: the row's line removed altogether: nothing of it is in the file
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("行政许可\t0\t0\t0\n", ""), encoding="utf-8")
    (msg,) = [m for m in _f4(extract_one(path)) if "主动公开政府信息情况" in m]
    assert "没有找到 1 行：行政许可。" in msg and "只读到行名" not in msg, msg


def test_one_cell_of_digits_between_separators_is_not_said_to_be_run_together():
    # 通州某局 2019 (w12): `行政处罚 |` / `253 |` / `--253 |` / `0 |`, the doubled minus not a number: the row is
    # left unread (honest), but the F3 said "一行的数值连写成一串" of a number printed in a cell of its own
    r = extract_one(ROOT / "corpus" / "w12" / "bj_tongzhou_bm_2019.txt")
    (msg,) = [f["message"] for f in r["findings"] if f["rule"] == "F3" and "「行政处罚」" in f["message"]]
    assert "一行只读到一格数字“253”，模板有 3 列" in msg and "若“253”是几格连写" in msg, msg
    assert "连写成一串" not in msg and "连写数字" not in msg


def test_a_crawler_run_is_still_said_to_be_run_together():
    # guard: the archive crawler's text of 财政金融局 2019 prints each row's cells with nothing between them
    r = extract_one(ROOT / "corpus" / "pingtan-chains" / "czj_2019.txt")
    runs = [f["message"] for f in r["findings"] if f["rule"] == "F3" and "连写数字“1077”" in f["message"]]
    assert runs and all("一行的数值连写成一串" in m for m in runs), runs
