/**
 * Every account topology, one cell per combination: {same account, another account, environment-agnostic} x
 * {Kinesis stream, consumer, DynamoDB table, each by construct and by ARN} x {unencrypted, customer managed key} x
 * {no destination, SQS, encrypted SQS, SNS, S3, each in the function's or another account}.
 *
 * For every cell: synth succeeds; no resource-policy statement anywhere lacks a principal; the role may perform
 * every action the Lambda docs list for the source and destination, on the narrowest resource (and on nothing
 * broader); the mapping depends on its own stack's role policy; the expected ESM warnings and only those. The
 * templates are linted by test/cfn-lint/run.sh with the rest of the suite.
 */
import { App, PhysicalName, Stack, StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { StreamEventSourceMapping, StreamSource } from '../../lib';

const FUNCTION_ACCOUNT = '111111111111';
const OWNER_ACCOUNT = '222222222222';
const REGION = 'us-east-1';

type Topology = 'same account' | 'another account' | 'environment-agnostic';
type SourceKind = 'stream' | 'consumer' | 'table';
type Given = 'construct' | 'ARN';
type DestinationKind = 'none' | 'SQS' | 'encrypted SQS' | 'SNS' | 'S3';
type DestinationPlace = 'same account' | 'another account';

interface Cell {
  readonly topology: Topology;
  readonly source: SourceKind;
  readonly given: Given;
  readonly encrypted: boolean;
  readonly destination: DestinationKind;
  readonly destinationPlace: DestinationPlace;
}

const TOPOLOGIES: Topology[] = ['same account', 'another account', 'environment-agnostic'];
const SOURCES: SourceKind[] = ['stream', 'consumer', 'table'];
const GIVEN: Given[] = ['construct', 'ARN'];
const DESTINATIONS: Array<[DestinationKind, DestinationPlace]> = [
  ['none', 'same account'],
  ...(['SQS', 'encrypted SQS', 'SNS', 'S3'] as DestinationKind[]).flatMap((d): Array<[DestinationKind, DestinationPlace]> => [[d, 'same account'], [d, 'another account']]),
];

const CELLS: Cell[] = TOPOLOGIES.flatMap((topology) => SOURCES.flatMap((source) => GIVEN.flatMap((given) => [false, true].flatMap((encrypted) =>
  DESTINATIONS.map(([destination, destinationPlace]) => ({ topology, source, given, encrypted, destination, destinationPlace }))))));

const LAMBDA_STREAM_READ = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'];
const LAMBDA_CONSUMER_READ = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'];
const LAMBDA_DYNAMODB_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];

/** One action the role must hold, on exactly this resource (resolved in the function's stack). */
interface Expected {
  readonly action: string;
  readonly resource: unknown;
}

interface Built {
  readonly app: App;
  readonly functions: Stack;
  readonly fn: lambda.Function;
  readonly expected: Expected[];
  /** The ESM warnings the cell must raise, as sorted unique IDs. */
  readonly warnings: string[];
}

function envOf(topology: Topology, account: string): StackProps['env'] {
  return topology === 'environment-agnostic' ? undefined : { account, region: REGION };
}

/** Builds one cell: the function's stack, the source owner's stack and the destination owner's stack. */
function build(cell: Cell): Built {
  const app = new App();
  const agnostic = cell.topology === 'environment-agnostic';
  const functions = new Stack(app, 'Functions', { env: envOf(cell.topology, FUNCTION_ACCOUNT) });
  const sourceAccount = cell.topology === 'another account' ? OWNER_ACCOUNT : FUNCTION_ACCOUNT;
  // The source owner's stack, only where the source is a construct defined in it (an empty stack is no template).
  let ownerStack: Stack | undefined;
  const owner = () => ownerStack ??= new Stack(app, 'Owner', { env: envOf(cell.topology, sourceAccount) });
  const destinationAccount = cell.destinationPlace === 'another account' && !agnostic ? OWNER_ACCOUNT : FUNCTION_ACCOUNT;
  const failures = cell.destinationPlace === 'another account'
    ? new Stack(app, 'Failures', { env: envOf(cell.topology, destinationAccount) })
    : functions;
  const role = new iam.Role(functions, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    roleName: PhysicalName.GENERATE_IF_NEEDED,
  });
  const fn = new lambda.Function(functions, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    role,
  });

  const expected: Expected[] = [];
  const warnings = new Set<string>();
  const crossAccountSource = cell.topology === 'another account';
  const arnAccount = agnostic ? OWNER_ACCOUNT : sourceAccount;
  const resolve = (value: unknown) => functions.resolve(value);
  const expect_ = (actions: string[], resource: unknown) => expected.push(...actions.map((action) => ({ action, resource: resolve(resource) })));

  // A key of another environment cannot be named by ARN (keys have no physical name): the role names that
  // account's keys in the region, and the key policy names the role.
  const keysOf = (account: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:kms:${REGION}:${account}:key/*`]] });

  let source: StreamSource;
  if (cell.given === 'ARN') {
    const key = cell.encrypted ? kms.Key.fromKeyArn(functions, 'SourceKey', `arn:aws:kms:${REGION}:${arnAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab`) : undefined;
    const streamArn = `arn:aws:kinesis:${REGION}:${arnAccount}:stream/orders`;
    if (cell.source === 'stream') {
      source = StreamSource.fromKinesisStreamArn(streamArn, key);
      expect_(LAMBDA_STREAM_READ, streamArn);
    } else if (cell.source === 'consumer') {
      const consumerArn = `${streamArn}/consumer/orders-app:1767225600`;
      source = StreamSource.fromKinesisConsumerArn(consumerArn, key);
      expect_(LAMBDA_STREAM_READ, streamArn);
      expect_(LAMBDA_CONSUMER_READ, consumerArn);
    } else {
      const streamArnOfTable = `arn:aws:dynamodb:${REGION}:${arnAccount}:table/orders/stream/2026-01-01T00:00:00.000`;
      source = StreamSource.fromDynamoDbStreamArn(streamArnOfTable, key);
      expect_(LAMBDA_DYNAMODB_READ, streamArnOfTable);
      expect_(['dynamodb:ListStreams'], '*');
    }
    if (key) {
      expect_(['kms:Decrypt'], key.keyArn);
    }
    if (crossAccountSource) {
      warnings.add('ESM903'); // the owner attaches the listed statements
    }
  } else if (crossAccountSource && cell.source !== 'stream') {
    // A consumer's or DynamoDB stream's ARN exists only once its stack is deployed: another account's stack
    // cannot reference it, so the construct is imported with its ARN (a StreamConsumer or Table in the owner's
    // stack is ESM905, tested below).
    const key = cell.encrypted ? kms.Key.fromKeyArn(functions, 'SourceKey', `arn:aws:kms:${REGION}:${OWNER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`) : undefined;
    const streamArn = `arn:aws:kinesis:${REGION}:${OWNER_ACCOUNT}:stream/orders`;
    if (cell.source === 'consumer') {
      const consumerArn = `${streamArn}/consumer/orders-app:1767225600`;
      const stream = kinesis.Stream.fromStreamAttributes(functions, 'Stream', { streamArn, encryptionKey: key });
      const consumer = kinesis.StreamConsumer.fromStreamConsumerAttributes(functions, 'Consumer', { streamConsumerArn: consumerArn, streamConsumerName: 'orders-app', stream });
      source = StreamSource.kinesisConsumer(consumer);
      expect_(LAMBDA_STREAM_READ, streamArn);
      expect_(LAMBDA_CONSUMER_READ, consumerArn);
      // aws-cdk-lib's fromStreamConsumerAttributes re-imports the stream by ARN and drops its key: nothing to grant on.
    } else {
      const tableStreamArn = `arn:aws:dynamodb:${REGION}:${OWNER_ACCOUNT}:table/orders/stream/2026-01-01T00:00:00.000`;
      const table = dynamodb.Table.fromTableAttributes(functions, 'Table', {
        tableArn: `arn:aws:dynamodb:${REGION}:${OWNER_ACCOUNT}:table/orders`,
        tableStreamArn,
        encryptionKey: key,
      });
      source = StreamSource.dynamoDb(table);
      expect_(LAMBDA_DYNAMODB_READ, tableStreamArn);
      expect_(['dynamodb:ListStreams'], '*');
    }
    if (key && cell.source === 'table') {
      expect_(['kms:Decrypt'], key.keyArn);
    }
    warnings.add('ESM903');
  } else {
    const key = cell.encrypted ? new kms.Key(owner(), 'SourceKey') : undefined;
    if (cell.source === 'table') {
      const table = new dynamodb.Table(owner(), 'Table', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
        encryption: key ? dynamodb.TableEncryption.CUSTOMER_MANAGED : undefined,
        encryptionKey: key,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      });
      source = StreamSource.dynamoDb(table);
      expect_(LAMBDA_DYNAMODB_READ, table.tableStreamArn!);
      expect_(['dynamodb:ListStreams'], '*');
    } else {
      const stream = new kinesis.Stream(owner(), 'Stream', {
        streamName: crossAccountSource ? PhysicalName.GENERATE_IF_NEEDED : undefined,
        encryption: key ? kinesis.StreamEncryption.KMS : kinesis.StreamEncryption.UNENCRYPTED,
        encryptionKey: key,
      });
      expect_(LAMBDA_STREAM_READ, stream.streamArn);
      if (cell.source === 'consumer') {
        const consumer = new kinesis.StreamConsumer(owner(), 'Consumer', { streamConsumerName: 'orders-app', stream });
        source = StreamSource.kinesisConsumer(consumer);
        expect_(LAMBDA_CONSUMER_READ, consumer.streamConsumerArn);
      } else {
        source = StreamSource.kinesis(stream);
      }
    }
    if (key) {
      expect_(['kms:Decrypt'], crossAccountSource ? keysOf(OWNER_ACCOUNT) : key.keyArn);
    }
    if (crossAccountSource) {
      warnings.add('ESM904'); // the stream's and key's policies name the role of the function's stack
    }
  }

  let onFailure: lambda.IEventSourceDlq | undefined;
  if (cell.destination !== 'none') {
    const crossAccountDestination = cell.destinationPlace === 'another account' && !agnostic;
    const name = crossAccountDestination ? PhysicalName.GENERATE_IF_NEEDED : undefined;
    const key = cell.destination === 'encrypted SQS' ? new kms.Key(failures, 'FailuresKey') : undefined;
    if (cell.destination === 'SQS' || cell.destination === 'encrypted SQS') {
      const queue = new sqs.Queue(failures, 'Failed', {
        queueName: name,
        encryption: key ? sqs.QueueEncryption.KMS : undefined,
        encryptionMasterKey: key,
        enforceSSL: true,
      });
      onFailure = new sources.SqsDlq(queue);
      expect_(['sqs:SendMessage'], queue.queueArn);
    } else if (cell.destination === 'SNS') {
      const topic = new sns.Topic(failures, 'Failed', { topicName: name, enforceSSL: true });
      onFailure = new sources.SnsDlq(topic);
      expect_(['sns:Publish'], topic.topicArn);
    } else {
      const bucket = new s3.Bucket(failures, 'Failed', { bucketName: name, enforceSSL: true });
      onFailure = new sources.S3OnFailureDestination(bucket);
      expect_(['s3:PutObject'], `${bucket.bucketArn}/*`);
      expect_(['s3:ListBucket'], bucket.bucketArn);
    }
    if (key) {
      const keyResource = crossAccountDestination ? keysOf(destinationAccount) : key.keyArn;
      expect_(['kms:Decrypt', 'kms:GenerateDataKey'], keyResource);
      if (crossAccountDestination) {
        expect_(['kms:DescribeKey', 'kms:ReEncrypt*'], keyResource); // the Lambda docs' extra actions for a key of another account
      }
    }
    if (crossAccountDestination) {
      warnings.add('ESM904');
    }
  }

  new StreamEventSourceMapping(functions, 'Mapping', {
    target: fn,
    source,
    startingPosition: lambda.StartingPosition.LATEST,
    retryAttempts: 3,
    onFailure,
  });
  return { app, functions, fn, expected, warnings: [...warnings].sort() };
}

/** Every statement of a resource policy in the app's templates (anything but IAM identity policies), with its place. */
function resourcePolicyStatements(templates: Array<[string, any]>): Array<{ where: string; statement: any }> {
  const found: Array<{ where: string; statement: any }> = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'Statement' && Array.isArray(child)) {
          child.forEach((statement, i) => found.push({ where: `${where}.Statement[${i}]`, statement }));
        } else {
          walk(child, `${where}.${key}`);
        }
      }
    }
  };
  for (const [stack, template] of templates) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
        continue;
      }
      const properties = resource.Type === 'AWS::IAM::Role' ? { AssumeRolePolicyDocument: resource.Properties.AssumeRolePolicyDocument } : resource.Properties;
      walk(properties, `${stack}/${id}`);
    }
  }
  return found;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const sorted = (values: unknown[]) => [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Statements with each Fn::ImportValue of a stack of the app replaced by the value it exports. */
function importsResolved(statements: any[], templates: Array<[string, any]>): any[] {
  const exported = new Map<string, unknown>();
  for (const [, template] of templates) {
    for (const output of Object.values<any>(template.Outputs ?? {})) {
      if (output.Export?.Name) {
        exported.set(output.Export.Name, output.Value);
      }
    }
  }
  return JSON.parse(JSON.stringify(statements), (_key, value) =>
    (value && typeof value === 'object' && 'Fn::ImportValue' in value && exported.has(value['Fn::ImportValue'])
      ? exported.get(value['Fn::ImportValue'])
      : value));
}

function synthesize(cell: Cell) {
  const built = build(cell);
  const assembly = built.app.synth();
  const templates = assembly.stacks.map((s): [string, any] => [s.stackName, s.template]);
  const functionsTemplate = assembly.getStackByName('Functions').template;
  const esmWarnings = assembly.stacks.flatMap((s) => s.messages)
    .filter((m) => m.level === 'warning' && /^ESM\d{3}: /.test(String(m.entry.data)))
    .map((m) => String(m.entry.data).slice(0, 6));
  return { ...built, templates, functionsTemplate, esmWarnings };
}

const name = (c: Cell) => `${c.topology}, ${c.source} by ${c.given}, ${c.encrypted ? 'customer managed key' : 'unencrypted'}, `
  + `${c.destination === 'none' ? 'no destination' : `${c.destination} destination in the ${c.destinationPlace === 'same account' ? "function's" : 'other'} account`}`;

describe('topology suite', () => {
  test('has 324 cells', () => {
    expect(CELLS).toHaveLength(3 * 6 * 2 * 9);
  });

  test.each(CELLS.map((cell) => [name(cell), cell] as const))('%s', (_name, cell) => {
    const { functions, fn, expected, warnings, templates, functionsTemplate, esmWarnings } = synthesize(cell);

    // No resource-policy statement lacks a principal.
    const principalLess = resourcePolicyStatements(templates).filter(({ statement }) => !statement.Principal && !statement.NotPrincipal);
    expect(principalLess).toEqual([]);

    // The role may perform every documented action on the narrowest resource, and nothing on more.
    const policies = Object.values<any>(functionsTemplate.Resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const granted = importsResolved(policies.flatMap((p) => p.Properties.PolicyDocument.Statement as any[]), templates);
    for (const action of new Set(expected.map((e) => e.action))) {
      const holders = granted.filter((s) => list(s.Action).includes(action));
      const want = expected.filter((e) => e.action === action).map((e) => e.resource);
      expect({ action, resources: sorted(holders.flatMap((s) => list(s.Resource))) }).toEqual({ action, resources: sorted(want) });
    }
    const expectedActions = new Set(expected.map((e) => e.action));
    expect(granted.flatMap((s) => list(s.Action)).filter((a) => !expectedActions.has(a as string))).toEqual([]);

    // The mapping depends on the role policy of its own stack.
    const mapping = Object.values<any>(functionsTemplate.Resources).find((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    const rolePolicyId = functions.getLogicalId(fn.role!.node.findChild('DefaultPolicy').node.defaultChild as any);
    expect(mapping.DependsOn).toEqual(expect.arrayContaining([rolePolicyId]));

    // The expected warnings, and only those.
    expect([...new Set(esmWarnings)].sort()).toEqual(warnings);
  });
});
