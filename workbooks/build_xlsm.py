"""Build workbooks/xxgk-checker.xlsm (and the blank templates) reproducibly from parts in the repo.

    python workbooks/build_xlsm.py [--out-dir workbooks]

Parts: vba/xxgk.bas (our VBA module: `RunXxgkCheck` calls `checker.excel.run_check()` through
xlwings' RunPython) and vba/button.vml (a Form button, "运行校验", whose FmlaMacro names that
macro). The xlwings VBA module comes from `xlwings quickstart --standalone` of the installed
xlwings, so the workbook needs no add-in. Module1 of that project is replaced by ours (renamed
`xxgk`, stored as source only, which Excel compiles on first open, as it does for xlwings' own
module), and the project is written back as a compound file (cfb.py, ovba.py). openpyxl
(keep_vba=True) then writes the workbook around it, as it does any user's .xlsm.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import cfb  # noqa: E402
import ovba  # noqa: E402

MODULE = "xxgk"
MACRO = "RunXxgkCheck"
VML = "xl/drawings/vmlDrawing1.vml"
SHEET = "校验说明"
INSTRUCTIONS = [
    "政府信息公开工作年度报告校验（xxgk-checker）",
    "",
    "",
    "",
    "",
    "",
    "使用方法：",
    "1. 把各单位的报告放进本工作簿（每份报告一个工作表，版式见 template-2021.xlsx；或用 xxgk import 生成后复制进来）。",
    "2. 点击上方“运行校验”按钮。",
    "3. 在“校验结果”工作表查看问题：红色为最可能填错的单元格，橙色为相关单元格，批注说明问题、规则和建议值。",
    "4. 核实无误的问题，在“复核意见”一列填写“已核实”；修改数值后再次点击按钮，旧标注会先清除、原有底色会恢复。",
    "",
    "首次使用：在本机安装 Python 和 xxgk-checker（pip install xxgk-checker），并在 xlwings.conf 工作表",
    "（把 _xlwings.conf 改名为 xlwings.conf）填写 Interpreter_Win / Interpreter_Mac，详见 README。",
]


def quickstart_project(tmp: Path) -> tuple[Path, dict[str, bytes]]:
    """xlwings' standalone quickstart workbook and the streams of its VBA project."""
    import olefile
    exe = Path(sys.executable).with_name("xlwings")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "xlwings.cli"]
    subprocess.run(cmd + ["quickstart", "xxgkbase", "--standalone"], cwd=tmp, check=True,
                   capture_output=True)
    book = tmp / "xxgkbase" / "xxgkbase.xlsm"
    with zipfile.ZipFile(book) as z:
        ole = olefile.OleFileIO(io.BytesIO(z.read("xl/vbaProject.bin")))
    streams = {"/".join(p): ole.openstream("/".join(p)).read() for p in ole.listdir()}
    return book, streams


def with_our_module(streams: dict[str, bytes], source: str) -> dict[str, bytes]:
    """The project with Module1 replaced by our module (source only, compiled by Excel)."""
    from oletools.olevba import decompress_stream
    recs = ovba.records(bytes(decompress_stream(bytearray(streams["VBA/dir"]))))
    codepage = "cp%d" % int.from_bytes(next(p for r, p in recs if r == 0x03), "little")
    out = dict(streams)
    out["VBA/dir"] = ovba.compress(ovba.pack(ovba.rename_module(recs, "Module1", MODULE, codepage)))
    del out["VBA/Module1"]
    text = source.replace("\r\n", "\n").replace("\n", "\r\n")
    out[f"VBA/{MODULE}"] = ovba.compress(text.encode(codepage))
    project = streams["PROJECT"].decode(codepage)
    project = project.replace("Module=Module1\r\n", f"Module={MODULE}\r\n")
    project = project.replace("\r\nModule1=", f"\r\n{MODULE}=")
    out["PROJECT"] = project.encode(codepage)
    old = b"Module1\0" + "Module1".encode("utf-16-le") + b"\0\0"
    new = MODULE.encode(codepage) + b"\0" + MODULE.encode("utf-16-le") + b"\0\0"
    out["PROJECTwm"] = streams["PROJECTwm"].replace(old, new)
    return out


def build_xlsm(out: Path) -> Path:
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font
    with tempfile.TemporaryDirectory(prefix="xxgk-build-") as tmp:
        base, streams = quickstart_project(Path(tmp))
        project = cfb.write(with_our_module(streams, (HERE / "vba" / "xxgk.bas").read_text("utf-8")))
        wb = load_workbook(base, keep_vba=True)
    parts = io.BytesIO()
    with zipfile.ZipFile(parts, "w", zipfile.ZIP_DEFLATED) as z:
        for name in wb.vba_archive.namelist():
            if name != "xl/vbaProject.bin":
                z.writestr(name, wb.vba_archive.read(name))
        z.writestr("xl/vbaProject.bin", project)
        z.writestr(VML, (HERE / "vba" / "button.vml").read_bytes())
    wb.vba_archive = zipfile.ZipFile(parts, "r")
    ws = wb.worksheets[0]
    ws.title = SHEET
    for row in ws.iter_rows():
        for cell in row:
            cell.value = None
    for i, line in enumerate(INSTRUCTIONS, 1):
        ws.cell(i, 1, line or None).alignment = Alignment(vertical="center")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A7"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 120
    ws.legacy_drawing = VML              # the button: kept by openpyxl's keep_vba path
    wb.active = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def build_templates(out_dir: Path) -> list[Path]:
    from checker.workbook import save_atomic, write_template
    return [save_atomic(write_template(fmt), out_dir / f"template-{fmt}.xlsx", force=True) for fmt in ("2021", "2019")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=HERE)
    args = parser.parse_args()
    print(build_xlsm(args.out_dir / "xxgk-checker.xlsm"))
    for p in build_templates(args.out_dir):
        print(p)


if __name__ == "__main__":
    main()
