#!/usr/bin/env bash
# The unit tests (jest, as `npm test` runs them, without coverage) against other aws-cdk-lib versions than the pinned
# one, without touching the committed lockfile: the tracked files and node_modules are copied to a temp dir, where
# `npm install --no-save aws-cdk-lib@<version>` replaces aws-cdk-lib (and whatever it depends on) before jest runs.
#
# Usage: npm run test:cdk-versions -- [version ...]   (or: bash test/cdk-versions/run.sh [version ...])
#   version: an exact version, `min` (the peer dependency's minimum, from package.json) or `latest`
#   (`npm view aws-cdk-lib version`); default: min latest.
#
# Version-dependent parts, explicit here and nowhere else:
#   - test/nag (cdk-nag 3) is skipped below cdk-nag's own aws-cdk-lib peer minimum (read from its package.json):
#     cdk-nag 3 is a validation plugin, an aws-cdk-lib API that older versions do not have;
#   - the tests that build the example app (test/example-logical-ids.test.ts, test/nag) are skipped where
#     lambda.Runtime.NODEJS_24_X, the runtime of its functions, does not exist (2.215.0 has no such runtime).
# Prints jest's output and, last, `cdk-versions: N passed, M failed` (jest's test counts over all versions).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export CI=true JSII_SILENCE_SUPPORT_WARNING=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true

min_version=$(node -p "require('./package.json').peerDependencies['aws-cdk-lib'].replace(/^[\^~>=]+/, '')")
nag_min=$(node -p "require('cdk-nag/package.json').peerDependencies['aws-cdk-lib'].replace(/^[\^~>=]+/, '')")
# semver_lt A B: A < B
semver_lt() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ]; }

passed=0
failed=0
summary=()
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(min latest)

for requested in "${versions[@]}"; do
  case "$requested" in
    min) version=$min_version ;;
    latest) version=$(npm view aws-cdk-lib version) ;;
    *) version=$requested ;;
  esac
  start=$SECONDS; echo "== start at ${SECONDS}s"
  scratch=$(mktemp -d)
  echo "== aws-cdk-lib $version ($requested): copying the repository to $scratch"
  git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$scratch"
  cp -a node_modules "$scratch/node_modules"
  if ! (cd "$scratch" && npm install --no-save --no-audit --no-fund --loglevel=error "aws-cdk-lib@$version") > "$scratch/install.log" 2>&1; then
    cat "$scratch/install.log"
    failed=$((failed + 1)); summary+=("aws-cdk-lib $version: npm install failed")
    rm -rf "$scratch"; continue
  fi
  installed=$(cd "$scratch" && node -p "require('aws-cdk-lib/package.json').version")
  if [ "$installed" != "$version" ]; then
    echo "!! asked for aws-cdk-lib $version, got $installed"
    failed=$((failed + 1)); summary+=("aws-cdk-lib $version: installed $installed instead")
    rm -rf "$scratch"; continue
  fi
  ignore=(/node_modules/ /test/languages/)
  if semver_lt "$version" "$nag_min"; then
    echo "== test/nag skipped: cdk-nag $(node -p "require('cdk-nag/package.json').version") needs aws-cdk-lib $nag_min or later"
    ignore+=(/test/nag/)
  fi
  if ! (cd "$scratch" && node -e "process.exit(require('aws-cdk-lib/aws-lambda').Runtime.NODEJS_24_X ? 0 : 1)"); then
    echo "== test/example-logical-ids.test.ts skipped: the example app's functions run on lambda.Runtime.NODEJS_24_X, which aws-cdk-lib $installed does not have"
    ignore+=(/test/example-logical-ids.test.ts /test/nag/)
  fi
  # APIs newer than the peer minimum that tests and README examples use as current users write them; the library
  # itself works without them (a TableV2 stream policy it cannot add is listed for the owner instead, ESM903).
  if ! (cd "$scratch" && node -e "process.exit(require('aws-cdk-lib').Stack.prototype.addStackDependency ? 0 : 1)"); then
    echo "== test/readme and test/topology/failures.test.ts skipped: they order stacks with Stack.addStackDependency, which aws-cdk-lib $installed does not have"
    ignore+=(/test/readme/ /test/topology/failures.test.ts)
  fi
  if ! (cd "$scratch" && node -e "process.exit(require('aws-cdk-lib/aws-dynamodb').TableV2.prototype.addToStreamResourcePolicy ? 0 : 1)"); then
    echo "== test/topology/table-stream-policy.test.ts skipped: TableV2.addToStreamResourcePolicy does not exist in aws-cdk-lib $installed"
    ignore+=(/test/topology/table-stream-policy.test.ts)
  fi
  echo "== aws-cdk-lib $installed: jest (install $((SECONDS - start))s)"
  (cd "$scratch" && npx jest --ci --coverage=false --testPathIgnorePatterns "${ignore[@]}") > "$scratch/jest.log" 2>&1
  status=$?
  grep -E '^(FAIL|Tests:|Test Suites:)' "$scratch/jest.log"
  [ "$status" -eq 0 ] || grep -E '^\s+● ' "$scratch/jest.log" | head -40
  line=$(grep -E '^Tests: ' "$scratch/jest.log" | tail -1)
  p=$(grep -Eo '[0-9]+ passed' <<< "$line" | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '[0-9]+ failed' <<< "$line" | grep -Eo '[0-9]+' || echo 0)
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -30 "$scratch/jest.log"; fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("aws-cdk-lib $installed: $p passed, $f failed in $((SECONDS - start))s")
  rm -rf "$scratch" &
done

wait
echo "== done at ${SECONDS}s"
for line in "${summary[@]}"; do echo "$line"; done
echo "cdk-versions: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
