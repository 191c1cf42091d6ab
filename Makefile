# The two commands of the README: `make run` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test setup system-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Set up, migrate the SQLite database, load reference + demo data, serve on http://127.0.0.1:8000
run: setup
	$(BIN)/netra run

system-deps:
	bash scripts/system_deps.sh

## Set up (including PostgreSQL and Chromium from Debian when absent) and run the whole test suite
# worksteal: a worker that runs dry takes half of the other's queue, so no file keeps one core busy alone at the
# end (loadfile did); a module split that way builds its module fixtures again on the other worker.
test: setup system-deps
	NETRA_REQUIRE_POSTGRES=1 NETRA_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -n auto --dist worksteal --durations=25

clean:
	rm -rf $(VENV) var .pytest_cache
