# In My Words: the two commands a new machine needs are `make run` and `make test`.
# Both install whatever is missing first (scripts/setup.sh), so a fresh clone just works.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The browser tests drive Debian's Chromium; nothing ever downloads a browser.
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROME_PATH := /usr/bin/chromium
# Panic messages name source files; keep the build machine's folders out of the app (and out of
# the download: shorter paths are smaller).
export RUSTFLAGS := --remap-path-prefix=$(HOME)/.cargo/registry/src=crates --remap-path-prefix=$(CURDIR)=.
PORT ?= 8080

.PHONY: run test bench data-report places build setup lint test-native test-wasm test-e2e clean

## Build the app and serve it on http://127.0.0.1:$(PORT)
run: build
	node scripts/serve.mjs --port $(PORT)

## Build the release app into dist/
build:
	scripts/setup.sh build
	trunk build --release

## Every test, failing on the first failure
test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory lint test-native test-wasm test-e2e

## Formatting and clippy over the whole workspace (the app and crates/basics), native and wasm
lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --workspace --all-targets -- -D warnings

## Domain, data and scenario tests (plain Rust), in every crate of the workspace
test-native:
	cargo test --workspace

## Component tests in headless Chromium
test-wasm:
	cargo test --target wasm32-unknown-unknown --test components

## The built app in a real browser: journeys, privacy, accessibility, offline, size
test-e2e:
	trunk build --release
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

## Size, speed and memory figures (prints; never fails on a figure)
bench:
	scripts/setup.sh bench
	trunk build --release
	node scripts/bench.mjs

## How fresh and complete the data is: entries by checked month, every unconfirmed detail,
## announced changes, and how many places routes name can be written to (prints; never fails)
data-report:
	scripts/setup.sh build
	cargo run --quiet --example data-report

## Remake assets/data/places.txt (postcode districts and councils) from research/, and say what
## it holds; tests/places.rs fails if the committed file differs
places:
	cargo run --quiet --example build-places

clean:
	cargo clean
	rm -rf dist test-results bench-results
