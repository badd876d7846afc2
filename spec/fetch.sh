#!/bin/sh
# Places the pinned document at spec/openapi.yaml and verifies its sha256.
# It is copied from ../shared/spec/sunco/ when that is present, otherwise
# downloaded from its pinned upstream address.
# Usage: spec/fetch.sh VERSION SHA256 URL
set -eu
version=$1 sum=$2 url=$3
dir=$(dirname "$0")
out=$dir/openapi.yaml
shared=$dir/../../shared/spec/sunco/$version.yaml

verify() {
	echo "$sum  $1" | sha256sum -c --status
}

if [ -f "$out" ] && verify "$out"; then
	exit 0
fi
tmp=$(mktemp "$dir/.openapi.XXXXXX")
trap 'rm -f "$tmp"' EXIT
if [ -f "$shared" ]; then
	cp "$shared" "$tmp"
else
	curl -fsSL --retry 3 -o "$tmp" "$url"
fi
if ! verify "$tmp"; then
	echo "spec/fetch.sh: checksum mismatch for $version: want $sum, got $(sha256sum "$tmp" | cut -d' ' -f1)" >&2
	exit 1
fi
mv "$tmp" "$out"
trap - EXIT
echo "spec/fetch.sh: spec/openapi.yaml is version $version"
