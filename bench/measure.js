'use strict';
// One measurement, in its own process: build one stack of N event source mappings with one variant,
// synthesize it, and print one JSON line with wall time (construct + synth) and peak RSS.
//
//   node bench/measure.js <variant> <N>
//
// Modules are loaded before the clock starts (their cost is measured separately by bench/load.js).
// CDK_VALIDATION=false turns aws-cdk-lib's own template validator off; the variant code is identical either way.
const fs = require('fs');
const os = require('os');
const path = require('path');

/** The package under test: the compiled lib/, or a prototype build (BENCH_LIB). */
const LIB = process.env.BENCH_LIB ? path.resolve(process.env.BENCH_LIB) : path.join(__dirname, '..', 'lib');
const crypto = require('crypto');

const [variant, nArg] = process.argv.slice(2);
const N = Number(nArg);

const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const sqs = require('aws-cdk-lib/aws-sqs');
const sources = require('aws-cdk-lib/aws-lambda-event-sources');
const needsLib = variant.startsWith('ours') || variant.startsWith('aspect');
const lib = needsLib ? require(LIB) : undefined;

const ACCOUNT = '123456789012';
const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:bench-consumer`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/bench-consumer-role`;
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}:bench-failures`;
const streamArn = (i) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/bench-${i}`;

/** The props every variant sets, in their CloudFormation form and in their L2 form. */
const TYPICAL = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 500,
  maxBatchingWindowSeconds: 5,
  parallelizationFactor: 2,
  maxRecordAgeSeconds: 3600,
  retryAttempts: 3,
};

function l2Props() {
  return {
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    batchSize: TYPICAL.batchSize,
    maxBatchingWindow: cdk.Duration.seconds(TYPICAL.maxBatchingWindowSeconds),
    parallelizationFactor: TYPICAL.parallelizationFactor,
    maxRecordAge: cdk.Duration.seconds(TYPICAL.maxRecordAgeSeconds),
    retryAttempts: TYPICAL.retryAttempts,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
  };
}

function rawL1(stack, i, eventSourceArn = streamArn(i)) {
  return new lambda.CfnEventSourceMapping(stack, `M${i}`, {
    functionName: 'bench-consumer',
    eventSourceArn,
    startingPosition: TYPICAL.startingPosition,
    batchSize: TYPICAL.batchSize,
    maximumBatchingWindowInSeconds: TYPICAL.maxBatchingWindowSeconds,
    parallelizationFactor: TYPICAL.parallelizationFactor,
    maximumRecordAgeInSeconds: TYPICAL.maxRecordAgeSeconds,
    maximumRetryAttempts: TYPICAL.retryAttempts,
    bisectBatchOnFunctionError: true,
    functionResponseTypes: ['ReportBatchItemFailures'],
  });
}

/**
 * The target of the L2 variants: one function imported with its role, shared by all mappings. The role is
 * imported immutable, so our construct runs its whole grant path (statements, Grant objects, dependencies)
 * while the template stays exactly the raw L1's: no IAM resources in any variant.
 */
function importedTarget(stack) {
  return lambda.Function.fromFunctionAttributes(stack, 'Consumer', {
    functionArn: FUNCTION_ARN,
    role: iam.Role.fromRoleArn(stack, 'ConsumerRole', ROLE_ARN, { mutable: false }),
  });
}

/** One real function, whose role receives the grants. */
function realTarget(stack) {
  return new lambda.Function(stack, 'Consumer', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

/** One function imported by ARN alone: no role, so nothing can be granted (ours warns ESM901 on every mapping). */
function rolelessTarget(stack) {
  return lambda.Function.fromFunctionArn(stack, 'Consumer', FUNCTION_ARN);
}

/** One SQS queue, imported, that every mapping sends its failed batches to. */
function failureQueue(stack) {
  return new sources.SqsDlq(sqs.Queue.fromQueueArn(stack, 'Failures', QUEUE_ARN));
}

/** Stream i imported as an IStream, the input aws-cdk-lib's KinesisEventSource needs (one construct per stream). */
const importedStream = (stack, i) => kinesis.Stream.fromStreamArn(stack, `S${i}`, streamArn(i));

/** ours: one StreamEventSourceMapping per stream ARN. */
function ours(stack, target, extra = {}) {
  for (let i = 0; i < N; i++) {
    new lib.StreamEventSourceMapping(stack, `M${i}`, {
      target, source: lib.StreamSource.fromKinesisStreamArn(streamArn(i)), ...l2Props(), ...extra,
    });
  }
}

/** aws-cdk-lib's EventSourceMapping per stream ARN (it never grants the read; an onFailure destination it grants). */
function cdklib(stack, target, extra = {}) {
  for (let i = 0; i < N; i++) {
    new lambda.EventSourceMapping(stack, `M${i}`, { target, eventSourceArn: streamArn(i), ...l2Props(), ...extra });
  }
}

/**
 * Every variant, by name. Variants in one group synthesize identical mapping properties (checked by a hash); "vs"
 * names the baseline each is judged against.
 */
const VARIANTS = {
  // the floor
  'raw'(stack) {
    for (let i = 0; i < N; i++) rawL1(stack, i);
  },
  // aws-cdk-lib's L2 and ours, target with an immutable imported role: nothing is granted, no IAM resources
  'cdklib'(stack) {
    cdklib(stack, importedTarget(stack));
  },
  'ours'(stack) {
    ours(stack, importedTarget(stack));
  },
  // ours, target imported without a role: the grants become the ESM901 warning on every mapping
  'ours-norole'(stack) {
    ours(stack, rolelessTarget(stack));
  },
  // both with an SQS failure destination (the immutable role again: its grant is a no-op)
  'cdklib-dlq'(stack) {
    cdklib(stack, importedTarget(stack), { onFailure: failureQueue(stack) });
  },
  'ours-dlq'(stack) {
    ours(stack, importedTarget(stack), { onFailure: failureQueue(stack) });
  },
  // one real function: every mapping's read grant lands in its role's policy. Both read an imported IStream,
  // the only input KinesisEventSource takes, so both run that stream's grant.
  'cdklib-kes'(stack) {
    const target = realTarget(stack);
    for (let i = 0; i < N; i++) {
      target.addEventSource(new sources.KinesisEventSource(importedStream(stack, i), l2Props()));
    }
  },
  'ours-real'(stack) {
    const target = realTarget(stack);
    for (let i = 0; i < N; i++) {
      new lib.StreamEventSourceMapping(stack, `M${i}`, {
        target, source: lib.StreamSource.kinesis(importedStream(stack, i)), ...l2Props(),
      });
    }
  },
  // raw L1s checked by the aspect
  'aspect'(stack, app) {
    for (let i = 0; i < N; i++) rawL1(stack, i);
    cdk.Aspects.of(app).add(new lib.StreamEventSourceMappingChecks());
  },
  // informational: the stream ARN as a Ref to one CloudFormation parameter (the aspect then looks the logical ID
  // up among the stack's resources)
  'raw-ref'(stack) {
    const arn = new cdk.CfnParameter(stack, 'StreamArn', { type: 'String' }).valueAsString;
    for (let i = 0; i < N; i++) rawL1(stack, i, arn);
  },
  'aspect-ref'(stack, app) {
    const arn = new cdk.CfnParameter(stack, 'StreamArn', { type: 'String' }).valueAsString;
    for (let i = 0; i < N; i++) rawL1(stack, i, arn);
    cdk.Aspects.of(app).add(new lib.StreamEventSourceMappingChecks());
  },
};

const build = VARIANTS[variant];
if (!build || !(N > 0)) {
  console.error(`usage: node bench/measure.js <${Object.keys(VARIANTS).join('|')}> <N>`);
  process.exit(2);
}

/** CPU time of the main thread alone (Linux), without GC helper and compiler threads; undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'esm-bench-'));
let assembly;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const mainStart = mainThreadCpuMs();
try {
  const app = new cdk.App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new cdk.Stack(app, 'Bench');
  build(stack, app);
  assembly = app.synth();
} catch (e) {
  fs.rmSync(outdir, { recursive: true, force: true });
  throw e;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000; // all threads of the process, GC helpers included
const mainEnd = mainThreadCpuMs();
const mainCpuMs = mainStart === undefined || mainEnd === undefined ? undefined : mainEnd - mainStart;
const maxRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

// What was synthesized, to prove the variants produce the same mappings.
const template = assembly.getStackByName('Bench').template;
const resources = Object.values(template.Resources ?? {});
const mappings = resources.filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping')
  .map((r) => JSON.stringify({ ...r.Properties, FunctionName: String(r.Properties.FunctionName).split(':').pop() }))
  .sort();
const mappingHash = crypto.createHash('sha256').update(mappings.join('\n')).digest('hex').slice(0, 12);
const warnings = assembly.getStackByName('Bench').messages.filter((m) => m.level === 'warning')
  .map((m) => String(m.entry.data).slice(0, 160));
if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP, JSON.stringify(template, null, 1)); // for debugging a hash mismatch
fs.rmSync(outdir, { recursive: true, force: true });

process.stdout.write(JSON.stringify({
  variant, n: N, ms, cpuMs, mainCpuMs, maxRssMB, resources: resources.length, mappings: mappings.length, mappingHash, warnings,
  validation: process.env.CDK_VALIDATION !== 'false',
}) + '\n');
