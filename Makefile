# Rehearse — `make run` to practise, `make test` to run every test.
SWIFT       ?= swift
PREFIX      ?= /usr/local
# The Debian packages the build links against, listed once in .ci/apt-packages.
APT_PACKAGES = $(shell awk '$$2 == "build" {print $$1}' .ci/apt-packages)
RELEASE_BIN  = .build/release/rehearse
# A static Swift runtime starts in half the time and lets the installed binary run without the
# toolchain; lld links it without the glibc mktemp warning that gold prints for Foundation.
# Packed relative relocations (DT_RELR, glibc 2.36+) shrink what the loader reads at every start
# from 3.5 MB (146,000 relocations) to 48 KB (28 KB packed, 20 KB of other kinds): 0.3-0.4 ms
# off each command (docs/deploy.md).
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
DEBUG_BIN    = .build/debug/rehearse
FLOOR_BIN    = bench/floor/.build/release

.PHONY: all run build test bench fuzz lint format format-check check-web clean deps install

all: build

# Installs the Debian packages the build links against, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  echo "Installing$$missing with apt-get"; \
	  $$sudo apt-get update -q && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build $(RELEASE_FLAGS)

# The main job: a practice interview on the default scenario.
run: build
	@$(RELEASE_BIN) practice

# Formatting, page scripts and the shipped scenarios are checked first, so the test runner's
# summary is the last line.
test: deps format-check check-web
	$(SWIFT) build --build-tests
	$(DEBUG_BIN) lint --strict Scenarios
	$(DEBUG_BIN) verify --require-examples --min-discrimination 95 Scenarios
	$(SWIFT) test --disable-xctest

lint: deps format-check check-web
	$(SWIFT) build
	$(DEBUG_BIN) lint --strict Scenarios
	$(DEBUG_BIN) verify --require-examples --min-discrimination 95 Scenarios

# Swift formatting as .swift-format says; `make format` fixes what `format-check` reports.
SWIFT_SOURCES = Package.swift Sources Tests Plugins Fuzz/Package.swift Fuzz/Sources bench/floor/Package.swift bench/floor/Sources
format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)

format:
	$(SWIFT) format --in-place --recursive --parallel $(SWIFT_SOURCES)

# The pages' scripts, syntax-checked where node exists.
check-web:
	@if command -v node >/dev/null; then for f in Web/*.js; do node --check "$$f" || exit 1; done; \
	else echo "make: node not found; page scripts not syntax-checked"; fi

# The wrk rows run before the benchmarks that create and delete thousands of files (and the
# floor is built well before them), and their transcripts are removed only after the last
# benchmark: on ext4 without a journal a file created within minutes of many deletions pays
# for skipping them (docs/deploy.md), which is not the daemon's cost. What a failed or
# interrupted run leaves there goes at the end of the next one, not at its start.
BENCH_SCRATCH = .build/bench-transcripts
bench: build
	mkdir -p $(BENCH_SCRATCH)
	@# The floor (bench/floor) is for the wrk rows only, and optional like them.
	@if command -v wrk >/dev/null; then $(SWIFT) build $(RELEASE_FLAGS) --package-path bench/floor || echo "bench: bench/floor did not build; the wrk rows run without it"; fi
	@# The one-thread load generator (bench/loadgen) runs every wrk row again; optional too.
	@$(CC) -O2 -std=c11 -Wall -Wextra -Werror -o .build/loadgen bench/loadgen/loadgen.c || echo "bench: bench/loadgen did not build; the rows run with wrk alone"
	@$(CC) -O2 -std=c11 -Wall -Wextra -Werror -o .build/flushcost bench/flushcost/flushcost.c || echo "bench: bench/flushcost did not build; its figures are skipped"
	bash bench/startup.sh $(RELEASE_BIN)
	bash bench/scoring.sh $(RELEASE_BIN)
	python3 bench/agreement.py $(RELEASE_BIN)
	python3 bench/first_question.py $(RELEASE_BIN)
	FLOOR=$$([ -x $(FLOOR_BIN)/hummingbird-floor ] && echo $(FLOOR_BIN)/hummingbird-floor) \
	  NIO_FLOOR=$$([ -x $(FLOOR_BIN)/nio-floor ] && echo $(FLOOR_BIN)/nio-floor) \
	  LOADGEN=$$([ -x .build/loadgen ] && echo .build/loadgen) \
	  TRANSCRIPTS_IN=$(BENCH_SCRATCH) KEEP_TRANSCRIPTS=1 bash bench/serve_wrk.sh $(RELEASE_BIN)
	@# What one journal flush costs where the transcripts are, appended and over the journal's zeros.
	@if [ -x .build/flushcost ]; then .build/flushcost $(BENCH_SCRATCH); fi
	python3 bench/history.py $(RELEASE_BIN)
	python3 bench/serve_load.py $(RELEASE_BIN) load
	python3 bench/serve_instructions.py $(RELEASE_BIN)
	python3 bench/serve_load.py $(RELEASE_BIN) fault
	python3 bench/store_load.py $(RELEASE_BIN)
	python3 bench/soak_practice.py $(RELEASE_BIN)
	KILLS=20 CANDIDATES=100 python3 bench/serve_load.py $(RELEASE_BIN) fault
	bash bench/fuzz_api.sh $(RELEASE_BIN)
	rm -rf $(BENCH_SCRATCH)

# libFuzzer on every parser of outside input, FUZZ_SECONDS each; fails on any finding.
FUZZ_SECONDS ?= 60
fuzz: deps
	bash Fuzz/run.sh $(FUZZ_SECONDS)

install: build
	install -d $(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN) $(PREFIX)/bin/rehearse

clean:
	rm -rf .build Fuzz/.build bench/floor/.build
