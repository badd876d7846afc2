# The pinned Sunshine Conversations OpenAPI document.
SPEC_VERSION := 17.12.1
SPEC_SHA256  := 87c086e2dd2449ff2c1e316e7bfd33b0d555660a78e9b3ddfc6935e4f1880ee0
SPEC_URL     := https://raw.githubusercontent.com/zendesk/sunshine-conversations-api-spec/81dc589444407fb31a0654be753b0b763d02712d/openapi.yaml
