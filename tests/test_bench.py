"""The benchmark's measuring parts on real processes and files: peak memory and CPU time of a
process tree, the reading floor, and the README table made from a run's results."""
import sys

from bench.floor import floor_measure
from bench.generate import district, write_texts
from bench.measure import run_measured
from bench.run import markdown

# A child that holds ~200 MB and burns CPU in a worker of its own (a grandchild of the test).
_CHILD = """
import multiprocessing as mp, time
def burn(_):
    t = time.process_time()
    while time.process_time() - t < 0.4:
        pass
if __name__ == "__main__":
    block = bytearray(200 * 2**20)
    p = mp.get_context("fork").Process(target=burn, args=(0,))
    p.start(); burn(0); p.join()
"""


def test_run_measured_counts_the_whole_tree():
    m = run_measured([sys.executable, "-c", _CHILD], interval=0.02)
    assert m.returncode == 0
    assert m.peak_bytes >= 200 * 2**20            # the block is touched (zeroed) while held
    assert m.cpu_seconds >= 0.7                     # parent and its worker each burnt 0.4 s
    assert m.seconds >= 0.4


def test_floor_reads_generated_reports(tmp_path):
    d = district(4, years=(2022,), seed=3, name="测试区")
    write_texts(d, tmp_path)
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) == 5
    wall, cpu = floor_measure(files, workers=2)
    assert wall > 0 and cpu > 0


def test_markdown_table_has_a_line_per_input_set():
    row = {"kind": "text2021", "reports": 10000, "files": 10000, "seconds": 6.01, "reports_per_s": 1663,
           "cpu_s": 9.8, "cpu_ms_per_report": 0.98, "peak_mb": 293, "floor_s": 0.14, "floor_ratio": 41.69,
           "load_before": 2.0}
    text = markdown({"rows": [row, row | {"kind": "workbook", "reports": 1000}], "seeds_s": 0.8,
                     "growth_10x": 8.5})
    lines = text.splitlines()
    assert lines[2].startswith("| 文本，2021 版 | 10,000 | 10,000 | 6.01 | 1,663 | 9.8 | 0.98 | 293 | 0.14 | 41.69 | 2.0 |")
    assert lines[3].startswith("| 汇总工作簿（每区一个） | 1,000 |")
    assert "0.8 s" in text and "8.5" in text


def test_update_readme_replaces_only_the_marked_table(tmp_path):
    from bench.run import update_readme
    readme = tmp_path / "README.md"
    readme.write_text("前文\n<!-- bench-table -->\n旧表\n<!-- /bench-table -->\n后文\n", encoding="utf-8")
    update_readme(readme, "| 新表 |\n")
    assert readme.read_text(encoding="utf-8") == "前文\n<!-- bench-table -->\n| 新表 |\n<!-- /bench-table -->\n后文\n"


def test_bench_districts_are_real_so_the_home_city_is_known(tmp_path):
    """The benchmark's districts carry real names: a report's own city is found from its unit name,
    so rule M2 is evaluated on them as on real reports (numbered names only past China's counties)."""
    from bench.generate import real_districts
    from checker.readers import read_path
    names = real_districts(3)
    assert names == ["北京市东城区", "北京市西城区", "北京市朝阳区"]
    assert len(set(real_districts(2000))) == 2000
    d = district(2, years=(2022,), seed=5, name=names[1])
    write_texts(d, tmp_path)
    for f in sorted(tmp_path.rglob("*.txt")):
        regions = read_path(f).reports[0].facts["regions"]
        assert regions["home"] == "北京市" and regions["basis"].startswith("单位名称"), (f.name, regions)


def test_rendition_benchmark_reads_no_cell_wrongly():
    """bench.renditions on a small district: every rendition it writes without LibreOffice reads
    back with no wrong cell, and the tidy ones completely."""
    from bench.renditions import run
    scores = run(units=2, pdf_count=0, seed=5, only=["html", "crawler", "tab", "lines", "markdown", "displaced", "xlsx"])
    assert all(s.files and s.wrong == 0 for s in scores.values())
    # an unread cell is always named by an F3/F4: none is silently read as blank
    assert sum(s.unread for s in scores.values()) > 0 and all(s.silent == 0 for s in scores.values())
    assert all(scores[k].right == scores[k].cells for k in ("html", "tab", "markdown", "displaced", "xlsx"))
    assert scores["crawler"].right > 0.9 * scores["crawler"].cells


def test_crawler_unread_cells_are_each_explained_by_their_printed_row():
    """bench.crawler_unread sorts every cell the crawler rendition leaves unread by what its row
    allows; the count is the benchmark's own, and every cell falls in a kind the text explains."""
    from collections import Counter

    from bench.crawler_unread import KINDS, breakdown
    from bench.renditions import run
    ambiguous: Counter = Counter()
    cells, unread = breakdown(units=2, seed=5, ambiguous=ambiguous)
    score = run(units=2, pdf_count=0, seed=5, only=["crawler"])["crawler"]
    assert cells == score.cells and sum(unread.values()) == score.unread
    assert {kind for _, kind in unread} <= set(KINDS)
    # each is a true ambiguity of its page: the reader's candidates hold the printed row and another
    assert ambiguous == unread


def test_crawler_masking_reads_no_cell_wrong_in_reports_that_carry_errors():
    """bench.crawler_masking: seed 1 at 20 units holds a transposed （七）总计 (15 printed 51, the run
    `5100000015`) that fits 5|10|…|15 by coincidence; the crawler text of such reports is read with
    no wrong cell (the row is reported unread), the tab text finds and localises every error."""
    from bench.crawler_masking import run
    out = run(units=20, errors=40, seeds=[1])
    crawler, tab = out["crawler"]["kinds"], out["tab"]["kinds"]
    assert out["crawler"]["wrong_examples"] == [] and out["tab"]["wrong_examples"] == []
    assert sum(k["cells"] for k in crawler.values()) == sum(k["cells"] for k in tab.values()) > 0
    assert crawler["transposition"]["unread_cells"] > 0
    assert sum(k["injected"] for k in tab.values()) == sum(k["found"] for k in tab.values()) == 40
