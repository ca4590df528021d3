'use strict';
// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and the
// inclusive (self + callees) time of every function defined in this package's lib/.
//
//   node bench/profile-summary.js <file.cpuprofile> [top=25] [url regex for the inclusive list]
const fs = require('fs');
const path = require('path');

const [file, topArg, filterArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
// Inclusive time for the functions whose url matches this regex (default: this package's lib/).
const filter = filterArg ? new RegExp(filterArg) : undefined;
const inScope = (url) => filter ? filter.test(url) : /\/lib\/[^/]+(\/[^/]+)?\.js$/.test(url) && !url.includes('node_modules');
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample time per node: the time deltas are per sample.
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const root = path.resolve(__dirname, '..');
const label = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, '').replace(root + '/', '');
  return `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
};

const self = new Map();
for (const [id, us] of selfUs) {
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + us);
}

// Inclusive time of each lib/ function: a sample counts once per function even under recursion.
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!inScope(n.callFrame.url)) continue;
    const key = label(n);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}

const pct = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms ${(100 * us / totalUs).toFixed(1).padStart(5)}%`;
console.log(`profile ${path.basename(file)}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
console.log('\nself time, top functions:');
[...self].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, us]) => console.log(`${pct(us)}  ${k}`));
console.log(`\ninclusive time of ${filter ? filter : 'lib/'} functions:`);
[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, us]) => console.log(`${pct(us)}  ${k}`));
