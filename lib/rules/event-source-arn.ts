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
    return isSet(facts, 'EventSourceArn') ? undefined : { problem: 'is required for a stream source', got: undefined, fix: 'give the ARN of the stream, consumer or DynamoDB stream' };
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
