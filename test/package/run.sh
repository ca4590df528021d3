#!/usr/bin/env bash
# The package as a user gets it from npm: packs it (`npm pack`, what `npx projen package:js` publishes), checks that
# it holds compiled JavaScript and declarations only, installs the tarball into a throwaway consumer project (a temp
# dir) with the newest aws-cdk-lib npm serves, type-checks consumer/app.ts under the strictest common tsconfig
# (consumer/tsconfig.json: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
# noPropertyAccessFromIndexSignature, noImplicitOverride, ..., skipLibCheck false), then runs it: it synthesizes and
# asserts the mapping's template properties and the ESM errors of bad mappings.
#
# Usage: npm run test:package   (or: bash test/package/run.sh)
#   PACKAGE_CDK_VERSION=2.215.0  the aws-cdk-lib to install in the consumer (default: `npm view aws-cdk-lib version`)
# Assumes `npm ci`; compiles with jsii when .jsii is missing or older than lib/**/*.ts.
# Last line: `package: N passed, M failed`.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JSII_SILENCE_SUPPORT_WARNING=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
finish() { echo "package: $passed passed, $failed failed"; [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; exit $?; }

work="$(mktemp -d)"
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT; echo "== work dir: $work"

if [ ! -f .jsii ] || [ -n "$(find lib -name '*.ts' ! -name '*.d.ts' -newer .jsii -print -quit)" ]; then
  echo "== compile: .jsii missing or older than lib/, running jsii"
  npx jsii --silence-warnings=reserved-word || { fail "jsii compile"; finish; }
fi

# --- the tarball ----------------------------------------------------------------------------------------------
npm pack --json --pack-destination "$work" > "$work/pack.json" 2> "$work/pack.log" || { cat "$work/pack.log"; fail "npm pack"; finish; }
tarball="$work/$(node -p "require('$work/pack.json')[0].filename")"
node -e "const p = require('$work/pack.json')[0]; console.log('== tarball: ' + p.filename + ', ' + p.size + ' bytes packed, ' + p.unpackedSize + ' unpacked, ' + p.entryCount + ' files')"
mapfile -t listed < <(tar -tzf "$tarball" | sed 's|^package/||')
sources=$(printf '%s\n' "${listed[@]}" | grep -E '\.ts$' | grep -vE '\.d\.ts$' || true)
if [ -z "$sources" ]; then ok "the tarball holds no TypeScript source beside its declarations"; else fail "the tarball holds TypeScript sources:"; echo "$sources" | sed 's/^/  /'; fi
# A set of the listed files (not `printf | grep -q`: under pipefail, grep -q exiting at the first match makes the
# pipeline fail with SIGPIPE whenever printf is still writing, so a file that is there would be reported missing).
declare -A packed=()
for f in "${listed[@]}"; do packed[$f]=1; done
missing=""
for js in "${listed[@]}"; do
  [[ "$js" =~ ^lib/.*\.js$ ]] || continue
  [ -n "${packed[${js%.js}.d.ts]:-}" ] || missing="$missing ${js%.js}.d.ts"
done
if [ -z "$missing" ] && [ -n "${packed[lib/index.d.ts]:-}" ] && [ -n "${packed[.jsii]:-}" ]; then
  ok "every lib/**/*.js has its .d.ts, and lib/index.d.ts and .jsii are packed"
else
  fail "declarations missing from the tarball:${missing:- lib/index.d.ts or .jsii}"
fi
# The bundled dependencies (package.json bundledDependencies: jsii bundles a library's runtime dependencies) are
# packed under node_modules/ with their own files; each must be there, and nothing else under node_modules/.
mapfile -t bundled < <(node -p "(require('./package.json').bundledDependencies || []).join('\n')" | sed '/^$/d')
bundled_re=$(IFS='|'; echo "${bundled[*]}")
for dep in "${bundled[@]}"; do
  if [ -n "${packed[node_modules/$dep/package.json]:-}" ]; then ok "the bundled dependency $dep is packed"; else fail "the bundled dependency $dep is not in the tarball"; fi
done
unexpected=$(printf '%s\n' "${listed[@]}" | grep -vE '^(lib/.*\.(js|d\.ts)|\.jsii|\.jsii\.tabl\.json|package\.json|README\.md|RULES\.md|API\.md|LICENSE)$' \
  | { if [ -n "$bundled_re" ]; then grep -vE "^node_modules/($bundled_re)/" || true; else cat; fi } || true)
if [ -z "$unexpected" ]; then ok "the tarball holds lib/ (JavaScript, declarations), .jsii (and rosetta's .jsii.tabl.json), package.json, the docs and the bundled ${bundled[*]:-(none)} only"; else fail "unexpected files in the tarball:"; echo "$unexpected" | sed 's/^/  /'; fi

# --- the consumer -------------------------------------------------------------------------------------------
cdk_version="${PACKAGE_CDK_VERSION:-$(npm view aws-cdk-lib version)}"
constructs_version="$(node -p "require('constructs/package.json').version")"
typescript_version="$(node -p "require('typescript/package.json').version")"
node_types_version="$(node -p "require('@types/node/package.json').version")"
echo "== consumer: aws-cdk-lib $cdk_version, constructs $constructs_version, typescript $typescript_version, @types/node $node_types_version"
consumer="$work/consumer"
mkdir -p "$consumer"
cp test/package/consumer/app.ts test/package/consumer/tsconfig.json "$consumer/"
(cd "$consumer" && npm init -y > /dev/null \
  && npm install --no-audit --no-fund --loglevel=error "$tarball" "aws-cdk-lib@$cdk_version" "constructs@$constructs_version" \
     "typescript@$typescript_version" "@types/node@$node_types_version") > "$work/install.log" 2>&1
if [ $? -eq 0 ]; then ok "the tarball installs with aws-cdk-lib $cdk_version"; else cat "$work/install.log"; fail "npm install of the tarball"; finish; fi
installed_ts=$(cd "$consumer/node_modules/cdk-stream-event-source-mapping" && find . -name '*.ts' ! -name '*.d.ts' | head -3)
[ -z "$installed_ts" ] && ok "the installed package holds no .ts source" || fail "the installed package holds .ts sources: $installed_ts"

# skipLibCheck true (what most apps set): any error is in the consumer's code or in a .ts file the package ships.
if (cd "$consumer" && npx tsc -p tsconfig.json --noEmit) > "$work/tsc.log" 2>&1; then
  ok "consumer/app.ts type-checks under the strict tsconfig"
else
  fail "tsc under the strict tsconfig: $(grep -c 'error TS' "$work/tsc.log") errors"; head -60 "$work/tsc.log"
fi
# skipLibCheck false: the package's declarations must pass the same flags. aws-cdk-lib's own declarations do not
# (exactOptionalPropertyTypes: 55 error lines in aws-batch, aws-bedrockagentcore, ... in 2.276.0); those are counted, not judged.
(cd "$consumer" && npx tsc -p tsconfig.json --noEmit --skipLibCheck false) > "$work/tsc-lib.log" 2>&1
ours=$(grep -E 'error TS' "$work/tsc-lib.log" | grep -vE '^node_modules/(aws-cdk-lib|constructs|@types)/' || true)
if [ -z "$ours" ]; then
  ok "the package's declarations type-check with skipLibCheck false ($(grep -cE '^node_modules/aws-cdk-lib/.*error TS' "$work/tsc-lib.log") errors in aws-cdk-lib's own, not judged)"
else
  fail "errors outside aws-cdk-lib with skipLibCheck false:"; echo "$ours" | head -40
fi

# The command, as the README tells users to run it from the installed package (npx resolves the package's bin): a
# template with one error finding exits 1 with the finding at its line and column, a valid one exits 0.
mkdir -p "$consumer/templates"
cat > "$consumer/templates/bad.yaml" <<'YAML'
Resources:
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: orders
      EventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000
      StartingPosition: AT_TIMESTAMP
YAML
sed 's/AT_TIMESTAMP/LATEST/' "$consumer/templates/bad.yaml" > "$consumer/templates/good.yaml"
(cd "$consumer" && npx --no-install cdk-stream-event-source-mapping check templates/bad.yaml) > "$work/cli-bad.log" 2>&1
bad_status=$?
(cd "$consumer" && npx --no-install cdk-stream-event-source-mapping check templates/good.yaml) > "$work/cli-good.log" 2>&1
good_status=$?
expected_finding='templates/bad.yaml:7:7: ESM103 error: StartingPosition is not supported for a DynamoDB stream, got "AT_TIMESTAMP"; use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only) [Mapping]'
if [ "$bad_status" -eq 1 ] && [ "$(head -1 "$work/cli-bad.log")" = "$expected_finding" ] && [ "$good_status" -eq 0 ]; then
  ok "the installed command finds ESM103 at templates/bad.yaml:7:7 (exit 1) and passes the valid template (exit 0)"
else
  fail "the installed command: exit $bad_status and $good_status (expected 1 and 0)"; cat "$work/cli-bad.log" "$work/cli-good.log" | head -20
fi

if (cd "$consumer" && npx tsc -p tsconfig.json) > "$work/emit.log" 2>&1 || [ -f "$consumer/out/app.js" ]; then
  (cd "$consumer" && node out/app.js) > "$work/app.log" 2>&1
  status=$?
  cat "$work/app.log"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/app.log" | tail -1)
  if [ -n "$line" ]; then
    passed=$((passed + ${line%% passed*}))
    f=${line#* passed, }; failed=$((failed + ${f%% failed}))
    [ "$status" -eq 0 ] || [ "${f%% failed}" -ne 0 ] || fail "the consumer app exited with $status"
  else
    fail "the consumer app did not run to the end (exit $status)"
  fi
else
  cat "$work/emit.log"; fail "tsc could not emit consumer/app.ts"
fi
finish
