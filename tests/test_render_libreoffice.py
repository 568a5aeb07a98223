"""The seeds, checked and annotated for real, rendered by LibreOffice (headless): the findings
sheet prints, the flagged cells are coloured on the page and their notes are printed."""
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from checker.annotate import annotate_file
from checker.annotate.plan import INVOLVED_FILL, SUSPECT_FILL
from checker.annotate.libreoffice import to_pdf, to_png
from checker.check import check_paths

pytestmark = pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftoppm"),
                                reason="LibreOffice / poppler not installed (make system)")


def _pages(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for i in range(1, n + 1)]


def _pixels(png, hex_colour, tolerance=8) -> int:
    rgb = np.array(Image.open(png).convert("RGB")).astype(int)
    want = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(rgb - want).max(axis=2) <= tolerance).sum())


def test_annotated_seeds_render_with_flags_and_notes(seeds, tmp_path):
    folder = next(iter(seeds.values())).parent
    result = check_paths([folder])
    assert result.findings
    out = annotate_file(result, tmp_path / "seeds-annotated.xlsx")
    pdf = to_pdf(out, tmp_path)
    pages = _pages(pdf)
    assert "复核意见" in pages[0] and "待处理" in pages[0]          # the 校验结果 sheet comes first
    flagged = [i for i, text in enumerate(pages, 1) if "xxgk 校验" in text]
    assert flagged, "no note printed"
    texts = "".join(pages[i - 1] for i in flagged)
    suspect = next(f for f in result.findings if f.suspect and f.suspect.cell.count(".") >= 2)
    assert f"{suspect.rule} " in texts
    colours = {"suspect": 0, "involved": 0}
    for page in flagged:
        png = to_png(pdf, tmp_path / f"page{page}", page=page)
        colours["suspect"] += _pixels(png, SUSPECT_FILL)
        colours["involved"] += _pixels(png, INVOLVED_FILL)
    assert colours["suspect"] > 20 and colours["involved"] > 20, colours


def test_findings_links_are_internal_jumps_for_libreoffice(seeds, tmp_path):
    import re
    import zipfile
    folder = next(iter(seeds.values())).parent
    result = check_paths([folder])
    out = annotate_file(result, tmp_path / "a.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "ods", "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "a.ods") as z:
        content = z.read("content.xml").decode()
    links = re.findall(r'xlink:href="#&apos;([^&]+)&apos;\.([A-Z]+\d+)"', content)
    assert links and all(sheet in content for sheet, _ in links)


def test_overview_page_renders_its_tables_and_bar_charts(seeds, tmp_path):
    """概览 as a reviewer sees it: the page prints the per-report and per-rule counts and LibreOffice
    draws the two bar charts (their titles and bars, in the charts' default blue, are on the page)."""
    folder = next(iter(seeds.values())).parent
    result = check_paths([folder])
    out = annotate_file(result, tmp_path / "a.xlsx")
    pdf = to_pdf(out, tmp_path, show_notes=False)
    pages = _pages(pdf)
    page = next(i for i, text in enumerate(pages, 1) if text.lstrip().startswith("概览："))
    text = pages[page - 1]
    assert "各报告问题数" in text and "各规则问题数" in text
    assert "待处理问题最多的" in text and "各规则的待处理问题数" in text          # the charts' titles
    png = to_png(pdf, tmp_path / "overview", page=page)
    assert _pixels(png, "#4F81BD") > 200                                       # the bars are drawn
