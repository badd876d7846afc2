#!/usr/bin/env bash
# Times sunco-gen side by side with oapi-codegen v2.8.2 on the pinned
# document, interleaved run by run, and prints both medians and the ratio
# sunco-gen/oapi-codegen (the aim is 0.75 or less), then the median time of
# each stage of sunco-gen's runs.
#
#   generator/peers.sh            # ROUNDS=7 by default
#
# Both read the same file: the document as sunco-gen normalizes it, as
# JSON (oapi-codegen needs the boolean `required` inside schemas gone,
# which the normalizer does). oapi-codegen is built from the Go module
# proxy into a cache folder outside the repository,
# ${XDG_CACHE_HOME:-$HOME/.cache}/sunco-gen-peers, which also holds the
# sunco-gen built from this tree, the document and the scratch output of
# both. Nothing of it is committed. Run `make spec` first: it fetches the
# pinned document.
set -euo pipefail

cd "$(dirname "$0")/.."
cache=${XDG_CACHE_HOME:-$HOME/.cache}/sunco-gen-peers
oapi_version=v2.8.2
oapi=$cache/oapi-codegen-$oapi_version/oapi-codegen
work=$cache/generate
rounds=${ROUNDS:-7}

if [ ! -x "$oapi" ]; then
	echo "building oapi-codegen $oapi_version into $cache" >&2
	mkdir -p "$(dirname "$oapi")"
	GOBIN=$(dirname "$oapi") go install "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@$oapi_version"
fi

rm -rf "$work"
mkdir -p "$work/out"
go build -o "$work/sunco-gen" ./cmd/sunco-gen
"$work/sunco-gen" normalize -q -spec spec/openapi.yaml -o "$work/openapi.json"
cat >"$work/oapi-codegen.yaml" <<YAML
package: sunco
generate:
  models: true
  client: true
output-options:
  resolve-type-name-collisions: true
  client-type-name: APIClient
output: $work/out/oapi/sunco.go
YAML
mkdir -p "$work/out/oapi"

sunco() { "$work/sunco-gen" -q -spec "$work/openapi.json" -out "$work/out/sunco"; }
oapi() { "$oapi" -config "$work/oapi-codegen.yaml" "$work/openapi.json"; }

# ms runs its arguments and prints how long they took in milliseconds.
ms() {
	local start=$EPOCHREALTIME
	"$@"
	local end=$EPOCHREALTIME
	echo $(((${end/./} - ${start/./}) / 1000))
}

# median of the numbers on stdin.
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

sunco && oapi # warm the file cache, and fail early
echo "load: $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) cores" >&2
echo "running $rounds interleaved rounds" >&2
: >"$work/sunco.ms"
: >"$work/oapi.ms"
for ((i = 0; i < rounds; i++)); do
	if ((i % 2 == 0)); then # who goes first alternates
		ms sunco >>"$work/sunco.ms"
		ms oapi >>"$work/oapi.ms"
	else
		ms oapi >>"$work/oapi.ms"
		ms sunco >>"$work/sunco.ms"
	fi
done

ours=$(median <"$work/sunco.ms")
theirs=$(median <"$work/oapi.ms")
printf 'sunco-gen     median %6s ms  (runs: %s)\n' "$ours" "$(paste -sd ' ' "$work/sunco.ms")"
printf 'oapi-codegen  median %6s ms  (runs: %s)\n' "$theirs" "$(paste -sd ' ' "$work/oapi.ms")"
awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "ratio sunco-gen/oapi-codegen %.2f (aim: 0.75 or less)\n", a / b}'


# The stages of sunco-gen's runs, as -v prints them ("load 15.2ms, build
# 13.8ms, ..."): the median of each.
for ((i = 0; i < rounds; i++)); do
	"$work/sunco-gen" -q -v -spec "$work/openapi.json" -out "$work/out/sunco" 2>&1 | tail -n 1 |
		awk '{ for (i = 2; i < NF; i += 2) { v = $(i + 1); sub(/,$/, "", v); printf "%s %s\n", $i, (v ~ /µs$/) ? v / 1000 : v + 0 } }'
done >"$work/stages"
line="sunco-gen stages, medians of $rounds runs:"
for stage in $(awk '!seen[$1]++ {print $1}' "$work/stages"); do
	line+=" $stage $(awk -v s="$stage" '$1 == s {print $2}' "$work/stages" | median) ms,"
done
echo "${line%,}"
