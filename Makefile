include spec/pin.mk

SHELL       := bash
.SHELLFLAGS := -o pipefail -c

GO      ?= go
SPEC    := spec/openapi.yaml
OVERLAY := spec/overlay.yaml
OUT     := gen/sunco

.PHONY: all spec generate build prism test test-specs golden clean

# make: fetch the pinned spec, generate the SDK, build and vet it.
all: build

spec:
	@sh spec/fetch.sh $(SPEC_VERSION) $(SPEC_SHA256) $(SPEC_URL)

generate: spec
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -overlay $(OVERLAY) -out $(OUT)

build: generate
	$(GO) build ./...
	$(GO) vet ./$(OUT)

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
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -overlay $(OVERLAY) -out $(OUT) -check
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./$(OUT)
	$(GO) test ./gen/sdktest -run '^$$' -fuzz FuzzParseWebhook -fuzztime 20s
	$(GO) test ./golden -run '^$$' -fuzz FuzzGenerate -fuzztime 20s -fuzzminimizetime 1s
	$(MAKE) test-specs

# Generate, build and vet an SDK for every published spec version.
test-specs:
	$(GO) test -count=1 -run 'TestAllSpecVersions|TestNamesStable' -v ./generator/versions/ | grep -v '^=== RUN'

golden:
	$(GO) test ./golden -update

clean:
	rm -rf $(OUT) $(SPEC)
