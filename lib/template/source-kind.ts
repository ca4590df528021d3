import { StreamSourceKind } from './stream-source-kind';
import { HOLE, isIntrinsic, literalParts } from './values';

/** A template's resources, by logical ID: the type of a resource, or undefined for anything else (a parameter). */
export type ResourceTypeOf = (logicalId: string) => string | undefined;

/** Why AWS rejects an EventSourceArn that is not the ARN of a stream. */
export interface SourceProblem {
  /** `not-a-stream-arn`: a reference to a stream's table, or to its name; `unsupported-service`: a service mappings do not read. */
  readonly reason: 'not-a-stream-arn' | 'unsupported-service';
  /** What the value is ("the ARN of DynamoDB table Orders", "an S3 ARN"). */
  readonly is: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What a mapping's EventSourceArn says about its source. */
export interface SourceReading {
  /** The kind of stream it reads; undefined for a service mappings do not read. */
  readonly kind?: StreamSourceKind;
  /** Set when AWS rejects the value. */
  readonly problem?: SourceProblem;
}

const K = StreamSourceKind.KINESIS_STREAM;
const KC = StreamSourceKind.KINESIS_CONSUMER;
const D = StreamSourceKind.DYNAMODB_STREAM;

/** Services whose ARNs a mapping reads but whose rules are not these (SQS, MSK, Amazon MQ, DocumentDB): skipped. */
const OTHER_SOURCES = new Set(['sqs', 'kafka', 'mq', 'rds', 'docdb', 'docdb-elastic']);

/** What a `Ref` or `Fn::GetAtt` returns, by resource type and attribute (`Ref` for a Ref); `id` is the logical ID. */
const REFERENCES: Record<string, (id: string) => SourceReading | undefined> = {
  'AWS::Kinesis::Stream.Arn': () => ({ kind: K }),
  'AWS::Kinesis::Stream.Ref': (id) => ({ kind: K, problem: { reason: 'not-a-stream-arn', is: `the name of Kinesis stream ${id} (Ref returns the name)`, fix: `use Fn::GetAtt [${id}, Arn]` } }),
  'AWS::Kinesis::StreamConsumer.ConsumerARN': () => ({ kind: KC }),
  'AWS::Kinesis::StreamConsumer.Ref': () => ({ kind: KC }),
  'AWS::Kinesis::StreamConsumer.StreamARN': () => ({ kind: K }),
  'AWS::DynamoDB::Table.StreamArn': () => ({ kind: D }),
  'AWS::DynamoDB::Table.Arn': (id) => tableProblem(id, 'the ARN of DynamoDB table', 'Fn::GetAtt returns the table ARN'),
  'AWS::DynamoDB::Table.Ref': (id) => tableProblem(id, 'the name of DynamoDB table', 'Ref returns the name'),
  'AWS::DynamoDB::GlobalTable.StreamArn': () => ({ kind: D }),
  'AWS::DynamoDB::GlobalTable.Arn': (id) => tableProblem(id, 'the ARN of DynamoDB global table', 'Fn::GetAtt returns the table ARN'),
  'AWS::DynamoDB::GlobalTable.Ref': (id) => tableProblem(id, 'the name of DynamoDB global table', 'Ref returns the name'),
  'AWS::S3::Bucket.Arn': (id) => unsupported(`the ARN of S3 bucket ${id}`),
  'AWS::KinesisFirehose::DeliveryStream.Arn': (id) => unsupported(`the ARN of Firehose delivery stream ${id}`),
  'AWS::SNS::Topic.Ref': (id) => unsupported(`the ARN of SNS topic ${id}`),
  'AWS::SNS::Topic.TopicArn': (id) => unsupported(`the ARN of SNS topic ${id}`),
};

function tableProblem(id: string, what: string, why: string): SourceReading {
  return {
    kind: D,
    problem: { reason: 'not-a-stream-arn', is: `${what} ${id} (${why}), not of its stream`, fix: `use Fn::GetAtt [${id}, StreamArn], with StreamSpecification set on the table` },
  };
}

function unsupported(is: string): SourceReading {
  return { problem: { reason: 'unsupported-service', is: `${is}, which event source mappings do not read`, fix: 'give the ARN of a Kinesis stream, Kinesis stream consumer or DynamoDB stream' } };
}

/** What a `Ref` (attribute `Ref`) or `Fn::GetAtt` of a resource of `type` reads as an EventSourceArn. */
export function referenceReading(type: string, attribute: string, logicalId: string): SourceReading | undefined {
  return REFERENCES[`${type}.${attribute}`]?.(logicalId);
}

/**
 * What a mapping's `EventSourceArn` reads, from the value alone and the types of the template's resources:
 * a literal ARN (or one built by `Fn::Join`/`Fn::Sub` whose service is literal), a `Ref`/`Fn::GetAtt` of a stream,
 * consumer or table, or both branches of an `Fn::If` that agree. Undefined when the source is not a stream
 * (SQS, Kafka, MQ, DocumentDB) or cannot be known (a parameter, an import): such mappings are skipped.
 */
export function readSource(arn: unknown, typeOf: ResourceTypeOf): SourceReading | undefined {
  const reference = referenceOf(arn);
  if (reference) {
    const type = typeOf(reference.logicalId);
    return type === undefined ? undefined : referenceReading(type, reference.attribute, reference.logicalId);
  }
  if (isIntrinsic(arn) && 'Fn::If' in arn) {
    const branches = arn['Fn::If'];
    if (!Array.isArray(branches) || branches.length !== 3) {
      return undefined;
    }
    const [a, b] = [readSource(branches[1], typeOf), readSource(branches[2], typeOf)];
    return a && b && JSON.stringify(a) === JSON.stringify(b) ? a : undefined;
  }
  const text = literalParts(arn);
  return text === undefined ? undefined : readArnText(text);
}

/** A Ref or Fn::GetAtt (list, dotted string, or an `Fn::Sub` of exactly one of them) as logical ID and attribute. */
function referenceOf(value: unknown): { logicalId: string; attribute: string } | undefined {
  if (!isIntrinsic(value)) {
    return undefined;
  }
  const [fn, args] = Object.entries(value)[0];
  if (fn === 'Ref' && typeof args === 'string') {
    return { logicalId: args, attribute: 'Ref' };
  }
  if (fn === 'Fn::GetAtt' && Array.isArray(args) && typeof args[0] === 'string' && typeof args[1] === 'string') {
    return { logicalId: args[0], attribute: args[1] };
  }
  if (fn === 'Fn::GetAtt' && typeof args === 'string' && args.includes('.')) {
    return { logicalId: args.slice(0, args.indexOf('.')), attribute: args.slice(args.indexOf('.') + 1) };
  }
  const sub = fn === 'Fn::Sub' && typeof args === 'string' ? /^\$\{([^}!.][^}.]*)(?:\.([^}]+))?\}$/.exec(args.trim()) : null;
  return sub ? { logicalId: sub[1], attribute: sub[2] ?? 'Ref' } : undefined;
}

/**
 * An ARN whose partition and service are known (other parts may be holes): a Kinesis ARN reads as a stream, or
 * a consumer where it names one; a DynamoDB ARN as a DynamoDB stream, so that ESM302 judges a table ARN or a
 * misshapen one instead of skipping it.
 */
function readArnText(text: string): SourceReading | undefined {
  const parts = /^arn:([^:]*):([^:\u0000]+):([^:]*):([^:]*):(.*)$/s.exec(text);
  if (!parts || text.startsWith(HOLE)) {
    return undefined;
  }
  const [, , service, , , resource] = parts;
  if (service === 'kinesis') {
    return { kind: resource.includes('/consumer/') ? KC : K };
  }
  if (service === 'dynamodb') {
    return { kind: D };
  }
  if (OTHER_SOURCES.has(service)) {
    return undefined;
  }
  return unsupported(`an ARN of service ${service}`);
}
