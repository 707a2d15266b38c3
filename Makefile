# cityties: `make demo` runs the main job on the bundled sample articles, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= sqlite:///cityties.db

.PHONY: demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/cityties --db $(DB) ingest examples/articles
	$(BIN)/cityties --db $(DB) events --limit 30
	$(BIN)/cityties --db $(DB) dossier Incheon Brisbane
	$(BIN)/cityties --db $(DB) stats
	@echo
	@echo "Browse it: $(BIN)/cityties --db $(DB) serve   (then open http://127.0.0.1:8000/)"
	@echo "Curate it: $(BIN)/cityties --db $(DB) user add NAME --role editor   (then log in at /login)"

test: $(VENV)/.installed
	$(BIN)/python -m pytest

eval: $(VENV)/.installed
	@mkdir -p build
	@$(BIN)/cityties extract --format eval $(SHARED)/eval/dev > build/eval.jsonl
	@$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/dev build/eval.jsonl
	@$(BIN)/python scripts/eval_report.py $(SHARED)/eval/score.py $(SHARED)/eval/dev build/eval.jsonl --floor eval_floor.json --set dev
	@echo "held-out articles written for the project (tests/fixtures/heldout):"
	@$(BIN)/cityties extract --format eval tests/fixtures/heldout > build/heldout.jsonl
	@$(BIN)/python scripts/eval_report.py $(SHARED)/eval/score.py tests/fixtures/heldout build/heldout.jsonl --floor eval_floor.json --set heldout

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf build cityties.db cityties.db-wal cityties.db-shm
