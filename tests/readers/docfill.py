"""Test documents made from the project's own 2021 Word template: fill its three tables with known
values (python-docx), optionally push the requests table over a page break and give the pages a
`-N-` footer, then let LibreOffice headless turn the .docx into a PDF (as offices publish them)."""
from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import docx

from bench.officialdoc import REQ_COLS, TEMPLATE_2021, fill_2021  # noqa: F401  (the tests' import place)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src: Path, outdir: Path, target: str, suffix: str | None = None) -> Path:
    """`soffice --convert-to target` with a private profile (parallel runs do not collide); the
    written file (`src`'s stem + `.suffix`, the target's name before any `:` options by default)."""
    profile = outdir / ".lo-profile"
    cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(outdir)})
    out = outdir / f"{src.stem}.{suffix or target.split(':', 1)[0]}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def to_html(src: Path, outdir: Path) -> Path:
    """The document as a web page, the way Word/LibreOffice "save as web page" writes it."""
    return convert(src, outdir, "html")


def to_pdf(src: Path, outdir: Path, password: str | None = None) -> Path:
    """The document as PDF; `password` exports an encrypted PDF that needs it to open."""
    target = "pdf"
    if password:
        target = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                  f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}')
    return convert(src, outdir, target, "pdf")


__all__ = ["fill_2021", "to_pdf", "soffice", "copy"]


def text_docx(text: str, out: Path, size_pt: float = 7.5) -> Path:
    """A Word document holding `text` line by line (tabs kept, so tables print as text columns at
    tab stops, with no ruling lines), small and landscape so that no row wraps."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    d = docx.Document()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(42.0), Cm(29.7)   # A3: the widest rows stay on one line
    sec.left_margin = sec.right_margin = Cm(1.5)
    style = d.styles["Normal"]
    style.font.size = Pt(size_pt)
    style.paragraph_format.space_after = Pt(0)
    for line in text.splitlines():
        d.add_paragraph(line)
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    return out
