#!/usr/bin/env bash
# The fuzz run: installs cfn-lint (test/cfn-lint/install.sh), then runs test/fuzz/run.ts.
# Env: FUZZ_SEED, FUZZ_CASES, FUZZ_BATCH, FUZZ_COLLECT, FUZZ_SHRINK (see run.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_SUPPORT_WARNING=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true
CFN_LINT="$(bash test/cfn-lint/install.sh)"
export CFN_LINT
exec npx ts-node --prefer-ts-exts test/fuzz/run.ts
