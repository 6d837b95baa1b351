# FlashCast: `make demo` sets everything up and runs the main job on the bundled example data;
# `make test` runs the test suite. Both install the system packages they need on first use.

SWIFT ?= swift
APT_PACKAGES = liblua5.4-dev libedit-dev pkg-config librsvg2-bin libxml2-utils libpq-dev libsqlite3-dev
# The browser the test of report.html runs headless (and a font for its screenshot).
TEST_PACKAGES = chromium fonts-dejavu-core
OUT ?= out

.PHONY: setup build release demo test bench clean

setup:
	@bash scripts/setup.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product flashcast

# The scheduled report, replayed at noon of the bundled sale's second day: status, forecast to the
# end of the sale with its band, verdict, charts, $(OUT)/report.md and $(OUT)/report.html. Exit 3 (an alert) is a result, not a failure.
demo: release
	.build/release/flashcast run scripts/report.lua --now 2021-11-12T12:00 --target 2000000 --out $(OUT); \
	  status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ]
	@echo "open $(OUT)/report.html (or $(OUT)/report.md; charts: $(OUT)/*.svg)"

test: setup
	@bash scripts/setup.sh $(TEST_PACKAGES)
	$(SWIFT) test

bench: setup
	$(SWIFT) run -c release BenchBridge

clean:
	rm -rf .build $(OUT)
