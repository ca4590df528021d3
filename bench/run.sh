#!/usr/bin/env bash
# The benchmark: `npm run bench` (projen task `bench`). See bench/README.md.
#   BENCH_QUICK=1 npm run bench    smoke test: N = 100 and 1,000, 3 repetitions
set -euo pipefail
cd "$(dirname "$0")/.."

export JSII_SILENCE_SUPPORT_WARNING=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_DISABLE_CLI_TELEMETRY=true

# The driver measures the compiled package (lib/*.js beside the sources); a fresh clone has none yet.
if [ -z "${BENCH_LIB:-}" ] && [ ! -f lib/index.js ]; then
  echo "bench: lib/index.js missing, compiling with jsii" >&2
  npx jsii --silence-warnings=reserved-word
fi
if [ -z "${BENCH_LIB:-}" ] && [ -n "$(find lib -name '*.ts' ! -name '*.d.ts' -newer lib/index.js -print -quit)" ]; then
  echo "bench: warning: lib/ has sources newer than lib/index.js; run 'npx projen compile' to measure them" >&2
fi

exec node bench/bench.js "$@"
