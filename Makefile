# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
OUT     := out
SEEDS   := tests/fixtures/seeds

.PHONY: demo test bench docs check system clean screenshot workbooks wheel

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian packages the real components need: LibreOffice renders workbooks (tests, screenshots)
# and converts documents to PDF; poppler's pdftoppm turns PDFs into PNGs; Noto CJK draws Chinese.
system:
	@if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		echo "安装 LibreOffice / poppler / 中文字体 (Debian)…"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk >/dev/null; \
	fi

demo: $(STAMP)
	@mkdir -p $(OUT)
	@# the reviewer's path: the seeds imported into one collection workbook, then that workbook
	@# checked and flagged (exit 1 = findings, expected here)
	$(BIN)/xxgk import $(SEEDS) -o $(OUT)/seeds.xlsx --force || [ $$? -eq 2 ]
	$(BIN)/xxgk check $(OUT)/seeds.xlsx --annotate $(OUT)/seeds-annotated.xlsx --force --format table || [ $$? -le 1 ]
	@echo "标注好的工作簿：$(OUT)/seeds-annotated.xlsx（用 Excel 或 LibreOffice 打开）"

# The README screenshot: the annotated seeds rendered by LibreOffice (needs `make system`).
screenshot: demo
	$(BIN)/python -m checker.annotate.screenshot $(OUT)/seeds-annotated.xlsx docs/screenshots

# workbooks/xxgk-checker.xlsm and the blank templates, rebuilt from workbooks/vba/.
workbooks: $(STAMP)
	$(BIN)/python workbooks/build_xlsm.py

# The wheel to install elsewhere (README 安装): dist/xxgk_checker-<version>-py3-none-any.whl,
# templates and rules inside; pip builds it in an isolated environment.
wheel: $(STAMP)
	$(BIN)/pip wheel -q --no-deps . -w dist

test: $(STAMP) system
	$(BIN)/python -m pytest -q

# Byte-compiled first, as an installed package is (this machine sets PYTHONDONTWRITEBYTECODE, so
# an editable install would otherwise compile every module on every start).
bench: $(STAMP)
	$(BIN)/python -m compileall -q checker bench
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.renditions
	$(BIN)/python -m bench.real_corpus

docs: $(STAMP)
	$(BIN)/python -m checker.docs

# What a maintainer relies on before a merge (CI runs it after `make test`): lint, types, the
# generated docs being current, every rule having its fixtures, and the rule catalogue loading.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m checker.docs --check
	$(BIN)/python -m pytest -q tests/test_docs.py tests/test_cli_docs.py tests/rules/test_fixture_coverage.py \
		tests/rules/test_catalogue_contract.py tests/test_architecture_docs.py

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info
