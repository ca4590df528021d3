import { isSet, knownText } from './helpers';
import { ALL_KINDS, DOCS, Rule, RuleSeverity } from './rule';
import { ARN_SHAPES, KIND_NAMES, kindOfArn } from '../template/arns';
import { StreamSourceKind } from '../template/stream-source-kind';

/** ESM301: a stream mapping names its stream. */
export const ESM301: Rule = {
  id: 'ESM301',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  summary: 'EventSourceArn is required for Kinesis and DynamoDB stream sources; a DynamoDB table given as source must have a stream.',
  source: DOCS.api,
  check: (facts) => {
    if (facts.tableWithoutStream !== undefined) {
      return {
        problem: `has no stream to read: table ${facts.tableWithoutStream} has no DynamoDB stream`,
        got: undefined,
        fix: 'enable the table\'s stream (stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES), or import the table with tableStreamArn',
      };
    }
    // An ARN this stack cannot name is kept out of the template and reported by ESM905.
    const unnamed = facts.crossEnvironmentNames?.some((finding) => finding.path === 'EventSourceArn');
    return isSet(facts, 'EventSourceArn') || unnamed ? undefined : { problem: 'is required for a stream source', got: undefined, fix: 'give the ARN of the stream, consumer or DynamoDB stream' };
  },
};

/** ESM302: a concrete ARN has the shape of the kind it was declared (or read) as. */
export const ESM302: Rule = {
  id: 'ESM302',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  whenSet: ['EventSourceArn'],
  summary: 'A Kinesis stream ARN is arn:<partition>:kinesis:<region>:<account>:stream/<name>; a consumer ARN adds /consumer/<name>:<timestamp>; a DynamoDB stream ARN is arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label> (not the table ARN).',
  source: `${DOCS.api} ; ${DOCS.kinesisApi} ; ${DOCS.kinesisConsumerApi} ; ${DOCS.dynamoDbStreamsApi}`,
  check: (facts) => {
    const arn = knownText(facts, 'EventSourceArn');
    if (!arn || !facts.kind || ARN_SHAPES[facts.kind].pattern.test(arn.text)) {
      return undefined;
    }
    const actual = kindOfArn(arn.text);
    const declared = KIND_NAMES[facts.kind];
    let problem = `is not a ${declared} ARN`;
    if (actual !== undefined && actual !== facts.kind) {
      problem = `is a ${KIND_NAMES[actual]} ARN where a ${declared} ARN was declared`;
    } else if (facts.kind === StreamSourceKind.DYNAMODB_STREAM && /:dynamodb:[^:]*:[^:]*:table\/[^/]+$/.test(arn.text)) {
      problem = 'is a DynamoDB table ARN, not the ARN of its stream';
    }
    return { problem, got: arn.text, fix: `use an ARN of the form ${ARN_SHAPES[facts.kind].shape}` };
  },
};

/** ESM303: a reference to a stream resource gives its ARN, not its table's ARN or its name. */
export const ESM303: Rule = {
  id: 'ESM303',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  whenSet: ['EventSourceArn'],
  summary: 'EventSourceArn is a stream ARN: Fn::GetAtt of a DynamoDB table\'s StreamArn (not Arn, the table\'s ARN, nor Ref, its name) or of a Kinesis stream\'s Arn (not Ref, its name).',
  source: `${DOCS.api} ; ${DOCS.dynamoDbStreamsApi}`,
  check: (facts) => facts.sourceProblem?.reason === 'not-a-stream-arn' && isSet(facts, 'EventSourceArn')
    ? { problem: `is ${facts.sourceProblem.is}`, got: facts.properties.EventSourceArn, fix: facts.sourceProblem.fix }
    : undefined,
};

/** ESM304: the source is a service that event source mappings read at all. */
export const ESM304: Rule = {
  id: 'ESM304',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'EventSourceArn',
  whenSet: ['EventSourceArn'],
  summary: 'EventSourceArn names a source event source mappings read (Kinesis, DynamoDB Streams, SQS, MSK, Amazon MQ, DocumentDB), not S3, Firehose, SNS or another service.',
  source: DOCS.api,
  check: (facts) => facts.sourceProblem?.reason === 'unsupported-service' && isSet(facts, 'EventSourceArn')
    ? { problem: `is ${facts.sourceProblem.is}`, got: facts.properties.EventSourceArn, fix: facts.sourceProblem.fix }
    : undefined,
};
