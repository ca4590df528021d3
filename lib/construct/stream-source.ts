import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Fn, Token } from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { byArn, envOfArn, GrantStatement, keyStatement, ResourcePolicy } from './grants';
import { StreamSourceKind } from '../template/stream-source-kind';

/**
 * Read actions Lambda documents for polling a Kinesis data stream.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
const KINESIS_STREAM_READ_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
];

/**
 * Actions on the consumer ARN for enhanced fan-out; the stream actions above stay on the stream ARN.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
const KINESIS_CONSUMER_ACTIONS = ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'];

/**
 * Read actions Lambda documents for a DynamoDB stream that take the stream ARN as resource.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
const DYNAMODB_STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];

/**
 * `dynamodb:ListStreams` has no resource type, so `*` is the narrowest resource IAM accepts for it.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 */
const DYNAMODB_LIST_STREAMS = 'dynamodb:ListStreams';

/**
 * The stream a `StreamEventSourceMapping` reads from: a Kinesis data stream, a Kinesis enhanced fan-out
 * consumer, or a DynamoDB stream.
 *
 * Sources built from a construct get least-privilege read permissions including the stream's KMS key;
 * sources built from an ARN get the read permissions on that ARN (grant a customer managed key yourself).
 */
export class StreamSource {
  /** Reads a Kinesis data stream with shared-throughput (standard) iterators. */
  public static kinesis(stream: kinesis.IStream): StreamSource {
    return new StreamSource(StreamSourceKind.KINESIS_STREAM, stream.streamArn, [
      streamStatement(stream),
      ...decryptStatement(stream.encryptionKey),
    ]);
  }

  /** Reads a Kinesis data stream through an enhanced fan-out consumer. */
  public static kinesisConsumer(consumer: kinesis.IStreamConsumer): StreamSource {
    return new StreamSource(StreamSourceKind.KINESIS_CONSUMER, consumer.streamConsumerArn, [
      streamStatement(consumer.stream),
      {
        property: EVENT_SOURCE,
        actions: KINESIS_CONSUMER_ACTIONS,
        resources: [consumer.streamConsumerArn],
        resourcePolicy: kinesisPolicy('the Kinesis consumer', consumer),
      },
      ...decryptStatement(consumer.stream.encryptionKey),
    ], { arnKnownOnlyIn: consumer });
  }

  /**
   * Reads the stream of a DynamoDB table.
   *
   * The table must have a stream (`stream` on `Table`, `tableStreamArn` on an imported table); a table
   * without one is reported when the app is synthesized.
   */
  public static dynamoDb(table: dynamodb.ITable): StreamSource {
    const streamArn = table.tableStreamArn;
    if (streamArn === undefined) {
      return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, undefined, [], { tableWithoutStream: table.node.path });
    }
    return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, streamArn, [
      ...dynamoDbStreamStatements(streamArn, {
        // An imported table lives in the importing stack's environment; its stream ARN tells the owner's.
        env: Token.isUnresolved(streamArn) ? table.env : envOfArn(streamArn),
        policyOf: `the stream of DynamoDB table ${table.node.path}`,
        scope: table,
        add: tableStreamPolicy(table),
        // A policy embedded in the table cannot reference the table's own stream ARN (a dependency cycle): `*` is
        // the stream the policy is attached to, as aws-cdk-lib's DynamoDB docs do.
        resources: ['*'],
      }),
      ...decryptStatement(table.encryptionKey),
    ], { arnKnownOnlyIn: table });
  }

  /**
   * A Kinesis data stream defined elsewhere, by ARN (`arn:<partition>:kinesis:<region>:<account>:stream/<name>`).
   *
   * @param encryptionKey the stream's customer managed key (`kms.Key.fromKeyArn(...)`), so that the role may decrypt
   * its records; in another account, its key policy must allow the role too (the statement is listed at synth)
   * @default - no key: the stream is unencrypted or uses the AWS managed key
   */
  public static fromKinesisStreamArn(streamArn: string, encryptionKey?: kms.IKey): StreamSource {
    return new StreamSource(StreamSourceKind.KINESIS_STREAM, streamArn, [
      { property: EVENT_SOURCE, actions: KINESIS_STREAM_READ_ACTIONS, resources: [streamArn], resourcePolicy: byArn('the Kinesis stream', streamArn) },
      ...decryptStatement(encryptionKey),
    ]);
  }

  /**
   * A Kinesis enhanced fan-out consumer defined elsewhere, by ARN
   * (`arn:<partition>:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<creation time>`).
   *
   * The stream read permissions go on the stream that the consumer ARN names.
   *
   * @param encryptionKey the stream's customer managed key, as for `fromKinesisStreamArn`
   * @default - no key: the stream is unencrypted or uses the AWS managed key
   */
  public static fromKinesisConsumerArn(consumerArn: string, encryptionKey?: kms.IKey): StreamSource {
    const streamArn = streamArnOfConsumer(consumerArn);
    return new StreamSource(StreamSourceKind.KINESIS_CONSUMER, consumerArn, [
      { property: EVENT_SOURCE, actions: KINESIS_STREAM_READ_ACTIONS, resources: [streamArn], resourcePolicy: byArn('the Kinesis stream', streamArn) },
      { property: EVENT_SOURCE, actions: KINESIS_CONSUMER_ACTIONS, resources: [consumerArn], resourcePolicy: byArn('the Kinesis consumer', consumerArn) },
      ...decryptStatement(encryptionKey),
    ]);
  }

  /**
   * A DynamoDB stream defined elsewhere, by ARN
   * (`arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>`, not the table ARN).
   *
   * @param encryptionKey the table's customer managed key, as for `fromKinesisStreamArn`
   * @default - no key: the table uses an AWS owned or AWS managed key
   */
  public static fromDynamoDbStreamArn(streamArn: string, encryptionKey?: kms.IKey): StreamSource {
    return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, streamArn, [
      ...dynamoDbStreamStatements(streamArn, byArn('the DynamoDB stream', streamArn)),
      ...decryptStatement(encryptionKey),
    ]);
  }

  /** The kind of stream. */
  public readonly kind: StreamSourceKind;

  /** The ARN written to `EventSourceArn` (a stream, consumer or DynamoDB stream ARN; may be a token); undefined for a table without a stream. */
  public readonly eventSourceArn?: string;

  private readonly statements: GrantStatement[];
  private readonly details: SourceDetails;

  /**
   * @param kind the kind of stream
   * @param eventSourceArn the ARN written to `EventSourceArn`; undefined only for a table without a stream
   * @param statements what the target's role needs to read the source
   */
  private constructor(kind: StreamSourceKind, eventSourceArn: string | undefined, statements: GrantStatement[],
    details: SourceDetails = {}) {
    this.kind = kind;
    this.eventSourceArn = eventSourceArn;
    this.statements = statements;
    this.details = details;
  }

  /**
   * Grants the grantee, on its own policy, what Lambda needs to read this source. (A `StreamEventSourceMapping`
   * also adds the resource-policy statements a source of another account needs.)
   *
   * @returns the grants, one per statement.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant[] {
    return this.statements.map(({ actions, resources }) => iam.Grant.addToPrincipal({ grantee, actions, resourceArns: resources }));
  }

  /** @internal what the target's role needs, with the resource policies that must agree across accounts. */
  public _statements(): GrantStatement[] {
    return this.statements;
  }

  /** @internal the path of a DynamoDB table given without a stream. */
  public get _tableWithoutStream(): string | undefined {
    return this.details.tableWithoutStream;
  }

  /**
   * @internal the construct whose ARN only its own environment can name (a consumer's ARN holds its creation
   * time, a DynamoDB stream's its label; neither is known to a stack of another account before deployment).
   */
  public get _arnKnownOnlyIn(): IConstruct | undefined {
    return this.details.arnKnownOnlyIn;
  }

}

interface SourceDetails {
  readonly tableWithoutStream?: string;
  readonly arnKnownOnlyIn?: IConstruct;
}

const EVENT_SOURCE = 'EventSourceArn';

function streamStatement(stream: kinesis.IStream): GrantStatement {
  return {
    property: EVENT_SOURCE,
    actions: KINESIS_STREAM_READ_ACTIONS,
    resources: [stream.streamArn],
    resourcePolicy: kinesisPolicy('the Kinesis stream', stream),
  };
}

/** The resource policy (AWS::Kinesis::ResourcePolicy) of a stream or consumer; an imported one's cannot be changed. */
function kinesisPolicy(what: string, resource: kinesis.IStream | kinesis.IStreamConsumer): ResourcePolicy {
  const arn = 'streamConsumerArn' in resource ? resource.streamConsumerArn : resource.streamArn;
  return {
    // An imported consumer lives in the importing stack's environment; its ARN tells the owner's.
    env: Token.isUnresolved(arn) ? resource.env : envOfArn(arn),
    policyOf: `${what} ${resource.node.path}`,
    scope: resource,
    add: (statement) => resource.addToResourcePolicy(statement),
  };
}

/** Lambda decrypts the records with the stream's or table's key; the key policy must let the role across accounts. */
function decryptStatement(key: kms.IKey | undefined): GrantStatement[] {
  return key ? [keyStatement(EVENT_SOURCE, key, ['kms:Decrypt'])] : [];
}

function dynamoDbStreamStatements(streamArn: string, policy: ResourcePolicy): GrantStatement[] {
  return [
    { property: EVENT_SOURCE, actions: DYNAMODB_STREAM_READ_ACTIONS, resources: [streamArn], resourcePolicy: policy },
    // ListStreams takes no resource, so no resource policy can hold it: it stays on the role.
    { property: EVENT_SOURCE, actions: [DYNAMODB_LIST_STREAMS], resources: ['*'] },
  ];
}

/** Table stream policies this library created, one per table, so that several mappings add to one document. */
const STREAM_POLICIES = new WeakMap<dynamodb.CfnTable, iam.PolicyDocument>();

/**
 * Adds to the stream resource policy of a table defined in the app: `TableV2` has its own API; `Table` gets
 * `StreamSpecification.ResourcePolicy` on its L1. An imported table's policy cannot be changed.
 */
function tableStreamPolicy(table: dynamodb.ITable): ResourcePolicy['add'] {
  if (table instanceof dynamodb.TableV2) {
    // addToStreamResourcePolicy is newer than the peer minimum: without it the statement is listed for the owner.
    return typeof (table as Partial<dynamodb.TableV2>).addToStreamResourcePolicy === 'function'
      ? (statement) => table.addToStreamResourcePolicy(statement) : undefined;
  }
  const cfn = table.node.defaultChild;
  if (!(table instanceof dynamodb.Table) || !(cfn instanceof dynamodb.CfnTable)) {
    return undefined;
  }
  return (statement) => {
    let document = STREAM_POLICIES.get(cfn);
    if (!document) {
      const spec = cfn.streamSpecification;
      if (!spec || Token.isUnresolved(spec) || (spec as dynamodb.CfnTable.StreamSpecificationProperty).resourcePolicy !== undefined) {
        return { statementAdded: false }; // a policy written on the L1 is the user's: CDK does not merge into it
      }
      document = new iam.PolicyDocument();
      STREAM_POLICIES.set(cfn, document);
      cfn.streamSpecification = { ...(spec as dynamodb.CfnTable.StreamSpecificationProperty), resourcePolicy: { policyDocument: document } };
    }
    document.addStatements(statement);
    return { statementAdded: true, policyDependable: cfn };
  };
}

/** `arn:...:stream/<s>/consumer/<c>:<t>` to `arn:...:stream/<s>`, also when the ARN is a token. */
function streamArnOfConsumer(consumerArn: string): string {
  if (Token.isUnresolved(consumerArn)) {
    return Fn.select(0, Fn.split('/consumer/', consumerArn));
  }
  const at = consumerArn.indexOf('/consumer/');
  return at > 0 ? consumerArn.substring(0, at) : consumerArn;
}
