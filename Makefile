# Security in Numbers: every command a student, instructor or CI needs.
# `make book` builds the site; `make test` runs every test. Both set up what
# they need on a fresh machine (a virtual environment, the vendored JavaScript,
# Debian's chromium for the browser tests).

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
# Notebook kernels and matplotlib must not depend on the caller's settings.
export MPLBACKEND := module://matplotlib_inline.backend_inline
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help venv vendor book test test-fast lint lab serve execute bench student chromium lock clean

help:
	@echo "make book     build the course site into _build/html (sets everything up)"
	@echo "make test     run every test: models, data, notebooks (nbval), site and browser"
	@echo "make test-fast  models, data, exercises and widgets in-process (no book, no browser)"
	@echo "make lint     ruff over widgets/, tests/, scripts/ and _ext/"
	@echo "make lab      open the course in JupyterLab"
	@echo "make serve    serve the built site on http://$(HOST):$(PORT)"
	@echo "make execute  re-execute every chapter notebook in place (outputs + widget state)"
	@echo "make student  write student copies (solutions removed) into student/"
	@echo "make bench    time notebooks, widget redraws, the live site and the site build"
	@echo "make lock     compile requirements.txt and binder/requirements.txt from pyproject.toml"

$(STAMP): requirements.txt pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The course's JupyterLab settings (binder/overrides.json: no news pop-up), for
# `make lab` and the lab tests; binder/postBuild installs the same file on Binder.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_SETTINGS): binder/overrides.json $(STAMP)
	mkdir -p $(dir $@) && cp $< $@

venv: $(STAMP) $(LAB_SETTINGS)

vendor:
	$(PYTHON) scripts/vendor.py

book: venv vendor
	@# The live site's Python bundle (_static/live/): the course's pure modules and shipped tables.
	$(BIN)/python scripts/live.py
	$(BIN)/jupyter-book build . -W --keep-going
	@# The printable edition: the whole course on one page, served as print/.
	$(BIN)/jupyter-book build . -W --keep-going --builder singlehtml -q
	@# Sphinx copies the static files only when some page is out of date: after a change to the
	@# course's Python or JavaScript alone it would serve the old bundle. Copy them every time.
	for out in _build/html _build/singlehtml; do cp -r vendor/_dist/. course_static/. $$out/_static/; done
	rm -rf _build/html/print && cp -r _build/singlehtml _build/html/print
	@# The theme's search box asks for searchindex.js, which singlehtml does not write.
	cp _build/html/searchindex.js _build/html/print/
	sed -i 's#href="print/index.html"#href="intro.html"#' _build/html/print/intro.html

chromium:
	@# poppler-utils: pdfimages, with which the print test counts the figures in the PDF.
	@command -v chromium >/dev/null && command -v pdfimages >/dev/null || { \
	  echo "Installing Debian's chromium and poppler-utils for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

test: book chromium
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
	  tests chapters

test-fast: venv
	$(BIN)/python -m pytest -n 2 --dist loadfile -q -m "not slow and not site and not browser" tests

lint: venv
	$(BIN)/python -m ruff check widgets tests scripts _ext
	$(BIN)/python -m ruff format --check widgets tests scripts _ext

lab: venv
	$(BIN)/jupyter lab --ServerApp.ip=$(HOST) $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) chapters/orientation.ipynb

serve:
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server $(PORT) --bind $(HOST) --directory _build/html

execute: venv
	$(BIN)/python scripts/execute.py

student: venv
	$(BIN)/python scripts/student.py

bench: book chromium
	$(BIN)/python scripts/bench.py

# pip-tools in a venv of its own: locking must not depend on the environment it writes.
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	$(VENV)-lock/bin/python scripts/lock.py

clean:
	rm -rf _build vendor/_dist
