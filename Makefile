include spec/pin.mk

SHELL       := bash
.SHELLFLAGS := -o pipefail -c

GO      ?= go
SPEC    := spec/openapi.yaml
OUT     := gen/sunco

.PHONY: all spec generate build bump prism test sdkrepo test-specs golden clean

# make: fetch the pinned spec, generate the SDK, build and vet it.
all: build

spec:
	@sh spec/fetch.sh $(SPEC_VERSION) $(SPEC_SHA256) $(SPEC_URL)

# The SDK, and the fixture SDK gen/fixturetest runs (from a golden case).
generate: spec
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -out $(OUT)
	$(GO) generate ./gen/fixturetest

build: generate
	$(GO) build ./...
	$(GO) vet ./$(OUT)

# make bump VERSION=x.y.z [SHA256=…] [COMMIT=…]: pin another upstream
# version (commit and sha256 from ../shared/spec/sunco/INDEX.tsv when it
# lists the version), fetch and verify it, regenerate, and print the
# changelog from the old pin to the new one: the step to review.
bump: spec
	@test -n "$(VERSION)" || { echo "usage: make bump VERSION=x.y.z [SHA256=…] [COMMIT=…]" >&2; exit 2; }
	@old=$$(mktemp); trap 'rm -f "$$old"' EXIT; cp $(SPEC) "$$old"; \
	sh spec/bump.sh "$(VERSION)" "$(SHA256)" "$(COMMIT)" && \
	$(MAKE) --no-print-directory generate && \
	$(GO) run ./cmd/sunco-gen diff -old "$$old" -new $(SPEC)

# The pinned Stoplight Prism for the end-to-end tests (gen/e2e/), installed by
# npm ci when node_modules is missing or older than the lockfile.
PRISM := gen/e2e/prism

prism: $(PRISM)/node_modules/.package-lock.json

$(PRISM)/node_modules/.package-lock.json: $(PRISM)/package-lock.json $(PRISM)/package.json
	npm ci --prefix $(PRISM)
	@touch $@

# make test: everything CI runs.
test: build prism
	$(GO) vet ./...
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /generator/versions)
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -out $(OUT) -check
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./$(OUT)
	$(GO) test ./gen/sdktest -run '^$$' -fuzz FuzzDecoders -fuzztime 15s
	$(GO) test ./templates/runtime -run '^$$' -fuzz FuzzLexer -fuzztime 5s
	$(GO) test ./golden -run '^$$' -fuzz FuzzGenerate -fuzztime 20s -fuzzminimizetime 1s
	$(GO) test ./gen/bench -run '^$$' -bench . -benchmem -benchtime 100x
	$(MAKE) sdkrepo
	$(MAKE) test-specs

# The example SDK repository (a module of its own that runs sunco-gen as a
# go tool), checked the way its own CI would: go generate, then -check with
# the flags of its //go:generate line (sunco/generate.go), vet and test.
SDKREPO := examples/sdkrepo

sdkrepo: spec
	cp $(SPEC) $(SDKREPO)/openapi.yaml
	cd $(SDKREPO) && $(GO) generate ./...
	cd $(SDKREPO)/sunco && $(GO) tool sunco-gen -q -spec ../openapi.yaml -out . -pkg sunco -check
	cd $(SDKREPO) && $(GO) vet ./... && $(GO) test -count=1 ./...

# Generate, build and vet an SDK for every published spec version.
test-specs:
	$(GO) test -count=1 -run 'TestAllSpecVersions|TestNamesStable' -v ./generator/versions/ | grep -v '^=== RUN'

golden:
	$(GO) test ./golden -update

clean:
	rm -rf $(OUT) gen/fixturetest/wire $(SPEC) $(SDKREPO)/openapi.yaml
