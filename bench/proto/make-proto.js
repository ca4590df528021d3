'use strict';
// Builds a prototype of the package with the performance fixes proposed from the profile, so that the
// benchmark can measure them before they go into lib/:
//
//   node bench/proto/make-proto.js [outdir=.bench/proto-lib]      (PROTO_PATCHES=render,memo,... to choose)
//   BENCH_LIB=.bench/proto-lib bash bench/run.sh
//
// It copies the compiled lib/**/*.js and applies textual patches to the JavaScript; a patch that no longer
// matches (lib/ changed) is reported and the build fails, rather than measuring something else.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
// Inside the project, so that aws-cdk-lib and constructs resolve from its node_modules.
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, '.bench', 'proto-lib'));
const AWS = 'aws_cdk_lib_1';

/**
 * The fixes, each a list of [file, search (string or RegExp), replacement].
 */
const PATCHES = {
  // mapping-checks.ts synthesizedProperties(): resolve the resource entry of _toCloudFormation(), not the
  // { Resources: { [logicalId]: entry } } wrapper: the logical ID key is a token whose resolution
  // (allocateLogicalId, applyRename, string token mapping) is a third of the cost and is not needed.
  render: [
    ['checks/mapping-checks.js',
      /const rendered = stack\.resolve\(mapping\._toCloudFormation\(\)\);\n(\s*)return \{ properties: Object\.values\(rendered\.Resources\)\[0\]\.Properties \?\? \{\}([^\n]*)\};/,
      `const entry = Object.values(mapping._toCloudFormation().Resources)[0];
$1return { properties: stack.resolve(entry).Properties ?? {}$2};`],
  ],
  // mapping-checks.ts: when the L1 has no escape-hatch overrides (CfnResource's rawOverrides is empty),
  // render the properties alone (renderProperties(cfnProperties), tags included) instead of the whole
  // resource (Type, DependsOn, Metadata, UpdatePolicy...).
  fast: [
    ['checks/mapping-checks.js',
      /(function synthesizedProperties\(mapping\) \{\n\s*const stack = [^\n]*\n)/,
      `$1    const overrides = mapping.rawOverrides;
    if (overrides !== undefined && Object.keys(overrides).length === 0) {
        try {
            return { properties: stack.resolve(mapping.renderProperties(mapping.cfnProperties)) ?? {} };
        }
        catch {
            // fall through to the full render and its fallback
        }
    }
`],
  ],
  // (memo: checkAtSynth() rendering the properties once and handing them to the aspect's context is in lib/
  // since 18:41 and no longer a patch.)
  // stream-event-source-mapping.ts: eventSourceMappingId / eventSourceMappingArn as getters computed on first
  // use; the constructor called Stack.formatArn (and CfnResource.ref) for every mapping, used or not.
  lazy: [
    ['stream-event-source-mapping.js',
      /\n\s*\/\*\* The ID \(UUID\) Lambda assigns to the mapping\. @attribute \*\/\n\s*eventSourceMappingId;\n\s*\/\*\* The ARN of the mapping\. @attribute \*\/\n\s*eventSourceMappingArn;/,
      `
    get eventSourceMappingId() {
        return this.resource.ref;
    }
    get eventSourceMappingArn() {
        return this._arn ??= ${AWS}.Stack.of(this).formatArn({
            service: 'lambda',
            resource: 'event-source-mapping',
            resourceName: this.eventSourceMappingId,
            arnFormat: ${AWS}.ArnFormat.COLON_RESOURCE_NAME,
        });
    }
    _arn;`],
    ['stream-event-source-mapping.js',
      /\n\s*this\.eventSourceMappingId = this\.resource\.ref;\n\s*this\.eventSourceMappingArn = aws_cdk_lib_1\.Stack\.of\(this\)\.formatArn\(\{[^}]*\}\);/,
      ''],
  ],
  // stream-event-source-mapping-checks.ts resourceType(): the map was rebuilt (a walk of the stack, resolving every
  // logical ID) on every lookup of an ID that is not a resource, such as a Ref to a CfnParameter: quadratic. Remember
  // the misses; forget them only when a rebuild finds the stack changed.
  refs: [
    ['checks/stream-event-source-mapping-checks.js',
      /function resourceType\(stack, logicalId\) \{\n\s*let types = TYPES\.get\(stack\);\n\s*if \(!types \|\| !types\.has\(logicalId\)\) \{\n\s*types = new Map\(\);/,
      `const MISSES = new WeakMap();
function resourceType(stack, logicalId) {
    let types = TYPES.get(stack);
    if (!types || (!types.has(logicalId) && !MISSES.get(stack)?.has(logicalId))) {
        const before = types?.size;
        types = new Map();`],
    ['checks/stream-event-source-mapping-checks.js',
      /(\n\s*)TYPES\.set\(stack, types\);\n(\s*)\}\n(\s*)return types\.get\(logicalId\);/,
      `$1TYPES.set(stack, types);
        const misses = before === types.size ? MISSES.get(stack) ?? new Set() : new Set();
        if (!types.has(logicalId)) {
            misses.add(logicalId);
        }
        MISSES.set(stack, misses);
$2}
$3return types.get(logicalId);`],
  ],
  // For attribution only (not fixes): the construct without its synth-time checks, and without its grants.
  'no-checks': [
    ['checks/mapping-checks.js', /function checkAtSynth\(mapping, reportOn, context, constructLabels\) \{/,
      'function checkAtSynth(mapping, reportOn, context, constructLabels) {\n    return true;'],
  ],
  'no-grants': [
    ['stream-event-source-mapping.js', /(\n\s*grantPermissions\(target, source, destination\) \{)/, '$1\n        return undefined;'],
  ],
  // evaluate.ts / template-values.ts: the rules that apply to a kind computed once per rule table, and
  // property lookups without splitting a path that has no dot or allocating Object.keys per value.
  rules: [
    ['checks/evaluate.js',
      /function evaluate\(rules, facts, constructLabels\) \{\n\s*const violations = \[\];\n\s*for \(const rule of rules\) \{\n\s*const applies = [^\n]*\n\s*if \(!applies\) \{\n\s*continue;\n\s*\}/,
      `const APPLICABLE = new WeakMap();
function applicable(rules, kind) {
    let byKind = APPLICABLE.get(rules);
    if (!byKind) {
        byKind = new Map();
        APPLICABLE.set(rules, byKind);
    }
    let list = byKind.get(kind);
    if (!list) {
        list = rules.filter((rule) => kind ? rule.appliesTo.includes(kind) : rule.appliesTo.length === rules_1.ALL_KINDS.length);
        byKind.set(kind, list);
    }
    return list;
}
function evaluate(rules, facts, constructLabels) {
    const violations = [];
    for (const rule of applicable(rules, facts.kind)) {`],
    ['checks/evaluate.js',
      '        for (const finding of found === undefined ? [] : Array.isArray(found) ? found : [found]) {',
      `        if (found === undefined || (Array.isArray(found) && found.length === 0)) {
            continue;
        }
        for (const finding of Array.isArray(found) ? found : [found]) {`],
    ['rules/property-types.js',
      'for (const [name, { type }] of Object.entries(properties_1.STREAM_PROPERTIES)) {',
      'for (const [name, { type }] of (STREAM_PROPERTY_ENTRIES ??= Object.entries(properties_1.STREAM_PROPERTIES))) {'],
    ['rules/property-types.js',
      '/** ESM001: every stream property',
      'let STREAM_PROPERTY_ENTRIES;\n/** ESM001: every stream property'],
    ['checks/template-values.js',
      /function isIntrinsic\(value\) \{\n\s*if \(value === null \|\| typeof value !== 'object' \|\| Array\.isArray\(value\)\) \{\n\s*return false;\n\s*\}\n\s*const keys = Object\.keys\(value\);\n\s*return keys\.length === 1 && \(keys\[0\] === 'Ref' \|\| keys\[0\]\.startsWith\('Fn::'\)\);\n\}/,
      `function isIntrinsic(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return false;
    }
    let only;
    let count = 0;
    for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) {
            continue;
        }
        if (++count > 1) {
            return false;
        }
        only = key;
    }
    return count === 1 && (only === 'Ref' || only.startsWith('Fn::'));
}`],
    ['checks/template-values.js',
      /function rawValueAt\(root, path\) \{\n/,
      `function rawValueAt(root, path) {
    if (path.indexOf('.') < 0) {
        if (isIntrinsic(root)) {
            return UNKNOWN;
        }
        return root === null || typeof root !== 'object' ? undefined : root[path];
    }
`],
  ],
};

function copyJs(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copyJs(src, path.join(to, entry.name));
    else if (entry.name.endsWith('.js')) fs.copyFileSync(src, path.join(to, entry.name));
  }
}

const FIXES = ['render', 'lazy', 'rules', 'refs']; // 'fast' measured no better than 'render' alone and relies on a private field
const chosen = (process.env.PROTO_PATCHES ?? FIXES.join(',')).split(',').filter(Boolean);
fs.rmSync(OUT, { recursive: true, force: true });
copyJs(path.join(ROOT, 'lib'), OUT);
let failed = false;
for (const name of chosen) {
  if (!PATCHES[name]) throw new Error(`unknown patch ${name}; known: ${Object.keys(PATCHES).join(', ')}`);
  for (const [file, search, replacement] of PATCHES[name]) {
    const target = path.join(OUT, file);
    const text = fs.readFileSync(target, 'utf8');
    const found = typeof search === 'string' ? text.includes(search) : search.test(text);
    if (!found) {
      console.error(`patch ${name}: no match in ${file} (lib/ changed?)`);
      failed = true;
      continue;
    }
    fs.writeFileSync(target, text.replace(search, replacement));
  }
}
if (failed) process.exit(1);
console.error(`prototype with patches ${chosen.join(', ')} in ${path.relative(ROOT, OUT)}`);
