// Many synths: aws-cdk-lib's template validator is exercised by the fuzz suite, not here.
process.env.CDK_VALIDATION = 'false';

import { App, Aspects, CfnElement, Stack, Stage } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct, IConstruct } from 'constructs';
import { StreamEventSourceMapping, StreamEventSourceMappingChecks, StreamSource } from '../../lib';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';
import { MessageLabels } from '../../lib/validation/engine';
import { checkAtSynth } from '../../lib/validation/synth-hook';

const HEADER = 'Validation failed with the following errors:';
const ENV = { account: '123456789012', region: 'us-east-1' };
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const FIX = 'Lambda keeps one mapping per stream (or consumer) and function, version or alias (409 ResourceConflictException): '
  + 'remove one of the two, or map another alias, or read the stream through an enhanced fan-out consumer';

/** The `[path] message` lines of the validation error synth throws (none when it succeeds). */
function synthErrors(app: App): string[] {
  try {
    app.synth({ force: true });
  } catch (e) {
    const message = (e as Error).message;
    expect(message.startsWith(`${HEADER}\n`)).toBe(true);
    return message.slice(HEADER.length + 1).split('\n').map((line) => line.trim());
  }
  return [];
}

/** The errors up to the value they report: which mapping, which rule, and the earlier mapping named. */
const errorHeads = (app: App) => synthErrors(app).map((line) => line.slice(0, line.indexOf(', got')));

/** An app checked by the aspect, with a stack in `ENV` holding a function and a stream. */
function fixture(env: { account?: string; region?: string } | undefined = ENV) {
  const app = new App();
  Aspects.of(app).add(new StreamEventSourceMappingChecks());
  const stack = new Stack(app, 'Stack', { env });
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const stream = new kinesis.Stream(stack, 'Stream');
  return { app, stack, fn, stream };
}

/** A raw mapping that breaks no rule and raises no warning. */
function l1(scope: IConstruct, id: string, functionName: string, eventSourceArn: string = STREAM_ARN) {
  return new lambda.CfnEventSourceMapping(scope, id, { functionName, eventSourceArn, startingPosition: 'LATEST', maximumRetryAttempts: 3 });
}

const ours = (stack: Stack, id: string, target: lambda.IFunction, source: StreamSource) =>
  new StreamEventSourceMapping(stack, id, { target, source, startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });

/** `${Logical.Arn}`, as the message shows a stream's ARN. */
const arnOf = (stack: Stack, stream: kinesis.Stream) => `\${${stack.getLogicalId(stream.node.defaultChild as CfnElement)}.Arn}`;

describe('ESM408 through the construct', () => {
  test('a second mapping of one stream to one function fails synth, naming the first by path', () => {
    const { app, stack, fn, stream } = fixture();
    ours(stack, 'First', fn, StreamSource.kinesis(stream));
    ours(stack, 'Second', fn, StreamSource.kinesis(stream));

    expect(synthErrors(app)).toEqual([
      `[Stack/Second] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/First, got "${arnOf(stack, stream)}"; ${FIX}`,
    ]);
  });

  test('a third mapping names the first too, and each pair is reported once', () => {
    const { app, stack, fn, stream } = fixture();
    for (const id of ['First', 'Second', 'Third']) {
      ours(stack, id, fn, StreamSource.kinesis(stream));
    }

    expect(errorHeads(app)).toEqual([
      '[Stack/Second] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/First',
      '[Stack/Third] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/First',
    ]);
  });

  test('literal ARNs: a function imported by name and by ARN are one function', () => {
    const { app, stack } = fixture();
    ours(stack, 'First', lambda.Function.fromFunctionName(stack, 'ByName', 'orders'), StreamSource.fromKinesisStreamArn(STREAM_ARN));
    ours(stack, 'Second', lambda.Function.fromFunctionArn(stack, 'ByArn', 'arn:aws:lambda:us-east-1:123456789012:function:orders'),
      StreamSource.fromKinesisStreamArn(STREAM_ARN));

    expect(synthErrors(app)).toEqual([
      `[Stack/Second] ESM408: source (EventSourceArn) is already mapped to "arn:aws:lambda:us-east-1:123456789012:function:orders" by Stack/First, got "${STREAM_ARN}"; ${FIX}`,
    ]);
  });

  test('the same DynamoDB stream to one function fails; the same Kinesis consumer too', () => {
    const { app, stack, fn, stream } = fixture();
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    const consumer = new kinesis.StreamConsumer(stack, 'Consumer', { stream, streamConsumerName: 'app' });
    ours(stack, 'Table1', fn, StreamSource.dynamoDb(table));
    ours(stack, 'Table2', fn, StreamSource.dynamoDb(table));
    ours(stack, 'Consumer1', fn, StreamSource.kinesisConsumer(consumer));
    ours(stack, 'Consumer2', fn, StreamSource.kinesisConsumer(consumer));
    // The stream itself and its consumer are two event sources.
    ours(stack, 'Stream1', fn, StreamSource.kinesis(stream));

    expect(errorHeads(app)).toEqual([
      '[Stack/Table2] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/Table1',
      '[Stack/Consumer2] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/Consumer1',
    ]);
  });

  test('the function and its alias, or two aliases, are different targets; one alias twice is not', () => {
    const { app, stack, fn, stream } = fixture();
    const live = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    const test = new lambda.Alias(stack, 'Test', { aliasName: 'test', version: fn.currentVersion });
    ours(stack, 'Function', fn, StreamSource.kinesis(stream));
    ours(stack, 'LiveAlias', live, StreamSource.kinesis(stream));
    ours(stack, 'TestAlias', test, StreamSource.kinesis(stream));
    ours(stack, 'LiveAgain', live, StreamSource.kinesis(stream));

    expect(errorHeads(app)).toEqual([
      '[Stack/LiveAgain] ESM408: source (EventSourceArn) is already mapped to the same function by Stack/LiveAlias',
    ]);
  });

  test('acknowledging ESM408 on the second mapping lets synth pass; on the first it does not', () => {
    const { app, stack, fn, stream } = fixture();
    const first = ours(stack, 'First', fn, StreamSource.kinesis(stream));
    StreamEventSourceMappingChecks.acknowledge(first, 'ESM408', 'the first is never the one reported');
    const second = ours(stack, 'Second', fn, StreamSource.kinesis(stream));
    expect(synthErrors(app)).toHaveLength(1);

    StreamEventSourceMappingChecks.acknowledge(second, 'ESM408', 'the old mapping is deleted by hand before deploying');
    expect(synthErrors(app)).toEqual([]);
  });
});

describe('ESM408 through the aspect', () => {
  test('fn.addEventSource(KinesisEventSource) and aws-cdk-lib\'s EventSourceMapping of the same stream and function', () => {
    const { app, stack, fn, stream } = fixture();
    fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 }));
    new lambda.EventSourceMapping(stack, 'Again', { target: fn, eventSourceArn: stream.streamArn, startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 });
    const first = fn.node.children.find((child) => child instanceof lambda.EventSourceMapping)!.node.defaultChild!;

    expect(synthErrors(app)).toEqual([
      `[Stack/Again/Resource] ESM408: EventSourceArn is already mapped to the same function by ${first.node.path}, got "${arnOf(stack, stream)}"; ${FIX}`,
    ]);
  });

  test('a function named by its name (Ref) and by its ARN (Fn::GetAtt) is one function', () => {
    const { app, stack, fn, stream } = fixture();
    fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 }));
    l1(stack, 'ByArn', fn.functionArn, stream.streamArn);
    const first = fn.node.children.find((child) => child instanceof lambda.EventSourceMapping)!.node.defaultChild!;

    expect(errorHeads(app)).toEqual([`[Stack/ByArn] ESM408: EventSourceArn is already mapped to the same function by ${first.node.path}`]);
  });

  test('two raw mappings with the same literals; a third to another function passes', () => {
    const { app, stack } = fixture();
    l1(stack, 'First', 'orders');
    l1(stack, 'Second', 'orders');
    l1(stack, 'Other', 'payments');

    expect(synthErrors(app)).toEqual([
      `[Stack/Second] ESM408: EventSourceArn is already mapped to "orders" by Stack/First, got "${STREAM_ARN}"; ${FIX}`,
    ]);
  });

  test('a construct mapping and an aspect mapping see each other, and the error lands on the later in construct-tree order', () => {
    const { app, stack, fn, stream } = fixture();
    // Constructed first, but after the function (and so after its event sources) in the tree.
    ours(stack, 'Ours', fn, StreamSource.kinesis(stream));
    fn.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST, retryAttempts: 3 }));
    const theirs = fn.node.children.find((child) => child instanceof lambda.EventSourceMapping)!.node.defaultChild!;

    expect(synthErrors(app)).toEqual([
      `[Stack/Ours] ESM408: source (EventSourceArn) is already mapped to the same function by ${theirs.node.path}, got "${arnOf(stack, stream)}"; ${FIX}`,
    ]);
  });

  test('a reference and a literal are never taken for the same source or function', () => {
    const { app, stack, fn, stream } = fixture();
    // The stream's ARN is STREAM_ARN and the function's name "orders" for all the template can tell.
    l1(stack, 'Literals', 'orders', STREAM_ARN);
    l1(stack, 'TokenSource', 'orders', stream.streamArn);
    ours(stack, 'TokenFunction', fn, StreamSource.fromKinesisStreamArn(STREAM_ARN));

    expect(synthErrors(app)).toEqual([]);
  });

  test('equal references in two stacks of one environment name two resources: not duplicates', () => {
    const { app, stack, fn, stream } = fixture();
    ours(stack, 'Mapping', fn, StreamSource.kinesis(stream));
    // Same construct IDs, so the same logical IDs and the same Ref and Fn::GetAtt in the other template.
    const other = new Stack(app, 'Other', { env: ENV });
    const otherFn = new lambda.Function(other, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    const otherStream = new kinesis.Stream(other, 'Stream');
    ours(other, 'Mapping', otherFn, StreamSource.kinesis(otherStream));
    expect(other.resolve(otherStream.streamArn)).toEqual(stack.resolve(stream.streamArn));
    expect(other.resolve(otherFn.functionName)).toEqual(stack.resolve(fn.functionName));

    expect(synthErrors(app)).toEqual([]);
  });

  test('stacks of one account and region share literal mappings; other accounts, regions and env-agnostic stacks do not', () => {
    const { app, stack } = fixture();
    l1(stack, 'First', 'orders');
    l1(new Stack(app, 'SameEnv', { env: ENV }), 'Mapping', 'orders');
    l1(new Stack(app, 'OtherAccount', { env: { ...ENV, account: '210987654321' } }), 'Mapping', 'orders');
    l1(new Stack(app, 'OtherRegion', { env: { ...ENV, region: 'eu-west-1' } }), 'Mapping', 'orders');
    l1(new Stack(app, 'Agnostic1'), 'Mapping', 'orders');
    l1(new Stack(app, 'Agnostic2'), 'Mapping', 'orders');

    expect(errorHeads(app)).toEqual([
      '[SameEnv/Mapping] ESM408: EventSourceArn is already mapped to "orders" by Stack/First',
    ]);
  });

  test('within one env-agnostic stack, equal literals are duplicates', () => {
    const { app, stack } = fixture(undefined);
    l1(stack, 'First', 'orders');
    l1(stack, 'Second', 'orders');

    expect(errorHeads(app)).toEqual([
      '[Stack/Second] ESM408: EventSourceArn is already mapped to "orders" by Stack/First',
    ]);
  });

  test('mappings in different Stages (separate cloud assemblies) are not compared', () => {
    const app = new App();
    Aspects.of(app).add(new StreamEventSourceMappingChecks());
    l1(new Stack(new Stage(app, 'Beta'), 'Stack', { env: ENV }), 'Mapping', 'orders');
    l1(new Stack(new Stage(app, 'Prod'), 'Stack', { env: ENV }), 'Mapping', 'orders');

    expect(() => app.synth()).not.toThrow();
  });
});

describe('ESM408 across synths and apps', () => {
  test('each synth starts afresh: a mapping changed between synths is judged by what it is now', () => {
    const { app, stack } = fixture();
    const first = l1(stack, 'First', 'orders');
    const second = l1(stack, 'Second', 'payments');
    expect(synthErrors(app)).toEqual([]);

    second.functionName = 'orders';
    expect(synthErrors(app)).toHaveLength(1);
    // The same error on every synth.
    expect(synthErrors(app)).toEqual([`[Stack/Second] ESM408: EventSourceArn is already mapped to "orders" by Stack/First, got "${STREAM_ARN}"; ${FIX}`]);

    // Stale claims of the earlier synths would make this a duplicate of First's old key.
    first.functionName = 'payments';
    second.addPropertyOverride('FunctionName', 'refunds');
    expect(synthErrors(app)).toEqual([]);
  });

  test('mappings of two apps never see each other', () => {
    const one = fixture();
    l1(one.stack, 'First', 'orders');
    const two = fixture();
    l1(two.stack, 'Second', 'orders');

    expect(synthErrors(one.app)).toEqual([]);
    expect(synthErrors(two.app)).toEqual([]);
  });
});

describe('ESM408 outside a Stage', () => {
  test('under a root that is no Stage, mappings validated by hand are compared under that root, each validation alike', () => {
    const root = new Construct(undefined as any, 'Root');
    const stack = new Stack(root, 'Stack', { env: ENV });
    const check = (mapping: lambda.CfnEventSourceMapping) =>
      checkAtSynth(mapping, { reportOn: mapping, labels: MessageLabels.CLOUDFORMATION, context: () => ({ kind: StreamSourceKind.KINESIS_STREAM }) });
    const first = l1(stack, 'First', 'orders');
    const second = l1(stack, 'Second', 'orders');
    check(first);
    check(second);

    // Nothing empties the map here (no synth); a mapping validated again is still the first of its key.
    expect(first.node.validate()).toEqual([]);
    expect(first.node.validate()).toEqual([]);
    expect(second.node.validate()).toEqual([`ESM408: EventSourceArn is already mapped to "orders" by Root/Stack/First, got "${STREAM_ARN}"; ${FIX}`]);
  });
});
