'use strict';
// The benchmark driver (run through bench/run.sh, `npm run bench`): every measurement is a fresh process,
// variants are interleaved (their order rotates each repetition), and the table shows medians.
//
// Environment:
//   BENCH_QUICK=1            N = 100 and 1,000 only, 3 repetitions (smoke test, about two minutes)
//   BENCH_REPS=<n>           repetitions with aws-cdk-lib's validator off at N = 100 and 1,000 (default 5, quick 3)
//   BENCH_REPS_5000=<n>      repetitions at N = 5,000 (default 3: one repetition of every variant there takes ~1 min)
//   BENCH_VALIDATION_N=<..>  comma-separated N measured with aws-cdk-lib's validator on (default 1000;
//                            quick 100; empty string to skip); BENCH_VALIDATION_REPS (default 3, quick 1)
//   BENCH_LIB=<dir>          measure another build of the package (a prototype) instead of ../lib
//   BENCH_PYTHON=0           skip the Python part (it measures the installed wheel, whatever BENCH_LIB says)
//   BENCH_OUT=<file>         also write the results as JSON (default .bench/results.json)
//   BENCH_JUDGE=cpu|wall     what the targets judge: main-thread CPU time (default) or wall time
//   BENCH_REPORT=<file>      print the report of a results JSON written earlier, without measuring
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { BASELINE, median, pairedRatio } = require('./ratios');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const NS = QUICK ? [100, 1000] : [100, 1000, 5000];
const REPS = Number(process.env.BENCH_REPS ?? (QUICK ? 3 : 5));
const REPS_5000 = Number(process.env.BENCH_REPS_5000 ?? 3);
const repsAt = (n) => (n >= 5000 ? Math.min(REPS, REPS_5000) : REPS);
const VALIDATION_NS = (process.env.BENCH_VALIDATION_N ?? (QUICK ? '100' : '1000'))
  .split(',').filter((s) => s.trim() !== '').map(Number);
const VALIDATION_REPS = Number(process.env.BENCH_VALIDATION_REPS ?? (QUICK ? 1 : 2));
const LOAD_REPS = QUICK ? 7 : 15;
const PY_N = 200;
const PY_REPS = QUICK ? 1 : 5;
const PYTHON = path.join(ROOT, 'test', 'languages', 'python', '.venv', 'bin', 'python');
/**
 * On the shared 2-core machine other processes' load moves wall time by tens of percent (a ratio's range over
 * the repetitions reaches 0.3-3x at a load average of 15); the main thread's CPU time is what synth costs.
 */
const JUDGE = process.env.BENCH_JUDGE === 'wall' ? 'wall' : 'cpu';
const OUT = process.env.BENCH_OUT ?? path.join(ROOT, '.bench', 'results.json');

/** The variants of the main table, in the order they are printed (bench/measure.js builds each). */
const VARIANTS = ['raw', 'cdklib', 'ours', 'ours-norole', 'cdklib-dlq', 'ours-dlq', 'cdklib-kes', 'ours-real', 'aspect'];
const LABELS = {
  'raw': 'raw CfnEventSourceMapping',
  'cdklib': 'aws-cdk-lib EventSourceMapping, immutable imported role',
  'ours': 'StreamEventSourceMapping, immutable imported role',
  'ours-norole': 'StreamEventSourceMapping, function without a role (ESM901 on each)',
  'cdklib-dlq': 'aws-cdk-lib EventSourceMapping + SqsDlq, immutable role',
  'ours-dlq': 'StreamEventSourceMapping + SqsDlq, immutable role',
  'cdklib-kes': 'aws-cdk-lib KinesisEventSource via addEventSource, real Function (grants)',
  'ours-real': 'StreamEventSourceMapping, real Function (grants)',
  'aspect': 'raw L1 + StreamEventSourceMappingChecks',
  'raw-ref': 'raw CfnEventSourceMapping, EventSourceArn = Ref to a parameter',
  'aspect-ref': 'the same + StreamEventSourceMappingChecks',
};
/** Variants that must synthesize identical mapping properties (checked by their hash). */
const SAME_MAPPINGS = [['raw', 'cdklib', 'ours', 'ours-norole', 'aspect'], ['cdklib-dlq', 'ours-dlq'], ['cdklib-kes', 'ours-real']];
/**
 * A real function's role policy gets one statement per mapping, and aws-cdk-lib's policy merge at synth is
 * quadratic in them (about 130 s for 5,000 mappings, either construct): the real-role pair runs up to 1,000.
 */
const REAL_ROLE = ['cdklib-kes', 'ours-real'];
const REAL_ROLE_MAX_N = 1000;
const variantsAt = (n) => VARIANTS.filter((v) => !REAL_ROLE.includes(v) || n <= REAL_ROLE_MAX_N);
const REF_NS = [100, 1000];
const REF_REPS = QUICK ? 1 : 3;

const started = Date.now();
const baseEnv = {
  ...process.env,
  JSII_SILENCE_SUPPORT_WARNING: '1',
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
};

// ---------------------------------------------------------------------------------------------- running

/** Runs one measurement process and returns its JSON line. */
function run(command, args, env, { allowFailure = false } = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...baseEnv, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const line = (result.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (result.status !== 0 || !line) {
    if (allowFailure) return undefined;
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${(result.stderr ?? '').slice(-3000)}`);
  }
  return { ...JSON.parse(line), stderr: result.stderr };
}

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const progress = (text) => process.stderr.write(`[bench ${elapsed()}] ${text}\n`);

/**
 * N mappings of each variant, interleaved (the order rotates each repetition); returns samples keyed by variant and
 * N, in repetition order, so that sample i of two variants ran side by side. `variants(n)` and `reps(n)` say what
 * runs at each N.
 */
function measureSynth(variants, ns, reps, validation) {
  const samples = {};
  const total = Math.max(...ns.map(reps));
  for (let rep = 0; rep < total; rep++) {
    for (const n of ns.filter((x) => rep < reps(x))) {
      for (const variant of rotate(variants(n), rep)) {
        const env = validation ? { CDK_VALIDATION: 'true' } : { CDK_VALIDATION: 'false' };
        const r = run(process.execPath, [path.join(__dirname, 'measure.js'), variant, String(n)], env);
        (samples[`${variant}@${n}`] ??= []).push(r);
      }
    }
    progress(`validator ${validation ? 'on' : 'off'}: repetition ${rep + 1}/${total} done`);
  }
  return samples;
}

function summarize(samples) {
  const rows = {};
  for (const [key, rs] of Object.entries(samples)) {
    const [variant, n] = key.split('@');
    rows[key] = {
      variant, n: Number(n), reps: rs.length,
      ms: median(rs.map((r) => r.ms)), cpu: median(rs.map((r) => r.mainCpuMs ?? r.cpuMs)),
      processCpu: median(rs.map((r) => r.cpuMs)), mb: median(rs.map((r) => r.maxRssMB)),
      mappingHash: [...new Set(rs.map((r) => r.mappingHash))].join(','),
      resources: rs[0].resources, warnings: rs[0].warnings,
      samples: rs.map(({ ms, cpuMs, mainCpuMs, maxRssMB }) => ({ ms, cpuMs, mainCpuMs, maxRssMB })),
    };
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------- printing

const fmt = (x, digits = 0) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

const fmtRatio = (r) => (r ? `${fmt(r.median, 2)} (${fmt(r.min, 2)}-${fmt(r.max, 2)})` : '-');

function synthTable(rows, variants, ns) {
  const lines = [
    '| variant | N | reps | wall ms | CPU ms | peak RSS MB | judged against | wall ratio (range) | CPU ratio | RSS ratio | wall vs raw L1 | wall ms per mapping |',
    '|---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|',
  ];
  for (const n of ns) {
    for (const v of variants) {
      const r = rows[`${v}@${n}`];
      if (!r) continue;
      const base = BASELINE[v];
      const raw = v.endsWith('-ref') ? 'raw-ref' : 'raw';
      const vsRaw = v === raw ? undefined : pairedRatio(rows, v, raw, n);
      lines.push(`| ${LABELS[v]} | ${n} | ${r.reps} | ${fmt(r.ms)} | ${fmt(r.cpu)} | ${fmt(r.mb)} | ${base ? LABELS[base] : '-'} | `
        + `${fmtRatio(base && pairedRatio(rows, v, base, n))} | ${fmt(base && pairedRatio(rows, v, base, n, 'cpu')?.median, 2)} | `
        + `${fmt(base && pairedRatio(rows, v, base, n, 'mb')?.median, 2)} | ${fmt(vsRaw?.median, 2)} | ${fmt(r.ms / n, 3)} |`);
    }
  }
  return lines;
}

function growthTable(rows, variants) {
  const lines = [
    '| variant | ms/mapping N=1000 | ms/mapping N=5000 | growth 1000 -> 5000 | marginal ms/mapping 100->1000 | marginal 1000->5000 | marginal growth |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const v of variants) {
    const [a, b, c] = [rows[`${v}@100`], rows[`${v}@1000`], rows[`${v}@5000`]];
    if (!b || !c) continue;
    const m1 = a ? (b.ms - a.ms) / (b.n - a.n) : undefined;
    const m2 = (c.ms - b.ms) / (c.n - b.n);
    lines.push(`| ${LABELS[v]} | ${fmt(b.ms / b.n, 3)} | ${fmt(c.ms / c.n, 3)} | ${fmt(ratio(c.ms / c.n, b.ms / b.n), 2)} | ${fmt(m1, 3)} | ${fmt(m2, 3)} | ${fmt(ratio(m2, m1), 2)} |`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------- parts

function checkBuilt() {
  const lib = process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : path.join(ROOT, 'lib');
  if (!fs.existsSync(path.join(lib, 'index.js'))) {
    throw new Error(`${lib}/index.js is missing: compile first (bench/run.sh does)`);
  }
}

const ON_VARIANTS = ['raw', 'cdklib', 'ours', 'aspect'];

function synthPart(results) {
  progress(`synth, validator off: N=${NS.join(',')}, ${REPS} repetitions (${repsAt(5000)} at N=5000), ${VARIANTS.length} variants`);
  const off = summarize(measureSynth(variantsAt, NS, repsAt, false));
  progress(`synth with EventSourceArn as a Ref to a parameter (informational): N=${REF_NS.join(',')}, ${REF_REPS} repetitions`);
  const ref = summarize(measureSynth(() => ['raw-ref', 'aspect-ref'], REF_NS, () => REF_REPS, false));
  let on = {};
  if (VALIDATION_NS.length > 0) {
    progress(`synth, validator on: N=${VALIDATION_NS.join(',')}, ${VALIDATION_REPS} repetitions`);
    on = summarize(measureSynth(() => ON_VARIANTS, VALIDATION_NS, () => VALIDATION_REPS, true));
  }
  Object.assign(results, { off, ref, on });
}

function loadPart(results) {
  progress(`load: ${LOAD_REPS} repetitions`);
  const samples = { 'lib': [], 'aws-lambda': [] };
  for (let rep = 0; rep < LOAD_REPS; rep++) {
    for (const which of rotate(['lib', 'aws-lambda'], rep)) {
      samples[which].push(run(process.execPath, [path.join(__dirname, 'load.js'), which], {}));
    }
  }
  results.load = Object.fromEntries(Object.entries(samples).map(([k, rs]) => [k, {
    reps: rs.length, ms: median(rs.map((r) => r.ms)), cpu: median(rs.map((r) => r.cpuMs)), mb: median(rs.map((r) => r.maxRssMB)),
  }]));
}

/** Counts the requests the Python host sends to the jsii kernel, by API. */
function jsiiCalls(variant, n) {
  const r = run(PYTHON, [path.join(__dirname, 'python', 'bench_app.py'), variant, String(n)],
    { CDK_VALIDATION: 'false', JSII_DEBUG: '1' });
  const counts = { total: 0 };
  for (const line of r.stderr.split('\n')) {
    if (!line.startsWith('> {')) continue;
    const api = /"api":"([a-z]+)"/.exec(line)?.[1] ?? (line.includes('"callback"') ? 'callback' : 'other');
    counts[api] = (counts[api] ?? 0) + 1;
    counts.total++;
  }
  return counts;
}

function pythonPart(results) {
  if (process.env.BENCH_PYTHON === '0') {
    results.python = { skipped: true, reason: 'BENCH_PYTHON=0' };
    return;
  }
  const available = fs.existsSync(PYTHON)
    && spawnSync(PYTHON, ['-c', 'import cdk_stream_event_source_mapping'], { env: baseEnv }).status === 0;
  if (!available) {
    results.python = { skipped: true };
    return;
  }
  progress(`python: N=${PY_N}, ${PY_REPS} repetitions`);
  const variants = ['raw', 'cdklib', 'ours'];
  const samples = {};
  for (let rep = 0; rep < PY_REPS; rep++) {
    for (const v of rotate(variants, rep)) {
      (samples[v] ??= []).push(run(PYTHON, [path.join(__dirname, 'python', 'bench_app.py'), v, String(PY_N)], { CDK_VALIDATION: 'false' }));
    }
  }
  const rows = Object.fromEntries(Object.entries(samples).map(([v, rs]) => [v, {
    reps: rs.length, ms: median(rs.map((r) => r.ms)), kernelMb: median(rs.map((r) => r.kernelMaxRssMB)),
    cpu: median(rs.map((r) => r.cpuMs)),
  }]));
  progress('python: counting jsii calls (JSII_DEBUG=1)');
  const calls = {};
  for (const v of variants) {
    const [zero, some] = [jsiiCalls(v, 0), jsiiCalls(v, 20)];
    calls[v] = { perMapping: (some.total - zero.total) / 20, fixed: zero.total, byApi: some };
  }
  results.python = { n: PY_N, rows, calls };
}

// ---------------------------------------------------------------------------------------------- report

function report(results) {
  const out = [];
  const { off, ref, on, load, python } = results;
  const repsText = NS.includes(5000) && repsAt(5000) !== REPS ? `${REPS} repetitions (${repsAt(5000)} at N=5000)` : `${REPS} repetitions`;
  out.push(`## Synth, aws-cdk-lib validator off (CDK_VALIDATION=false): our own cost, ${repsText}, medians`);
  out.push('', 'Wall time and peak RSS of construct + app.synth() in a fresh process; CPU is the main thread\'s (from /proc, 10 ms ticks),'
    + ' which the load of other processes disturbs least. Ratios are per repetition (the two variants ran side by side),'
    + ' median and range; "judged against" is what does the same work: aws-cdk-lib\'s EventSourceMapping where nothing is'
    + ' granted, KinesisEventSource where grants land in a real role, ours with a role for ours without one, the raw L1 for'
    + ` the aspect. The real-role pair runs up to N=${REAL_ROLE_MAX_N} (aws-cdk-lib's policy merge is quadratic).`, '');
  out.push(...synthTable(off, VARIANTS, NS), '');
  if (NS.includes(5000)) {
    out.push('Time per mapping, N=1000 -> 5000 (marginal = difference between sizes, without the fixed cost of app, stack and synth):');
    out.push('', ...growthTable(off, variantsAt(5000)), '');
  }
  out.push(`### EventSourceArn as a Ref to one CfnParameter (informational, ${REF_REPS} repetitions)`);
  out.push('', 'The aspect looks the referenced logical ID up among the stack\'s resources; a parameter is not one. Judged against the raw L1 with the same Ref.', '');
  out.push(...synthTable(ref, ['raw-ref', 'aspect-ref'], REF_NS), '');
  if (Object.keys(on).length > 0) {
    out.push(`## Synth, aws-cdk-lib validator on (default): what users see, ${VALIDATION_REPS} repetitions, medians`);
    out.push('', ...synthTable(on, ON_VARIANTS, VALIDATION_NS), '');
  }
  out.push(`## Loading the package (${LOAD_REPS} repetitions, medians)`, '');
  out.push('| module | require wall ms | require CPU ms | peak RSS MB |', '|---|--:|--:|--:|');
  out.push(`| require('cdk-stream-event-source-mapping').StreamEventSourceMapping | ${fmt(load.lib.ms, 1)} | ${fmt(load.lib.cpu, 1)} | ${fmt(load.lib.mb)} |`);
  out.push(`| require('aws-cdk-lib/aws-lambda').EventSourceMapping | ${fmt(load['aws-lambda'].ms, 1)} | ${fmt(load['aws-lambda'].cpu, 1)} | ${fmt(load['aws-lambda'].mb)} |`);
  out.push('', `ratio: ${fmt(load.lib.ms / load['aws-lambda'].ms, 2)}x wall, ${fmt(load.lib.cpu / load['aws-lambda'].cpu, 2)}x CPU`, '');
  if (python.skipped) {
    out.push(`python: skipped (${python.reason ?? 'run npm run test:languages first'})`, '');
  } else {
    out.push(`## Python (${python.n} mappings, ${python.rows.ours.reps} repetitions, medians; validator off)`, '');
    out.push('| variant | wall ms | CPU ms (Python + kernel) | jsii kernel peak RSS MB | wall vs aws-cdk-lib L2 | CPU vs aws-cdk-lib L2 | jsii calls per mapping |', '|---|--:|--:|--:|--:|--:|--:|');
    for (const v of ['raw', 'cdklib', 'ours']) {
      const r = python.rows[v];
      out.push(`| ${LABELS[v]} | ${fmt(r.ms)} | ${fmt(r.cpu)} | ${fmt(r.kernelMb)} | ${fmt(r.ms / python.rows.cdklib.ms, 2)} | ${fmt(r.cpu / python.rows.cdklib.cpu, 2)} | ${fmt(python.calls[v].perMapping, 1)} |`);
    }
    out.push('');
  }

  // Targets
  const t = [];
  const check = (name, value, limit, extra = '') => t.push(`${value !== undefined && value <= limit ? 'PASS' : 'MISS'}  ${name}: ${fmt(value, 2)} (target <= ${limit.toFixed(2)})${extra}`);
  /** A ratio target on paired repetitions: the median of the judged metric, its range, the other metric and memory. */
  const checkPaired = (name, variant, baseline, n, limit) => {
    const wall = pairedRatio(off, variant, baseline, n);
    const cpu = pairedRatio(off, variant, baseline, n, 'cpu');
    const mb = pairedRatio(off, variant, baseline, n, 'mb');
    const [judged, other] = JUDGE === 'wall' ? [wall, `main-thread CPU ${fmt(cpu?.median, 2)}`] : [cpu, `wall ${fmt(wall?.median, 2)} (${fmt(wall?.min, 2)}-${fmt(wall?.max, 2)})`];
    check(`${name}, N=${n}`, judged?.median, limit, `; range ${fmt(judged?.min, 2)}-${fmt(judged?.max, 2)}; ${other}; peak RSS ${fmt(mb?.median, 2)}`);
  };
  for (const n of [1000, 5000].filter((x) => NS.includes(x))) {
    checkPaired('ours vs aws-cdk-lib EventSourceMapping (immutable role, nothing granted)', 'ours', 'cdklib', n, 1.00);
    checkPaired('ours + SqsDlq vs aws-cdk-lib EventSourceMapping + SqsDlq', 'ours-dlq', 'cdklib-dlq', n, 1.00);
    if (n <= REAL_ROLE_MAX_N) {
      checkPaired('ours vs aws-cdk-lib KinesisEventSource via addEventSource (real Function, grants)', 'ours-real', 'cdklib-kes', n, 1.00);
    }
    checkPaired('ours without a role vs ours with a role', 'ours-norole', 'ours', n, 1.05);
    checkPaired('aspect vs raw L1', 'aspect', 'raw', n, 1.10);
  }
  if (NS.includes(5000)) {
    for (const v of ['ours', 'ours-norole', 'ours-dlq', 'aspect']) {
      const [b, c] = [off[`${v}@1000`], off[`${v}@5000`]];
      const [wall, cpu] = [ratio(c.ms / c.n, b.ms / b.n), ratio(c.cpu / c.n, b.cpu / b.n)];
      check(`linear (${v}): ms per mapping N=5000 / N=1000`, JUDGE === 'wall' ? wall : cpu, 1.2, JUDGE === 'wall' ? `; main-thread CPU ${fmt(cpu, 2)}` : `; wall ${fmt(wall, 2)}`);
    }
  }
  {
    const [a, b] = [ref['aspect-ref@100'], ref['aspect-ref@1000']];
    check('linear (aspect, EventSourceArn = Ref to a parameter; extra): ms per mapping N=1000 / N=100', ratio(b.ms / b.n, a.ms / a.n), 1.2);
  }
  if (!python.skipped) {
    check('python: ours vs aws-cdk-lib EventSourceMapping, time', python.rows.ours.ms / python.rows.cdklib.ms, 1.2, `; CPU time ${fmt(python.rows.ours.cpu / python.rows.cdklib.cpu, 2)}`);
  }
  check('load: require package vs aws-cdk-lib/aws-lambda', load.lib.ms / load['aws-lambda'].ms, 1.10, `; CPU time ${fmt(load.lib.cpu / load['aws-lambda'].cpu, 2)}`);
  const judged = JUDGE === 'wall' ? 'wall-time' : 'main-thread CPU';
  out.push(`## Targets (validator off; judged on the median per-repetition ${judged} ratio, with its range; BENCH_JUDGE=${JUDGE === 'wall' ? 'cpu' : 'wall'} judges the other)`, '', ...t.map((l) => `    ${l}`), '');

  // Sanity: the variants of each group synthesized the same mappings.
  const sane = [];
  for (const n of NS) {
    const differ = SAME_MAPPINGS.map((group) => group.filter((v) => off[`${v}@${n}`]))
      .filter((group) => new Set(group.map((v) => off[`${v}@${n}`].mappingHash)).size > 1);
    sane.push(`N=${n}: ${differ.length === 0 ? 'identical mapping properties within each group' : `MAPPINGS DIFFER in ${differ.map((g) => g.map((v) => `${v} ${off[`${v}@${n}`].mappingHash}`).join(' ')).join('; ')}`}`);
  }
  out.push(`Templates: ${sane.join('; ')}.`);
  out.push(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, `
    + `aws-cdk-lib ${require('aws-cdk-lib/package.json').version}, ${new Date().toISOString().slice(0, 10)}; load average at start ${results.loadAverage.map((x) => x.toFixed(1)).join(' ')}, at end ${(results.loadAverageEnd ?? os.loadavg()).map((x) => x.toFixed(1)).join(' ')}.`);
  out.push(`Run took ${results.seconds !== undefined ? `${results.seconds} s` : process.env.BENCH_REPORT ? '(not recorded)' : elapsed()}.`);
  return out.join('\n');
}

function main() {
  if (process.env.BENCH_REPORT) {
    console.log(report(JSON.parse(fs.readFileSync(process.env.BENCH_REPORT, 'utf8'))));
    return;
  }
  checkBuilt();
  const results = { loadAverage: os.loadavg(), quick: QUICK };
  synthPart(results);
  loadPart(results);
  pythonPart(results);
  Object.assign(results, { loadAverageEnd: os.loadavg(), seconds: Math.round((Date.now() - started) / 1000) });
  const text = report(results);
  console.log(text);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
  fs.writeFileSync(OUT.replace(/\.json$/, '.md'), text + '\n');
}

main();
