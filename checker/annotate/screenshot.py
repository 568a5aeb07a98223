"""`python -m checker.annotate.screenshot ANNOTATED.xlsx OUT_DIR`: the README's screenshots of a
flagged workbook, rendered by LibreOffice: the 概览 sheet (tables and bar charts), the 校验结果 sheet
and a report page with its notes."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from .libreoffice import to_pdf, to_png


def page_texts(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for i in range(1, n + 1)]


def screenshots(workbook: Path, out_dir: Path, dpi: int = 100) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xxgk-shot-") as tmp:
        pdf = to_pdf(workbook, Path(tmp))
        texts = page_texts(pdf)
        # the report page with the fewest notes (but some) reads best in a screenshot
        noted = [i for i in range(len(texts)) if "xxgk 校验" in texts[i] and "主动公开政府信息情况" in texts[i]]
        flagged = min(noted, key=lambda i: texts[i].count("xxgk 校验")) + 1
        overview = next(i for i, text in enumerate(texts, 1) if text.lstrip().startswith("概览："))
        return [to_png(pdf, out_dir / "overview-sheet", page=overview, dpi=dpi),
                to_png(pdf, out_dir / "findings-sheet", page=1, dpi=dpi),
                to_png(pdf, out_dir / "flagged-sheet", page=flagged, dpi=dpi)]


if __name__ == "__main__":
    for p in screenshots(Path(sys.argv[1]), Path(sys.argv[2])):
        print(p)
