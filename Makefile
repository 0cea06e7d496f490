# Two commands matter: `make demo` and `make test`. Both need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Reference classification files (KBLI, JSIC, ISIC): used by the demo when present.
REFERENCE_DATA ?= $(wildcard ../shared/data)

.PHONY: demo test install lint format messages clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/jembatan migrate --noinput
	JEMBATAN_REFERENCE_DATA="$(REFERENCE_DATA)" $(BIN)/jembatan demo
	DEBUG=1 $(BIN)/jembatan runserver 127.0.0.1:8000

test: $(STAMP)
	JEMBATAN_REFERENCE_DATA="$(REFERENCE_DATA)" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(STAMP)
	cd src/jembatan && ../../$(BIN)/jembatan makemessages -l id -l ja -l en --no-obsolete
	cd src/jembatan && ../../$(BIN)/jembatan compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
