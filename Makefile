PY := .venv/bin/python

.PHONY: test lint bench demo
test:
	$(PY) -m pytest
lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/ruff format --check src tests bench
	.venv/bin/mypy
bench:
	for script in bench/*.py; do $(PY) $$script; done
demo:
	.venv/bin/fraudlink demo

# the web pages' scripts and fonts, from the npm registry at the versions package-lock.json pins
.PHONY: vendor
vendor:
	npm ci --no-audit --no-fund
	python3 scripts/vendor_web.py
