include spec/pin.mk

GO      ?= go
SPEC    := spec/openapi.yaml
OVERLAY := spec/overlay.yaml
OUT     := gen/sunco

.PHONY: all spec generate build test test-specs golden clean

# make: fetch the pinned spec, generate the SDK, build and vet it.
all: build

spec:
	@sh spec/fetch.sh $(SPEC_VERSION) $(SPEC_SHA256) $(SPEC_URL)

generate: spec
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -overlay $(OVERLAY) -out $(OUT)

build: generate
	$(GO) build ./...
	$(GO) vet ./$(OUT)

# make test: everything CI runs.
test: build
	$(GO) vet ./...
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /generator/versions)
	$(GO) run ./cmd/sunco-gen -spec $(SPEC) -overlay $(OVERLAY) -out $(OUT) -check
	$(MAKE) test-specs

# Generate, build and vet an SDK for every published spec version.
test-specs:
	$(GO) test -count=1 -run TestAllSpecVersions -v ./generator/versions/ | grep -v '^=== RUN'

golden:
	$(GO) test ./golden -update

clean:
	rm -rf $(OUT) $(SPEC)
