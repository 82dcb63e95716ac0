# The two commands: `make run` (the kiosk on the demo shop, simulated devices) and `make test`.
# Each bootstraps what it needs first (system packages when root, the locked virtual environment).
VENV := .venv
PY := $(VENV)/bin/python
export QT_QUICK_BACKEND ?= software

.PHONY: run test bench bootstrap lint translations package clean

bootstrap:
	@bash scripts/bootstrap.sh

translations: bootstrap
	@if [ -f ui/translations.py ]; then $(PY) -m ui.translations build; fi

run: bootstrap translations
	$(PY) -m kiosk run $(ARGS)

lint: bootstrap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint translations
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: bootstrap translations
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(ARGS)

# The Debian packages kiosk and kiosk-backend from the current commit (HEAD, not the working tree) into
# dist/; two builds of one commit are byte-identical. See docs/DEPLOYING.md.
package: bootstrap
	$(PY) packaging/build.py --out dist $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
