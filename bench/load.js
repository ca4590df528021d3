'use strict';
// The cost of loading a module, in its own process: `node bench/load.js <lib|aws-lambda>`.
// Prints one JSON line with the time `require` took and the peak RSS after it.
const path = require('path');

/** The package under test: the compiled lib/, or a prototype build (BENCH_LIB). */
const LIB = process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : path.join(__dirname, '..', 'lib');

const TARGETS = {
  'lib': LIB,
  'aws-lambda': 'aws-cdk-lib/aws-lambda',
};
const which = process.argv[2];
if (!TARGETS[which]) {
  console.error(`usage: node bench/load.js <${Object.keys(TARGETS).join('|')}>`);
  process.exit(2);
}
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
// aws-cdk-lib's module index loads lazily: read the L2 class, so that what its user needs is really loaded.
const exported = which === 'lib' ? require(TARGETS[which]).StreamEventSourceMapping : require(TARGETS[which]).EventSourceMapping;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(JSON.stringify({
  module: which, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, loaded: typeof exported === 'function',
}) + '\n');
