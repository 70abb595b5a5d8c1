# Themis — two commands on a fresh Debian/Ubuntu machine:
#   make run    install what is missing, build, open the app on the demo study
#   make test   every test: Go (vet, race), frontend (vitest, svelte-check), end to end in Chromium
SHELL := /bin/bash
.DEFAULT_GOAL := run

GO        ?= go
# A Node.js that scripts/need-node.sh installed here, when the system's is too old, comes first.
export PATH := $(CURDIR)/.tools/node/bin:$(PATH)
TAGS      := webkit2_41
# The Wails CLI is a tool with its own modfile, so its dependencies stay out of go.mod;
# the Wails library the app links is the one go.mod pins.
WAILS     := $(GO) tool -modfile=tools.mod wails
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_BUILD := gcc pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
APT_TEST  := xvfb xauth chromium fonts-noto-color-emoji libxml2-utils libreoffice-writer-nogui
BIN       := build/bin/themis-desktop
DEV_BIN   := build/bin/themis-dev
CLI_BIN   := build/bin/themis
# themis runs the commands over a project in its sibling (see internal/cli).
CLI_SIB   := build/bin/themis-project
GO_SRC    := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './e2e/*' 2>/dev/null) go.mod go.sum
FE_SRC    := $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)

.PHONY: run display build test deps deps-test vet tidy layers gotest fetest e2e bench cli bindings clean

## run: install what is missing, build, and open the app on the bundled demo study
run: display deps build
	./$(BIN) -demo

# display: say what to do when there is no screen, before GTK would panic.
display:
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "make run: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."; \
	  echo "  On a desktop, run it from your graphical session. For a headless check: xvfb-run make run"; \
	  echo "  The command-line tool needs no display: go run ./cmd/themis help"; \
	  exit 1; fi

## build: the desktop app (frontend and Go) in build/bin
build: $(BIN)
$(BIN): $(GO_SRC) $(FE_SRC) frontend/node_modules/.installed
	cd frontend && npm run build
	# -m: no 'go mod tidy' first; it would fetch test-only modules of our dependencies.
	$(WAILS) build -tags $(TAGS) -m -s -skipbindings -o themis-desktop

deps: frontend/node_modules/.installed e2e/node_modules/.installed
	@command -v $(GO) >/dev/null || { echo "make: Themis needs Go 1.21 or newer on PATH (it then fetches the Go 1.26 toolchain go.mod names)." >&2; exit 1; }
	@scripts/need-apt.sh $(APT_BUILD)
	@$(GO) mod download
	@$(GO) mod download -modfile=tools.mod

deps-test: deps
	@scripts/need-apt.sh $(APT_TEST)

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	@scripts/need-node.sh
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

e2e/node_modules/.installed: e2e/package.json e2e/package-lock.json
	@scripts/need-node.sh
	cd e2e && npm ci --no-audit --no-fund
	@touch $@

## test: everything a change must pass
test: deps-test vet tidy layers gotest fetest e2e

vet:
	$(GO) vet -tags $(TAGS) ./...

## tidy: go.mod and go.sum list what Themis links, no more (the Wails CLI is in tools.mod);
## the first run downloads the test-only modules of our dependencies that tidy reads
tidy:
	@$(GO) mod tidy -diff || { echo "make: go.mod or go.sum is not tidy: run go mod tidy (a tool goes in tools.mod: go get -tool -modfile=tools.mod ...)" >&2; exit 1; }

## layers: only app/ and main may depend on Wails
layers:
	@scripts/check-layers.sh

gotest:
	$(GO) test -race -tags $(TAGS) ./...

fetest: frontend/node_modules/.installed
	cd frontend && npm test && npm run check

## e2e: the real app (dev build) driven by Playwright in Debian's Chromium under Xvfb
e2e: $(DEV_BIN) $(CLI_BIN) $(CLI_SIB) e2e/node_modules/.installed
	cd e2e && xvfb-run -a -s "-screen 0 1400x900x24" npx playwright test

$(DEV_BIN): $(GO_SRC) $(FE_SRC) frontend/node_modules/.installed
	cd frontend && npm run build
	$(GO) build -tags dev,$(TAGS) -o $(DEV_BIN) .

## bench: the performance budgets, as a table
bench:
	@scripts/bench.sh

## bindings: regenerate frontend/src/lib/wailsjs after changing a bound service in app/
bindings:
	$(WAILS) generate module -tags $(TAGS)

## cli: the headless command-line tool in build/bin: themis and its sibling themis-project
cli: $(CLI_BIN) $(CLI_SIB)
$(CLI_BIN): $(GO_SRC)
	$(GO) build -o $(CLI_BIN) ./cmd/themis
$(CLI_SIB): $(GO_SRC)
	$(GO) build -o $(CLI_SIB) ./cmd/themis-project

clean:
	rm -rf build/bin frontend/node_modules e2e/node_modules e2e/test-results
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
