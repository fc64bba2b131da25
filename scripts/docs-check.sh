#!/usr/bin/env bash
# Builds the DocC catalogs of SoraClient and SoraRuntime with swift-docc-plugin, warnings treated as errors, so a
# renamed symbol or a broken link fails CI instead of rotting. The archives land in
# .build/plugins/Swift-DocC/outputs/; `swift package --disable-sandbox preview-documentation --target SoraClient`
# serves one locally.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in SoraRuntime SoraClient; do
  echo "==> documentation for $target"
  swift package --disable-sandbox generate-documentation --target "$target" --warnings-as-errors
done
