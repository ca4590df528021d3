/**
 * Builds generated cases into one stack per batch and judges them:
 * 1. synth with aws-cdk-lib's template validator off: each case is accepted, or rejected with errors that all
 *    start with a rule ID (`ESM123: `); any other exception, or an error of another kind, is a failure;
 * 2. the accepted cases again, with the validator on and its findings as errors
 *    (`@aws-cdk/core:validateAgainstDefaultRules`): no finding on an accepted mapping, and every value given
 *    is in the template (nothing dropped or coerced);
 * 3. (in run.ts) the phase 2 templates go to one cfn-lint invocation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, CfnParameter, CfnResource, Duration, Fn, Lazy, Stack, Tags, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { S3OnFailureDestination, SnsDlq, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ConstructCase, DurationSpec, FuzzCase, isObject, L1Case, TokenSpec } from './cases';
import { StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamSource } from '../../lib';

export const STACK = 'Fuzz';
/** Regions the batches rotate through (the stack's env, and cfn-lint's region via template metadata). */
export const REGIONS = ['us-east-1', 'cn-north-1', 'us-gov-west-1'];

/** A value the construct must not accept (a wrong JavaScript type that would be coerced or dropped). */
const MUST_REJECT = Symbol('must reject');

export interface Failure {
  /** Index of the case in its batch, or -1 for the batch as a whole. */
  readonly index: number;
  readonly what: string;
}

export interface Accepted {
  readonly index: number;
  readonly logicalId: string;
}

export interface BatchResult {
  readonly failures: Failure[];
  readonly accepted: Accepted[];
  readonly rejected: number;
  /** Rule IDs seen in rejections, with counts. */
  readonly ruleIds: Map<string, number>;
  /** The rule IDs that rejected each rejected case. */
  readonly rejections: Map<number, string[]>;
  /** aws-cdk-lib validator findings below error severity on accepted mappings: rule -> example. */
  readonly validatorNotes: Map<string, string>;
  /** The phase 2 template, when there were accepted cases. */
  readonly templatePath?: string;
}

interface Fixture {
  readonly stack: Stack;
  readonly fn: lambda.Function;
  readonly alias: lambda.Alias;
  readonly stream: kinesis.Stream;
  readonly consumer: kinesis.StreamConsumer;
  readonly table: dynamodb.Table;
  readonly tableWithoutStream: dynamodb.Table;
  readonly queue: sqs.Queue;
  readonly fifoQueue: sqs.Queue;
  readonly topic: sns.Topic;
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;
  readonly numberParam: CfnParameter;
  readonly stringParam: CfnParameter;
}

function fixture(app: App, region: string): Fixture {
  const stack = new Stack(app, STACK, { env: { region } });
  stack.templateOptions.metadata = { 'cfn-lint': { config: { regions: [region] } } };
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
  });
  const stream = new kinesis.Stream(stack, 'Stream');
  return {
    stack,
    fn,
    alias: new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion }),
    stream,
    consumer: new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'fuzz' }),
    table: new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE }),
    tableWithoutStream: new dynamodb.Table(stack, 'PlainTable', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }),
    queue: new sqs.Queue(stack, 'Failed'),
    fifoQueue: new sqs.Queue(stack, 'FailedFifo', { fifo: true }),
    topic: new sns.Topic(stack, 'FailedTopic'),
    bucket: new s3.Bucket(stack, 'FailedBucket'),
    key: new kms.Key(stack, 'FilterKey'),
    numberParam: new CfnParameter(stack, 'NumberParam', { type: 'Number' }),
    stringParam: new CfnParameter(stack, 'StringParam', { type: 'String' }),
  };
}

function isToken(value: unknown): value is TokenSpec {
  return isObject(value) && '$token' in value;
}

/** Replaces token and function markers with the real thing. */
function materialize(value: unknown, f: Fixture): unknown {
  if (isToken(value)) {
    switch (value.$token) {
      case 'number': return f.numberParam.valueAsNumber;
      case 'string': return f.stringParam.valueAsString;
      default: {
        const produced = value.value;
        return typeof produced === 'number' ? Lazy.number({ produce: () => produced }) : Lazy.any({ produce: () => produced });
      }
    }
  }
  if (isObject(value) && value.$fn === 'shared') {
    return f.fn.functionName;
  }
  if (Array.isArray(value)) {
    return value.map((v) => materialize(v, f));
  }
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v, f)]));
  }
  return value;
}

function duration(spec: DurationSpec | undefined, f: Fixture): unknown {
  if (spec === undefined) {
    return undefined;
  }
  if ('$raw' in spec) {
    return spec.$raw;
  }
  const amount = materialize(spec.amount, f) as number;
  return spec.$duration === 'seconds' ? Duration.seconds(amount) : spec.$duration === 'millis' ? Duration.millis(amount) : Duration.minutes(amount);
}

interface Built {
  /** The L1 the case made. */
  readonly mapping: CfnResource;
  /** CloudFormation properties expected in the template (unresolved). */
  readonly expected: Record<string, unknown>;
}

function target(c: ConstructCase, scope: Construct, f: Fixture): lambda.IFunction {
  if (c.target === 'function') return f.fn;
  if (c.target === 'alias') return f.alias;
  if (c.target === 'version') return f.fn.currentVersion;
  return 'byName' in c.target ? lambda.Function.fromFunctionName(scope, 'Target', c.target.byName) : lambda.Function.fromFunctionArn(scope, 'Target', c.target.byArn);
}

function source(c: ConstructCase, f: Fixture): StreamSource {
  const s = c.source;
  if ('of' in s) {
    switch (s.of) {
      case 'stream': return StreamSource.kinesis(f.stream);
      case 'consumer': return StreamSource.kinesisConsumer(f.consumer);
      case 'table': return StreamSource.dynamoDb(f.table);
      default: return StreamSource.dynamoDb(f.tableWithoutStream);
    }
  }
  const arn = materialize(s.arn, f) as string;
  return s.fromArn === 'kinesis' ? StreamSource.fromKinesisStreamArn(arn) : s.fromArn === 'consumer' ? StreamSource.fromKinesisConsumerArn(arn) : StreamSource.fromDynamoDbStreamArn(arn);
}

function buildConstruct(c: ConstructCase, scope: Construct, f: Fixture): Built {
  const props = materialize(c.props, f) as Record<string, any>;
  const fnTarget = target(c, scope, f);
  const src = source(c, f);
  let destination: lambda.IEventSourceDlq | undefined;
  if (c.onFailure !== undefined) {
    const d = c.onFailure;
    destination = d === 'sqs' ? new SqsDlq(f.queue) : d === 'sqsFifo' ? new SqsDlq(f.fifoQueue) : d === 'sns' ? new SnsDlq(f.topic) : d === 's3' ? new S3OnFailureDestination(f.bucket)
      : 'queueArn' in d ? new SqsDlq(sqs.Queue.fromQueueArn(scope, 'Queue', d.queueArn)) : new SnsDlq(sns.Topic.fromTopicArn(scope, 'Topic', d.topicArn));
  }
  const key = c.filterEncryption === undefined ? undefined : c.filterEncryption === 'key' ? f.key
    : 'keyArn' in c.filterEncryption ? kms.Key.fromKeyArn(scope, 'Key', c.filterEncryption.keyArn) : kms.Alias.fromAliasName(scope, 'Key', c.filterEncryption.aliasName);

  const mapping = new StreamEventSourceMapping(scope, 'Mapping', {
    ...props,
    target: fnTarget,
    source: src,
    startingPosition: props.startingPosition,
    maxBatchingWindow: duration(c.maxBatchingWindow, f) as Duration | undefined,
    maxRecordAge: duration(c.maxRecordAge, f) as Duration | undefined,
    tumblingWindow: duration(c.tumblingWindow, f) as Duration | undefined,
    onFailure: destination,
    filterEncryption: key,
  });
  c.tags.forEach(([k, v]) => Tags.of(mapping).add(k, v));

  // A value that is not a Duration, or a token Duration aws-cdk-lib cannot convert, must be rejected (ESM005).
  const seconds = (spec: DurationSpec | undefined) => {
    const d = duration(spec, f);
    if (d === undefined) {
      return undefined;
    }
    try {
      return d instanceof Duration ? d.toSeconds({ integral: false }) : MUST_REJECT;
    } catch {
      return MUST_REJECT;
    }
  };
  const responseTypes = props.reportBatchItemFailures;
  const expected: Record<string, unknown> = {
    FunctionName: Token.isUnresolved(fnTarget.functionArn) ? fnTarget.functionName : fnTarget.functionArn,
    EventSourceArn: src.eventSourceArn,
    StartingPosition: props.startingPosition,
    StartingPositionTimestamp: props.startingPositionTimestamp,
    BatchSize: props.batchSize,
    MaximumBatchingWindowInSeconds: seconds(c.maxBatchingWindow),
    ParallelizationFactor: props.parallelizationFactor,
    MaximumRecordAgeInSeconds: seconds(c.maxRecordAge),
    MaximumRetryAttempts: props.retryAttempts,
    BisectBatchOnFunctionError: props.bisectBatchOnError,
    FunctionResponseTypes: responseTypes === true ? ['ReportBatchItemFailures'] : responseTypes === false || responseTypes === undefined ? undefined : MUST_REJECT,
    TumblingWindowInSeconds: seconds(c.tumblingWindow),
    DestinationConfig: destination ? { OnFailure: { Destination: expectedDestination(c, f) } } : undefined,
    // What aws-cdk-lib's renderer makes of the filters: { pattern } becomes { Pattern }; other values stay as given.
    FilterCriteria: props.filters === undefined ? undefined
      : Array.isArray(props.filters) ? { Filters: props.filters.map((x: unknown) => isObject(x) ? renameKeys(x, { pattern: 'Pattern' }) : x) } : MUST_REJECT,
    KmsKeyArn: key?.keyArn,
    MetricsConfig: isObject(props.metricsConfig) ? renameKeys(props.metricsConfig, { metrics: 'Metrics' }) : props.metricsConfig,
    Enabled: props.enabled,
    Tags: c.tags.length === 0 ? undefined : c.tags.map(([Key, Value]) => ({ Key, Value })),
  };
  return { mapping: mapping.node.defaultChild as CfnResource, expected };
}

function renameKeys(value: Record<string, unknown>, names: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [names[k] ?? k, v]));
}

function expectedDestination(c: ConstructCase, f: Fixture): unknown {
  const d = c.onFailure!;
  if (d === 'sqs') return f.queue.queueArn;
  if (d === 'sqsFifo') return f.fifoQueue.queueArn;
  if (d === 'sns') return f.topic.topicArn;
  if (d === 's3') return f.bucket.bucketArn;
  return 'queueArn' in d ? d.queueArn : d.topicArn;
}

function camelize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(camelize);
  }
  if (isObject(value) && !('$token' in value) && !('$fn' in value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelize(v)]));
  }
  return value;
}

function buildL1(c: L1Case, scope: Construct, f: Fixture): Built {
  const logicalIdOf = (r: Construct) => f.stack.resolve((r.node.defaultChild as CfnResource).logicalId);
  const es = c.eventSource;
  const eventSourceArn = 'arn' in es ? es.arn : 'refConsumer' in es ? Fn.ref(logicalIdOf(f.consumer))
    : es.getAtt === 'stream' ? Fn.getAtt(logicalIdOf(f.stream), 'Arn').toString()
      : es.getAtt === 'consumer' ? Fn.getAtt(logicalIdOf(f.consumer), 'ConsumerARN').toString()
        : Fn.getAtt(logicalIdOf(f.table), 'StreamArn').toString();
  const mapping = new lambda.CfnEventSourceMapping(scope, 'Mapping', {
    ...(camelize(materialize(c.viaProps, f)) as lambda.CfnEventSourceMappingProps),
    eventSourceArn,
  });
  const expected: Record<string, unknown> = { ...(materialize(c.viaProps, f) as Record<string, unknown>), EventSourceArn: eventSourceArn };
  for (const [where, value] of Object.entries(c.viaOverrides)) {
    const v = materialize(value, f);
    mapping.addPropertyOverride(where, v);
    const nested = where.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), v) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(nested)) {
      mergeLikeCdk(expected, key, inner);
    }
  }
  return { mapping, expected };
}

/**
 * What aws-cdk-lib does with an override (core's deepMerge): objects merge into what is there, and an object
 * that ends up empty is removed, so `DestinationConfig: { OnFailure: {} }` leaves nothing in the template.
 */
function mergeLikeCdk(properties: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    delete properties[key];
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const into: Record<string, unknown> = isObject(properties[key]) ? { ...(properties[key] as object) } : {};
    for (const [k, v] of Object.entries(value)) {
      mergeLikeCdk(into, k, v);
    }
    if (Object.keys(into).length === 0) {
      delete properties[key];
    } else {
      properties[key] = into;
    }
  } else {
    properties[key] = value;
  }
}

function build(c: FuzzCase, scope: Construct, f: Fixture): Built {
  return c.origin === 'construct' ? buildConstruct(c, scope, f) : buildL1(c, scope, f);
}

interface App1 {
  readonly app: App;
  readonly fixture: Fixture;
  readonly built: Map<number, Built>;
  readonly failures: Failure[];
}

function buildApp(cases: readonly FuzzCase[], indices: readonly number[], region: string, outdir: string,
  validate: boolean, withChecks = true): App1 {
  const app = new App({ outdir, context: validate ? { [cxapi.VALIDATE_AGAINST_DEFAULT_RULES]: true } : {} });
  const f = fixture(app, region);
  // Each case stands for a mapping of its own app; many map the fixture's one stream to its one function.
  StreamEventSourceMappingChecks.acknowledge(f.stack, 'ESM408', 'fuzz cases are independent mappings');
  if (withChecks) {
    Aspects.of(app).add(new StreamEventSourceMappingChecks());
  }
  const built = new Map<number, Built>();
  const failures: Failure[] = [];
  for (const i of indices) {
    const scope = new Construct(f.stack, `Case${i}`);
    try {
      built.set(i, build(cases[i], scope, f));
    } catch (e) {
      failures.push({ index: i, what: `construction threw ${describe(e)}` });
      f.stack.node.tryRemoveChild(scope.node.id);
    }
  }
  return { app, fixture: f, built, failures };
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message.split('\n').slice(0, 6).join('\n')}` : String(e);
}

const HEADER = 'Validation failed with the following errors:\n';
const CASE_PATH = new RegExp(`^\\[${STACK}/Case(\\d+)(?:/[^\\]]*)?\\] (.*)$`);

/** Synth with CDK_VALIDATION=false; returns per-case errors, or throws what synth threw when it was not a validation error. */
function synthOurs(a: App1): Map<number, string[]> {
  const before = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    a.app.synth();
    return new Map();
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith(HEADER)) {
      throw e;
    }
    const errors = new Map<number, string[]>();
    for (const line of e.message.slice(HEADER.length).split('\n')) {
      const m = CASE_PATH.exec(line.trim());
      const index = m ? Number(m[1]) : -1;
      errors.set(index, [...errors.get(index) ?? [], m ? m[2] : line]);
    }
    return errors;
  } finally {
    if (before === undefined) {
      delete process.env.CDK_VALIDATION;
    } else {
      process.env.CDK_VALIDATION = before;
    }
  }
}

let batchNumber = 0;

/** Judges one batch; `templateDir` receives the phase 2 template for cfn-lint. */
export function judgeBatch(cases: readonly FuzzCase[], region: string, workDir: string): BatchResult {
  const n = batchNumber++;
  const t0 = Date.now();
  const timing = (label: string) => process.env.FUZZ_DEBUG && console.log(`batch ${n} ${label} ${Date.now() - t0} ms`);
  const all = cases.map((_, i) => i);
  const failures: Failure[] = [];
  const ruleIds = new Map<string, number>();
  const rejections = new Map<number, string[]>();
  const validatorNotes = new Map<string, string>();

  // Phase 1: our rules only.
  const first = buildApp(cases, all, region, path.join(workDir, `p1-${n}`), false);
  failures.push(...first.failures);
  timing('built');
  let errors: Map<number, string[]>;
  try {
    errors = synthOurs(first);
  } catch (e) {
    timing('phase 1 threw');
    // Find the cases that make synth throw something other than our validation error.
    for (const i of first.built.keys()) {
      try {
        synthOurs(buildApp(cases, [i], region, path.join(workDir, `p1-${n}-${i}`), false));
      } catch (inner) {
        failures.push({ index: i, what: `synth threw ${describe(inner)}` });
      }
    }
    if (failures.length === first.failures.length) {
      failures.push({ index: -1, what: `synth of the batch threw ${describe(e)}` });
    }
    return { failures, accepted: [], rejected: 0, ruleIds, rejections, validatorNotes };
  } finally {
    fs.rmSync(path.join(workDir, `p1-${n}`), { recursive: true, force: true });
  }
  for (const [index, messages] of errors) {
    for (const message of messages) {
      const id = /^(ESM\d{3}): /.exec(message)?.[1];
      if (!id || index < 0) {
        failures.push({ index, what: `synth failed with an error that is not ours: ${message}` });
      } else {
        ruleIds.set(id, (ruleIds.get(id) ?? 0) + 1);
        rejections.set(index, [...new Set([...rejections.get(index) ?? [], id])]);
      }
    }
  }
  timing('phase 1');
  const acceptedIndices = [...first.built.keys()].filter((i) => !errors.has(i));
  const rejected = first.built.size - acceptedIndices.length;
  if (acceptedIndices.length === 0) {
    return { failures, accepted: [], rejected, ruleIds, rejections, validatorNotes };
  }

  // Phase 2: the accepted cases with aws-cdk-lib's validator, findings as errors.
  const outdir = path.join(workDir, `p2-${n}`);
  const second = buildApp(cases, acceptedIndices, region, outdir, true);
  failures.push(...second.failures);
  const consoleError = console.error;
  try {
    console.error = () => undefined; // the validator prints its report before throwing; the JSON report is read below
    second.app.synth();
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('Validation failed. A copy of this report')) {
      // Accepted by our rules yet synth throws: find the cases (phase 1 hid this behind other cases' errors).
      const before = failures.length;
      for (const i of second.built.keys()) {
        try {
          synthOurs(buildApp(cases, [i], region, path.join(workDir, `p2-${n}-${i}`), false));
        } catch (inner) {
          failures.push({ index: i, what: `accepted by every rule, yet synth threw ${describe(inner)}` });
        }
      }
      if (failures.length === before) {
        failures.push({ index: -1, what: `phase 2 synth threw ${describe(e)}` });
      }
      return { failures, accepted: [], rejected, ruleIds, rejections, validatorNotes };
    }
  } finally {
    console.error = consoleError;
  }
  timing('phase 2');
  const pathToIndex = (constructPath: string | undefined) => Number(new RegExp(`^${STACK}/Case(\\d+)/`).exec(constructPath ?? '')?.[1] ?? -1);
  const reportFile = path.join(outdir, cxapi.VALIDATION_REPORT_FILE);
  if (!fs.existsSync(reportFile)) {
    failures.push({ index: -1, what: 'aws-cdk-lib\'s template validator did not run (is CDK_VALIDATION=false set?)' });
  } else {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { pluginReports: Array<{ violations: Array<{ ruleName: string; description: string; severity: string; violatingConstructs: Array<{ constructPath?: string; cloudFormationResource?: { logicalId?: string } }> }> }> };
    for (const v of report.pluginReports.flatMap((r) => r.violations)) {
      for (const where of v.violatingConstructs) {
        const index = pathToIndex(where.constructPath);
        const onMapping = index >= 0 && second.built.get(index)?.mapping.node.path === where.constructPath;
        if (v.severity === 'error' || v.severity === 'fatal') {
          failures.push({ index, what: `aws-cdk-lib validator ${v.ruleName} (${v.severity}) on ${where.constructPath}: ${v.description}` });
        } else if (onMapping) {
          validatorNotes.set(`${v.ruleName} ${v.description.replace(/\d+/g, 'N')}`, `${where.constructPath}: ${v.description}`);
        }
      }
    }
  }
  const templatePath = path.join(outdir, `${STACK}.template.json`);
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as { Resources: Record<string, { Properties?: Record<string, unknown> }> };
  const accepted: Accepted[] = [];
  for (const [index, b] of second.built) {
    const logicalId = second.fixture.stack.resolve(b.mapping.logicalId) as string;
    accepted.push({ index, logicalId });
    const properties = template.Resources[logicalId]?.Properties ?? {};
    for (const problem of compareProperties(second.fixture.stack, b.expected, properties)) {
      failures.push({ index, what: problem });
    }
  }
  return { failures, accepted, rejected, ruleIds, rejections, validatorNotes, templatePath };
}

/** Every value given is in the template, as given; nothing else is. */
function compareProperties(stack: Stack, expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const want = expected[key];
    if (want === MUST_REJECT) {
      problems.push(`${key}: a value of the wrong type was accepted; the template has ${JSON.stringify(actual[key])}`);
      continue;
    }
    const resolved = stack.resolve(want);
    const inTemplate = key === 'Tags' ? byKey(actual[key]) : actual[key];
    if (!sameValue(key === 'Tags' ? byKey(resolved) : resolved, inTemplate)) {
      problems.push(`${key}: given ${show(resolved)}, the template has ${show(actual[key])}`);
    }
  }
  return problems;
}

/** Tags in key order, each once: aws-cdk-lib's tag manager writes a tag listed twice in the L1's props once. */
function byKey(tags: unknown): unknown {
  if (!Array.isArray(tags)) {
    return tags;
  }
  const once = [...new Map(tags.map((tag) => [JSON.stringify(tag), tag])).values()];
  return once.sort((a, b) => String(a?.Key).localeCompare(String(b?.Key)));
}

/** JSON equality that tells NaN and Infinity (which JSON writes as null) from null, and absent from null. */
function sameValue(given: unknown, inTemplate: unknown): boolean {
  if (given === undefined || given === null) {
    return inTemplate === undefined || inTemplate === given;
  }
  if (typeof given === 'number') {
    return Number.isFinite(given) && given === inTemplate;
  }
  if (Array.isArray(given)) {
    return (given.length === 0 && inTemplate === undefined)
      || (Array.isArray(inTemplate) && given.length === inTemplate.length && given.every((g, i) => sameValue(g, inTemplate[i])));
  }
  if (isObject(given)) {
    const keys = new Set([...Object.keys(given), ...(isObject(inTemplate) ? Object.keys(inTemplate) : [])]);
    return (Object.keys(given).length === 0 && inTemplate === undefined)
      || (isObject(inTemplate) && [...keys].every((k) => sameValue(given[k], inTemplate[k])));
  }
  return given === inTemplate;
}

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value);
  }
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** What aws-cdk-lib's validator says of raw L1 cases that our rules rejected, built without the checks. */
export interface OthersVerdict {
  /** Case index -> validator findings on its mapping (`F3034 (error)`). */
  readonly validator: Map<number, string[]>;
  /** Case index -> logical ID of its mapping in `templatePath`. */
  readonly logicalIds: Map<number, string>;
  readonly templatePath?: string;
}

export function judgeWithoutOurChecks(cases: readonly FuzzCase[], indices: readonly number[], region: string, workDir: string): OthersVerdict {
  const n = batchNumber++;
  const outdir = path.join(workDir, `cmp-${n}`);
  const probe = buildApp(cases, indices, region, path.join(workDir, `cmp-probe-${n}`), false, false);
  // Leave out what aws-cdk-lib's renderer itself rejects (values of the wrong JavaScript type in the L1 props).
  const renderable = [...probe.built].filter(([, b]) => {
    try {
      probe.fixture.stack.resolve(b.mapping._toCloudFormation());
      return true;
    } catch {
      return false;
    }
  }).map(([i]) => i);
  const validator = new Map<number, string[]>();
  const logicalIds = new Map<number, string>();
  if (renderable.length === 0) {
    return { validator, logicalIds };
  }
  const app = buildApp(cases, renderable, region, outdir, true, false);
  const consoleError = console.error;
  try {
    console.error = () => undefined;
    app.app.synth();
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('Validation failed. A copy of this report')) {
      throw e;
    }
  } finally {
    console.error = consoleError;
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as { pluginReports: Array<{ violations: Array<{ ruleName: string; severity: string; violatingConstructs: Array<{ constructPath?: string }> }> }> };
  for (const v of report.pluginReports.flatMap((r) => r.violations)) {
    for (const where of v.violatingConstructs) {
      const index = Number(new RegExp(`^${STACK}/Case(\\d+)/`).exec(where.constructPath ?? '')?.[1] ?? -1);
      if (index >= 0) {
        validator.set(index, [...validator.get(index) ?? [], `${v.ruleName} (${v.severity})`]);
      }
    }
  }
  for (const [i, b] of app.built) {
    logicalIds.set(i, app.fixture.stack.resolve(b.mapping.logicalId));
  }
  return { validator, logicalIds, templatePath: path.join(outdir, `${STACK}.template.json`) };
}
