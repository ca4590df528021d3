'use strict';
// Two runs of the bench side by side: the ratio each variant is judged by, before and after a change.
//
//   node bench/compare.js <before.json> <after.json>
//
// Prints a Markdown table of the median per-repetition ratio of every variant against its baseline, main-thread
// CPU (what the targets judge, as bench.js does by default) and wall time with its range, at every N measured.
const fs = require('fs');
const { BASELINE, pairedRatio } = require('./ratios');

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/compare.js <before.json> <after.json>');
  process.exit(2);
}
const [before, after] = [beforeFile, afterFile].map((file) => JSON.parse(fs.readFileSync(file, 'utf8')).off);

const TARGET = { 'ours': 1.00, 'ours-dlq': 1.00, 'ours-real': 1.00, 'ours-norole': 1.05, 'aspect': 1.10 };

const fmt = (r) => (r ? `${r.median.toFixed(2)} (${r.min.toFixed(2)}-${r.max.toFixed(2)})` : '-');
const verdict = (r, target) => (target === undefined || !r ? '' : r.median <= target ? 'PASS' : 'MISS');

const lines = [
  '| variant | against | N | target | CPU before | CPU after | wall before | wall after | target met after |',
  '|---|---|--:|--:|--:|--:|--:|--:|---|',
];
const ns = [...new Set(Object.values(after).map((r) => r.n))].sort((a, b) => a - b);
for (const [variant, baseline] of Object.entries(BASELINE).filter(([v]) => !v.endsWith('-ref'))) {
  for (const n of ns) {
    const wa = pairedRatio(after, variant, baseline, n);
    if (!wa) continue;
    const wb = pairedRatio(before, variant, baseline, n);
    const [cb, ca] = [pairedRatio(before, variant, baseline, n, 'cpu'), pairedRatio(after, variant, baseline, n, 'cpu')];
    const target = TARGET[variant];
    lines.push(`| ${variant} | ${baseline} | ${n} | ${target === undefined ? '-' : `<= ${target.toFixed(2)}`} | ${fmt(cb)} | ${fmt(ca)} | ${fmt(wb)} | ${fmt(wa)} | ${n >= 1000 ? verdict(ca, target) : '(not judged)'} |`);
  }
}
console.log(lines.join('\n'));
