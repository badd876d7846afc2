#!/bin/sh
# Pins another version of the upstream document: fetches it into
# spec/openapi.yaml, verifies its sha256, then rewrites spec/pin.mk. The
# commit and sha256 of a version listed in ../shared/spec/sunco/INDEX.tsv
# come from there (given ones must agree); other versions need both.
# Usage: spec/bump.sh VERSION [SHA256] [COMMIT]
set -eu
version=$1 sum=${2:-} commit=${3:-}
dir=$(dirname "$0")
index=$dir/../../shared/spec/sunco/INDEX.tsv
upstream=https://raw.githubusercontent.com/zendesk/sunshine-conversations-api-spec

die() {
	echo "spec/bump.sh: $*" >&2
	exit 2
}

if [ -f "$index" ]; then
	listed=$(awk -F'\t' -v v="$version" '$1 == v { print $3, $4 }' "$index")
	if [ -n "$listed" ]; then
		set -- $listed
		[ -z "$commit" ] || [ "$commit" = "$1" ] || die "COMMIT=$commit, but INDEX.tsv lists $version at commit $1"
		[ -z "$sum" ] || [ "$sum" = "$2" ] || die "SHA256=$sum, but INDEX.tsv lists $version with sha256 $2"
		commit=$1 sum=$2
	fi
fi
[ -n "$sum" ] && [ -n "$commit" ] || die "$version is not in INDEX.tsv: give SHA256 and COMMIT (the upstream commit)"

url=$upstream/$commit/openapi.yaml
sh "$dir/fetch.sh" "$version" "$sum" "$url"
cat >"$dir/pin.mk" <<PIN
# The pinned Sunshine Conversations OpenAPI document.
SPEC_VERSION := $version
SPEC_SHA256  := $sum
SPEC_URL     := $url
PIN
echo "spec/bump.sh: spec/pin.mk pins $version"
