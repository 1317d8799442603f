# DPP Studio — the two commands a fresh Debian 12 machine needs are `make run`
# and `make test`; both install what is missing and build first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: all deps build run test bench fuzz package format clean

all: build

deps:
	@bash installer/deps-debian.sh

build:
	@cmake --preset default >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: deps build
	@$(BUILD_DIR)/bin/dppstudio

test: deps build
	@bash tests/run-tests.sh $(BUILD_DIR) $(CTEST_ARGS)

bench: deps build
	@bash tests/bench/run-benchmarks.sh $(BUILD_DIR)

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target dpp_fuzzers
	@bash tests/fuzz/run-fuzzers.sh build-fuzz 60

package: deps build
	@cd $(BUILD_DIR) && cpack -G DEB

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) build-fuzz build-debug
