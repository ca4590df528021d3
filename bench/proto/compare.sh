#!/usr/bin/env bash
# Before/after for the prototype fixes: the compiled lib/ against .bench/proto-lib (bench/proto/make-proto.js),
# fresh process per measurement, interleaved, medians of wall time, main-thread CPU time and peak RSS.
#   bash bench/proto/compare.sh [N=5000] [reps=5] [variants="raw cdklib ours aspect"]
set -euo pipefail
cd "$(dirname "$0")/../.."
export CDK_VALIDATION=false JSII_SILENCE_SUPPORT_WARNING=1 CDK_DISABLE_CLI_TELEMETRY=true
N=${1:-5000}; REPS=${2:-5}; VARIANTS=${3:-raw cdklib ours aspect}
node bench/proto/make-proto.js
node - "$N" "$REPS" $VARIANTS <<'JS'
const { execFileSync } = require('child_process');
const [n, reps, ...variants] = process.argv.slice(2);
const runs = [];
for (const v of variants) for (const lib of v === 'raw' || v === 'cdklib' ? ['lib'] : ['lib', 'proto']) runs.push([v, lib]);
const samples = {};
for (let r = 0; r < Number(reps); r++) {
  for (let i = 0; i < runs.length; i++) {
    const [v, lib] = runs[(i + r) % runs.length];
    const env = { ...process.env, ...(lib === 'proto' ? { BENCH_LIB: '.bench/proto-lib' } : {}) };
    const out = JSON.parse(execFileSync(process.execPath, ['bench/measure.js', v, n], { env, encoding: 'utf8' }).trim().split('\n').pop());
    (samples[`${v} ${lib}`] ??= []).push(out);
  }
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const raw = samples['raw lib'];
const [rawMs, rawCpu, rawMb] = [med(raw.map((x) => x.ms)), med(raw.map((x) => x.mainCpuMs)), med(raw.map((x) => x.maxRssMB))];
console.log(`N=${n}, ${reps} reps, medians; ratios vs raw L1`);
console.log('variant         build   wall ms  x raw   main-thread cpu ms  x raw   RSS MB  x raw');
for (const [key, xs] of Object.entries(samples)) {
  const [ms, cpu, mb] = [med(xs.map((x) => x.ms)), med(xs.map((x) => x.mainCpuMs)), med(xs.map((x) => x.maxRssMB))];
  const [v, lib] = key.split(' ');
  console.log(`${v.padEnd(15)} ${lib.padEnd(6)} ${ms.toFixed(0).padStart(8)} ${(ms / rawMs).toFixed(2).padStart(6)} ${cpu.toFixed(0).padStart(8)} ${(cpu / rawCpu).toFixed(2).padStart(6)} ${mb.toFixed(0).padStart(8)} ${(mb / rawMb).toFixed(2).padStart(6)}`);
}
JS
