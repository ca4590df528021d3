#!/usr/bin/env bash
# cfn-lint over every template the test suite and the example app synthesize: zero errors allowed,
# warnings and informational findings are printed. Last line: `cfn-lint: N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_SUPPORT_WARNING=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true

cfn_lint="$(bash test/cfn-lint/install.sh)"
"$cfn_lint" --version

templates=$(mktemp -d)
trap 'rm -rf "$templates"' EXIT
mkdir -p "$templates/tests" "$templates/example"

# The unit tests, each synthesized template captured (test/fuzz lints its own batches).
jest_failed=0
CFN_LINT_TEMPLATES_DIR="$templates/tests" CDK_VALIDATION=false npx jest --ci --coverage=false --silent \
  --setupFilesAfterEnv "<rootDir>/test/cfn-lint/capture-templates.ts" >"$templates/jest.log" 2>&1 || jest_failed=1
if [ "$jest_failed" -eq 1 ]; then
  grep -E '^(FAIL|Tests:)' "$templates/jest.log" | sed -e 's/^/  jest: /' || true
  echo "the test suite failed: only the templates of the tests that ran are linted, and this run fails"
fi
if [ ! -s "$templates/tests/index.tsv" ]; then
  echo "no template was captured from the test suite (is capture-templates.ts loaded?)"
  exit 1
fi

# The example app, as `cdk synth` builds it.
npx cdk synth --quiet --output "$templates/example/cdk.out" >/dev/null
cp "$templates"/example/cdk.out/*.template.json "$templates/example/"

mapfile -t files < <(find "$templates/tests" "$templates/example" -maxdepth 1 -name '*.template.json' | sort)
# One invocation over every file (cfn-lint's start-up dominates); parseable lines are file:line:col:line:col:rule:message.
rc=0
"$cfn_lint" --format parseable -- "${files[@]}" >"$templates/findings.txt" || rc=$?
if [ $((rc & 1)) -ne 0 ]; then  # bit 0: cfn-lint itself failed (2/4/8 are error/warning/info findings)
  cat "$templates/findings.txt"
  echo "cfn-lint did not run to completion (exit code $rc)"
  exit 1
fi
passed=0
failed=0
for file in "${files[@]}"; do
  name=${file#"$templates/"}
  findings=$(grep -F "$file:" "$templates/findings.txt" || true)
  if grep -qE '^[^:]+:[0-9]+:[0-9]+:[0-9]+:[0-9]+:E[0-9]+:' <<<"$findings"; then
    failed=$((failed + 1))
    made_by=$(grep -F "$(basename "$file")" "$templates/tests/index.tsv" 2>/dev/null | cut -f2- | tr '\t' ' ' | sort -u | head -3 || true)
    echo "FAIL $name"
    [ -n "$made_by" ] && sed -e 's/^/  made by: /' <<<"$made_by"
  else
    passed=$((passed + 1))
  fi
  if [ -n "$findings" ]; then
    sed -e "s|^$templates/||" -e 's/^/  /' <<<"$findings"
  fi
done
echo "cfn-lint: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$jest_failed" -eq 0 ]
