# Thin front end over CMake.  See README.md.
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure demo test bench models fuzz asan clean regen

all: configure
	@echo "building clio in $(BUILD)/ (log: $(BUILD)/build.log)"
	@cmake --build $(BUILD) -j $(JOBS) > $(BUILD)/build.log 2>&1 || { cat $(BUILD)/build.log; exit 1; }

configure:
	@[ -f $(BUILD)/CMakeCache.txt ] || cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

deps:
	@scripts/install-deps

demo: deps all
	@echo; echo "== clio code examples/article.txt (the built-in demo article, dated 2026-03-12)"; echo
	@$(BUILD)/clio code --format table examples/article.txt --date 2026-03-12 --id demo-article
	@echo; echo "== the first event as JSON (docs/OUTPUT.md); 'clio explain' shows how each was found"; echo
	@$(BUILD)/clio code --quiet --format jsonl examples/article.txt --date 2026-03-12 --id demo-article | head -n 1

test: all
	@BUILD=$(BUILD) test/run

bench: all
	@BUILD=$(BUILD) bench/run

models: all
	@BUILD=$(BUILD) tools/make-models

fuzz:
	@cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCLIO_FUZZ=ON -DCLIO_SANITIZE=ON >/dev/null
	@ASAN_OPTIONS=detect_leaks=0 cmake --build build-fuzz -j $(JOBS)

asan:
	@cmake -S . -B build-asan -DCMAKE_C_COMPILER=clang -DCLIO_SANITIZE=ON >/dev/null
	@ASAN_OPTIONS=detect_leaks=0 cmake --build build-asan -j $(JOBS)
	@BUILD=build-asan test/run

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-gcc build-clang
