"""Rendering an annotated workbook with LibreOffice (headless) for a reviewer's printout, the
README screenshot and the render test: notes are made visible in a copy so they print next to
their cells, then `soffice --convert-to pdf` and poppler's `pdftoppm` do the rest."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

_HIDDEN = re.compile(rb"visibility:hidden")
# openpyxl writes the VML with generated prefixes (ns2:ClientData), Excel with x:
_CLIENT_DATA = re.compile(rb'(<(\w+):ClientData [^>]*ObjectType="Note"[^>]*>)')
_ROW_COL = re.compile(rb"<(\w+):Row>(\d+)</\1:Row>\s*<\1:Column>(\d+)</\1:Column>")


class RenderError(Exception):
    pass


def with_visible_notes(src: Path, dst: Path) -> Path:
    """A copy of `src` whose notes (批注) are shown, as Excel's "显示批注" would: only the notes'
    VML shapes change, nothing else in the workbook."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/drawings/") and item.filename.endswith(".vml"):
                data = _HIDDEN.sub(b"visibility:visible", data)
                data = _CLIENT_DATA.sub(rb"\1<\2:Visible/>", data)
                data = _ROW_COL.sub(_anchor_beside, data)
            zout.writestr(item, data)
    return dst


def to_pdf(workbook: Path, out_dir: Path, show_notes: bool = True, timeout: int = 180) -> Path:
    """Render `workbook` to `out_dir/<stem>.pdf` with LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RenderError("未找到 LibreOffice（soffice）；请先运行 make system 安装。")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xxgk-render-") as tmp:
        src = Path(tmp) / Path(workbook).name
        if show_notes:
            with_visible_notes(Path(workbook), src)
        else:
            shutil.copyfile(workbook, src)
        # a private profile: a user's running LibreOffice must not block or be disturbed
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), str(src)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    pdf = out_dir / (Path(workbook).stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise RenderError(f"LibreOffice 未能转换 {workbook}：{done.stderr.strip() or done.stdout.strip()}")
    return pdf


def to_png(pdf: Path, prefix: Path, page: int = 1, dpi: int = 110) -> Path:
    """One page of `pdf` as `prefix.png` (poppler's pdftoppm)."""
    if not shutil.which("pdftoppm"):
        raise RenderError("未找到 pdftoppm（poppler-utils）；请先运行 make system 安装。")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True, timeout=120)
    return Path(f"{prefix}.png")


def _anchor_beside(m: re.Match) -> bytes:
    """Place a shown note just right of its cell (openpyxl stacks them all at the top left)."""
    ns, row, col = m.group(1), int(m.group(2)), int(m.group(3))
    anchor = f"{col + 1}, 15, {row + 1}, 4, {col + 4}, 15, {row + 6}, 4".encode()   # below-right: the cell stays visible
    return m.group(0) + b"<" + ns + b":Anchor>" + anchor + b"</" + ns + b":Anchor>"
