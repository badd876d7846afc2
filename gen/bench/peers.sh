#!/usr/bin/env bash
# Benchmarks the JSON codecs of the generated SDK side by side with those of
# ogen v1.24.0, on the same fixture (gen/bench), interleaved round by round,
# and prints the medians and the ratios ours/ogen.
#
#   gen/bench/peers.sh            # ROUNDS=7 BENCHTIME=1s by default
#
# ogen is built from the Go module proxy into a cache folder outside the
# repository, ${XDG_CACHE_HOME:-$HOME/.cache}/sunco-gen-peers, together with
# its input (our normalized document plus the few changes ogen needs, see
# gen/bench/peers/ogeninput), the SDK it generates and a benchmark over
# the fixture. Nothing of it is committed. Run `make` first: it fetches
# the pinned document.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$PWD
cache=${XDG_CACHE_HOME:-$HOME/.cache}/sunco-gen-peers
ogen_version=v1.24.0
ogen=$cache/bin/ogen-$ogen_version
work=$cache/ogen-$ogen_version
rounds=${ROUNDS:-7}
benchtime=${BENCHTIME:-1s}

mkdir -p "$cache/bin" "$work/bench"

if [ ! -x "$ogen" ]; then
	echo "building ogen $ogen_version into $cache" >&2
	tool=$cache/ogen-tool-$ogen_version
	mkdir -p "$tool"
	printf 'module ogentool\n\ngo 1.26\n\nrequire github.com/ogen-go/ogen %s\n' "$ogen_version" >"$tool/go.mod"
	printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/ogen-go/ogen/cmd/ogen"\n' >"$tool/tools.go"
	(cd "$tool" && go mod tidy && go build -o "$ogen" github.com/ogen-go/ogen/cmd/ogen)
fi

echo "preparing ogen's input and SDK in $work" >&2
go run ./cmd/sunco-gen normalize -spec spec/openapi.yaml -o "$work/normalized.yaml" 2>/dev/null
go run ./gen/bench/peers/ogeninput -in "$work/normalized.yaml" -out "$work/openapi.yaml"
cat >"$work/ogen.yml" <<'YAML'
generator:
  ignore_not_implemented:
    - complex anyOf
    - empty uniqueItems
    - sum types with same names
YAML
cd "$work/bench"
printf 'module ogenbench\n\ngo 1.26\n\nrequire github.com/ogen-go/ogen %s\n' "$ogen_version" >go.mod
"$ogen" --target api --package api --clean --config "$work/ogen.yml" "$work/openapi.yaml" 2>"$work/ogen.log"
cp "$root/gen/bench/peers/ogen_bench_test.go.txt" bench_test.go
(cd "$root" && go run ./gen/bench/peers/fixture -out "$work/bench/testdata")
go mod tidy
go test -count=1 -run TestFixture . >/dev/null
go test -c -o "$cache/ogen.test" .

cd "$root"
go run ./cmd/sunco-gen -spec spec/openapi.yaml -out gen/sunco 2>/dev/null
go test -count=1 -run TestFixture ./gen/bench >/dev/null
go test -c -o "$cache/sunco.test" ./gen/bench

echo "running $rounds interleaved rounds" >&2
go run ./gen/bench/peers/compare -rounds "$rounds" -benchtime "$benchtime" -bench MessageList \
	-ours "$cache/sunco.test:$root/gen/bench" -theirs "$cache/ogen.test:$work/bench" -name ogen
echo
echo "ParseWebhook (ogen has no webhook payload type: x-webhooks is not OpenAPI 3.0):"
"$cache/sunco.test" -test.run '^$' -test.bench ParseWebhook -test.benchmem -test.benchtime "$benchtime" | grep '^Benchmark'
