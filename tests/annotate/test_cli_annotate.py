"""`xxgk check PATH --annotate OUT`: the CLI path into annotate_file, on a real collection workbook."""
from openpyxl import load_workbook
from typer.testing import CliRunner

from checker.cli import app
from checker.exitcodes import OUTPUT


def test_check_annotate_writes_a_flagged_copy_and_keeps_existing_output(seeds, tmp_path):
    runner = CliRunner()
    folder = next(iter(seeds.values())).parent
    collection = tmp_path / "seeds.xlsx"
    assert runner.invoke(app, ["import", str(folder), "-o", str(collection)]).exit_code in (0, 2)
    out = tmp_path / "flagged.xlsx"
    res = runner.invoke(app, ["check", str(collection), "--annotate", str(out), "--engine", "openpyxl"])
    assert res.exit_code == 1, res.output            # findings (errors) were found
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "校验结果" and wb["校验结果"].max_row > 1
    res = runner.invoke(app, ["check", str(collection), "--annotate", str(out)])
    assert res.exit_code == OUTPUT and "--force" in res.output      # 4 (was 2)
    res = runner.invoke(app, ["check", str(collection), "--annotate", str(tmp_path / "x.xlsm")])
    assert res.exit_code == OUTPUT and "扩展名" in res.output       # 4 (was 2)
