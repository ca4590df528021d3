import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Fn, Token } from 'aws-cdk-lib/core';
import { SourceStatement } from './source-statement';
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
        actions: KINESIS_CONSUMER_ACTIONS,
        resourceArns: [consumer.streamConsumerArn],
        grantVia: (grantee, actions) => consumer.grant(grantee, ...actions),
      },
      ...decryptStatement(consumer.stream.encryptionKey),
    ]);
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
      return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, undefined, [], table.node.path);
    }
    return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, streamArn, [
      ...dynamoDbStreamStatements(streamArn),
      ...decryptStatement(table.encryptionKey),
    ]);
  }

  /** A Kinesis data stream defined elsewhere, by ARN (`arn:<partition>:kinesis:<region>:<account>:stream/<name>`). */
  public static fromKinesisStreamArn(streamArn: string): StreamSource {
    return new StreamSource(StreamSourceKind.KINESIS_STREAM, streamArn, [
      { actions: KINESIS_STREAM_READ_ACTIONS, resourceArns: [streamArn] },
    ]);
  }

  /**
   * A Kinesis enhanced fan-out consumer defined elsewhere, by ARN
   * (`arn:<partition>:kinesis:<region>:<account>:stream/<stream>/consumer/<name>:<creation time>`).
   *
   * The stream read permissions go on the stream that the consumer ARN names.
   */
  public static fromKinesisConsumerArn(consumerArn: string): StreamSource {
    return new StreamSource(StreamSourceKind.KINESIS_CONSUMER, consumerArn, [
      { actions: KINESIS_STREAM_READ_ACTIONS, resourceArns: [streamArnOfConsumer(consumerArn)] },
      { actions: KINESIS_CONSUMER_ACTIONS, resourceArns: [consumerArn] },
    ]);
  }

  /**
   * A DynamoDB stream defined elsewhere, by ARN
   * (`arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>`, not the table ARN).
   */
  public static fromDynamoDbStreamArn(streamArn: string): StreamSource {
    return new StreamSource(StreamSourceKind.DYNAMODB_STREAM, streamArn, dynamoDbStreamStatements(streamArn));
  }

  /**
   * @param kind the kind of stream
   * @param eventSourceArn the ARN written to `EventSourceArn`; undefined only for a table without a stream
   * @param statements what the target's role needs to read the source
   * @param tableWithoutStream path of a DynamoDB table that has no stream
   */
  /** The kind of stream. */
  public readonly kind: StreamSourceKind;

  /** The ARN written to `EventSourceArn` (a stream, consumer or DynamoDB stream ARN; may be a token); undefined for a table without a stream. */
  public readonly eventSourceArn?: string;

  private readonly statements: SourceStatement[];
  private readonly tableWithoutStream?: string;

  private constructor(kind: StreamSourceKind, eventSourceArn: string | undefined, statements: SourceStatement[],
    tableWithoutStream?: string) {
    this.kind = kind;
    this.eventSourceArn = eventSourceArn;
    this.statements = statements;
    this.tableWithoutStream = tableWithoutStream;
  }

  /**
   * Grants the grantee what Lambda needs to read this source.
   *
   * @returns the grants, so that a mapping can depend on them.
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant[] {
    return this.statements.map(({ actions, resourceArns, grantVia }) =>
      grantVia ? grantVia(grantee, actions) : iam.Grant.addToPrincipal({ grantee, actions, resourceArns }));
  }

  /** @internal what `grantRead` grants, as data, for a target whose role CDK cannot change. */
  public _statements(): SourceStatement[] {
    return this.statements;
  }

  /** @internal the path of a DynamoDB table given without a stream. */
  public get _tableWithoutStream(): string | undefined {
    return this.tableWithoutStream;
  }

}

function streamStatement(stream: kinesis.IStream): SourceStatement {
  return {
    actions: KINESIS_STREAM_READ_ACTIONS,
    resourceArns: [stream.streamArn],
    grantVia: (grantee, actions) => stream.grant(grantee, ...actions),
  };
}

function decryptStatement(key: kms.IKey | undefined): SourceStatement[] {
  return key ? [{ actions: ['kms:Decrypt'], resourceArns: [key.keyArn], grantVia: (grantee, actions) => key.grant(grantee, ...actions) }] : [];
}

function dynamoDbStreamStatements(streamArn: string): SourceStatement[] {
  return [
    { actions: DYNAMODB_STREAM_READ_ACTIONS, resourceArns: [streamArn] },
    { actions: [DYNAMODB_LIST_STREAMS], resourceArns: ['*'] },
  ];
}

/** `arn:...:stream/<s>/consumer/<c>:<t>` to `arn:...:stream/<s>`, also when the ARN is a token. */
function streamArnOfConsumer(consumerArn: string): string {
  if (Token.isUnresolved(consumerArn)) {
    return Fn.select(0, Fn.split('/consumer/', consumerArn));
  }
  const at = consumerArn.indexOf('/consumer/');
  return at > 0 ? consumerArn.substring(0, at) : consumerArn;
}
