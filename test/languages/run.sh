#!/usr/bin/env bash
# Builds the Python, Java and Go packages with jsii-pacmak (and the .NET source, --code-only: no .NET SDK
# is needed) and runs one consumer app per language against them:
#
#   test/languages/reference-stack.ts      the TypeScript twin: THE reference stack
#   test/languages/python/test_reference.py   pytest, in test/languages/python/.venv
#   test/languages/java/                      JUnit 5 with Maven, the jar from dist/java
#   test/languages/go/                        go test, the module from dist/go
#
# The packages are built and installed as README.md's "A local build, before a release" says: the blocks tagged
# <!-- install: build -->, python-local, java-local and go-local are read from README.md (test/readme/block.ts) and
# run as written, with REPO set to this repository; the Java app's pom.xml must hold the README's <dependency>
# block, and the Go app's go.mod must end up with the README's cloud-assembly-schema-go replace line.
#
# Each app builds the same stack the way a user of its language writes CDK code and asserts that
#   1. its template equals the template the TypeScript twin writes to dist/languages/reference.template.json;
#   2. AT_TIMESTAMP on a DynamoDB stream fails synth with the language's exception, carrying ESM103, the
#      construct path and the twin's message (dist/languages/bad-stack.error.txt);
#   3. eventSourceMappingId is a token that resolves to {"Ref": <logical ID>} and works in a CfnOutput.
#
# The twin is synthesized afresh on every run, so a change to its stack (say startingPositionTimestamp
# 1767225600 -> 1767225601) makes test 1 fail in all three languages: that is the proof that the apps compare
# against the twin and not against a copy.
#
# Usage: npm run test:languages   (or: bash test/languages/run.sh)
#   TEST_LANGUAGES="python go"  run a subset (default: python java go)
#   REUSE_PACKAGES=1            skip compile and jsii-pacmak, test the packages already in dist/ (iterating on the apps)
# Assumes `npm ci`.
# The last line is parseable: `languages: N passed, M failed` (test cases over all languages); the exit
# status is non-zero when any test failed or any language could not build or run.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export JSII_SILENCE_SUPPORT_WARNING=1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_DISABLE_CLI_TELEMETRY=true
export CDK_VALIDATION=false

LANGUAGES="${TEST_LANGUAGES:-python java go}"
DIST="$ROOT/dist"
export REFERENCE_DIR="$DIST/languages"
CDK_VERSION=2.263.0
# The runtime every language package is generated for; jsii-pacmak and the jsii runtimes share version numbers.
JSII_RUNTIME_VERSION="$(node -p "require('jsii-pacmak/package.json').version")"

PASSED=0
FAILED=0
SUMMARY=()

now() { date +%s; }
log() { echo "== $*"; }

# fail_setup <language> <what>: a language that could not build or run counts as one failed test.
fail_setup() {
  echo "!! $1: $2" >&2
  FAILED=$((FAILED + 1))
  SUMMARY+=("$1: 0 passed, 1 failed ($2)")
}

# record <language> <passed> <failed> <exit status> <seconds>
record() {
  local lang=$1 passed=$2 failed=$3 status=$4 secs=$5
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the runner failed without reporting a failed test (compile error, crash)
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SUMMARY+=("$lang: $passed passed, $failed failed (${secs}s)")
  log "$lang: $passed passed, $failed failed in ${secs}s"
}

# junit_counts <xml files...>: "passed failed" summed over JUnit XML reports (pytest and surefire write these).
junit_counts() {
  python3 - "$@" <<'EOF'
import sys
import xml.etree.ElementTree as ET
total = failed = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for suite in ([root] if root.tag == "testsuite" else root.iter("testsuite")):
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
print(total - failed, failed)
EOF
}

size_of() { du -sh "$1" 2>/dev/null | cut -f1; }

# The README's install instructions, as written (REPO is this repository).
export REPO="$ROOT"
readme_block() { npx ts-node --transpile-only test/readme/block.ts "$1"; }
# run_readme_block <name> [dir]: runs the README block in dir (default: the repository), each line echoed.
run_readme_block() {
  local code
  code="$(readme_block "$1")" || return 1
  (cd "${2:-$ROOT}" && bash -xeuo pipefail -c "$code")
}
# normalize: the text with all whitespace removed, to compare XML and go.mod snippets.
normalize() { tr -d ' \t\n\r'; }

# --- packages --------------------------------------------------------------------------------------------
# README's build block: compile, then Python and Java with jsii-pacmak, Go and .NET with --code-only (pacmak's
# own Go build runs `go mod tidy` on a go.mod that requires the Go module of @aws-cdk/cloud-assembly-schema at
# the npm version in node_modules (v54.26.0), which the Go proxy does not serve; .NET: no SDK here).
if [ "${REUSE_PACKAGES:-}" = 1 ]; then
  log "build: skipped (REUSE_PACKAGES=1), testing the packages in $DIST"
else
  log "build: README.md <!-- install: build -->"
  start=$(now)
  rm -rf "$DIST/python" "$DIST/java" "$DIST/go" "$DIST/dotnet"
  if run_readme_block build; then
    log "build: $(($(now) - start))s"
  else
    log "build FAILED after $(($(now) - start))s"
  fi
fi

WHEEL="$(ls "$DIST"/python/*.whl 2>/dev/null | head -1)"
JAR="$(ls "$DIST"/java/io/github/cdkstreamesm/cdk-stream-event-source-mapping/*/cdk-stream-event-source-mapping-*[0-9].jar 2>/dev/null | head -1)"
GO_MODULE="$DIST/go/cdkstreamesm"
log "sizes: wheel $(size_of "$WHEEL") ($(basename "${WHEEL:-none}")), jar $(size_of "$JAR") ($(basename "${JAR:-none}")), go module $(size_of "$GO_MODULE"), dotnet source $(size_of "$DIST/dotnet")"

# --- the TypeScript twin -----------------------------------------------------------------------------------
log "twin: test/languages/reference-stack.ts -> $REFERENCE_DIR"
start=$(now)
rm -rf "$REFERENCE_DIR"
if ! npx ts-node --prefer-ts-exts --transpile-only test/languages/reference-stack.ts "$REFERENCE_DIR"; then
  echo "!! the TypeScript twin failed; every language compares against it" >&2
  echo "languages: 0 passed, 1 failed"
  exit 1
fi
log "twin: $(($(now) - start))s"

# --- Python ------------------------------------------------------------------------------------------------
run_python() {
  local dir="$ROOT/test/languages/python" venv="$ROOT/test/languages/python/.venv" start status counts
  start=$(now)
  [ -n "$WHEEL" ] || { fail_setup python "no wheel in dist/python"; return; }
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || { fail_setup python "python3 -m venv failed"; return; }
  fi
  # The versions the twin synthesizes with first (so that the README's install finds aws-cdk-lib satisfied
  # instead of fetching the newest), then the README's python-local block, in the venv.
  "$venv/bin/pip" install -q --disable-pip-version-check "aws-cdk-lib==$CDK_VERSION" "jsii==$JSII_RUNTIME_VERSION" pytest==9.2.0 \
    && PATH="$venv/bin:$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 run_readme_block python-local \
    || { fail_setup python "pip install failed"; return; }
  log "python: venv ready in $(($(now) - start))s"
  (cd "$dir" && "$venv/bin/python" -m pytest -p no:cacheprovider -vv --junitxml="$DIST/languages/python-junit.xml" test_reference.py)
  status=$?
  counts=$( [ -f "$DIST/languages/python-junit.xml" ] && junit_counts "$DIST/languages/python-junit.xml" || echo "0 0")
  record python ${counts% *} ${counts#* } $status $(($(now) - start))
}

# --- Java --------------------------------------------------------------------------------------------------
run_java() {
  local dir="$ROOT/test/languages/java" start status counts
  start=$(now)
  [ -n "$JAR" ] || { fail_setup java "no jar in dist/java"; return; }
  # The README's <dependency> block is the one the app's pom.xml uses.
  if ! normalize < "$dir/pom.xml" | grep -F "$(readme_block java-dependency | normalize)" > /dev/null; then
    fail_setup java "test/languages/java/pom.xml does not hold README.md's <dependency> block"; return
  fi
  # The README's java-local block installs this build into the local Maven repository.
  run_readme_block java-local || { fail_setup java "README.md java-local (mvn install:install-file) failed"; return; }
  rm -rf "$dir/target/surefire-reports"
  (cd "$dir" && mvn -B -q -Dstyle.color=never test -Djsii.runtime.version="$JSII_RUNTIME_VERSION" -Daws-cdk-lib.version="$CDK_VERSION")
  status=$?
  if ls "$dir"/target/surefire-reports/TEST-*.xml >/dev/null 2>&1; then
    counts=$(junit_counts "$dir"/target/surefire-reports/TEST-*.xml)
  else
    counts="0 0"
  fi
  record java ${counts% *} ${counts#* } $status $(($(now) - start))
}

# --- Go ----------------------------------------------------------------------------------------------------
run_go() {
  local dir="$ROOT/test/languages/go" start status out passed failed
  start=$(now)
  [ -f "$GO_MODULE/go.mod" ] || { fail_setup go "no module in dist/go"; return; }
  # The app's go.mod names aws-cdk-go only; the README's go-local block adds the module, in a copy of the app.
  rm -rf "$DIST/languages/go-app" && cp -r "$dir" "$DIST/languages/go-app" && dir="$DIST/languages/go-app"
  run_readme_block go-local "$dir" || { fail_setup go "README.md go-local failed"; return; }
  if ! normalize < "$dir/go.mod" | grep -F "$(readme_block go-replace | normalize)" > /dev/null; then
    fail_setup go "go.mod after README.md go-local lacks README.md's replace line"; return
  fi
  (cd "$dir" && go mod tidy) || { fail_setup go "go mod tidy failed"; return; }
  log "go: modules ready in $(($(now) - start))s"
  out="$DIST/languages/go-test.log"
  (cd "$dir" && go test -count=1 -v ./...) 2>&1 | tee "$out"
  status=${PIPESTATUS[0]}
  passed=$(grep -c '^--- PASS' "$out")
  failed=$(grep -c '^--- FAIL' "$out")
  record go "$passed" "$failed" "$status" $(($(now) - start))
}

for lang in $LANGUAGES; do
  case "$lang" in
    python) run_python ;;
    java) run_java ;;
    go) run_go ;;
    *) fail_setup "$lang" "unknown language (python, java, go)" ;;
  esac
done

for line in "${SUMMARY[@]}"; do
  echo "$line"
done
echo "languages: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
