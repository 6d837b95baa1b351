# FlashCast: `make demo` sets everything up and runs the main job on the bundled example data;
# `make test` runs the test suite. Both install the system packages they need on first use.

SWIFT ?= swift
APT_PACKAGES = liblua5.4-dev libedit-dev pkg-config librsvg2-bin libxml2-utils
OUT ?= out

.PHONY: setup build release demo test bench clean

setup:
	@bash scripts/setup.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product flashcast

demo: release
	.build/release/flashcast run examples/quickstart.lua

test: setup
	$(SWIFT) test

bench: setup
	$(SWIFT) run -c release BenchBridge

clean:
	rm -rf .build $(OUT)
