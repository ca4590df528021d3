import { knownText } from './helpers';
import { ALL_KINDS, DOCS, Rule, RuleSeverity } from './rule';
import { parseArn } from '../template/arns';
import { UNKNOWN, valueAt } from '../template/values';

const DESTINATION = 'DestinationConfig.OnFailure.Destination';
const SERVICES = ['sqs', 'sns', 's3'];
/** The Kafka topic form of the API's DestinationArn pattern (full match): valid in the schema, meant for Kafka sources. */
const KAFKA_TOPIC = /^kafka:\/\/[^.][a-zA-Z0-9\-_.]{0,248}$/;

/** ESM501: only OnFailure exists, and it names its destination. */
export const ESM501: Rule = {
  id: 'ESM501',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'DestinationConfig',
  whenSet: ['DestinationConfig'],
  summary: 'DestinationConfig holds only OnFailure, and OnFailure holds a Destination (OnSuccess is not supported for event source mappings).',
  source: `${DOCS.api} ; ${DOCS.cfnOnFailure}`,
  check: (facts) => {
    const config = valueAt(facts.properties, 'DestinationConfig');
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      return undefined;
    }
    const extra = Object.keys(config).filter((key) => key !== 'OnFailure');
    if (extra.length > 0) {
      return { problem: `has ${extra.join(', ')}, which event source mappings do not support`, got: config, fix: 'keep only OnFailure (onFailure)' };
    }
    const onFailure = valueAt(facts.properties, 'DestinationConfig.OnFailure');
    if (onFailure === undefined || onFailure === UNKNOWN) {
      return undefined;
    }
    if (onFailure === null || typeof onFailure !== 'object' || Array.isArray(onFailure)) {
      return { path: 'DestinationConfig.OnFailure', problem: 'must be an object with a Destination', got: onFailure, fix: 'give { Destination: <ARN of an SQS queue, SNS topic or S3 bucket> }' };
    }
    const extraInOnFailure = Object.keys(onFailure).filter((key) => key !== 'Destination');
    if (extraInOnFailure.length > 0) {
      return { path: 'DestinationConfig.OnFailure', problem: `has ${extraInOnFailure.join(', ')}, but OnFailure takes only Destination`, got: onFailure, fix: 'keep only Destination' };
    }
    if (valueAt(facts.properties, DESTINATION) === undefined) {
      return { path: DESTINATION, problem: 'is required in an OnFailure configuration', got: undefined, fix: 'give the ARN of an SQS queue, SNS topic or S3 bucket' };
    }
    return undefined;
  },
};

/** ESM502: the destination is an ARN of at most 350 characters. */
export const ESM502: Rule = {
  id: 'ESM502',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: DESTINATION,
  whenSet: ['DestinationConfig'],
  summary: 'The on-failure Destination is an ARN (arn:<partition>:<service>:<region>:<account>:<resource>) or kafka://<topic>, of at most 350 characters.',
  source: `${DOCS.api} ; ${DOCS.cfnOnFailure}`,
  check: (facts) => {
    const given = valueAt(facts.properties, DESTINATION);
    if (given !== undefined && given !== UNKNOWN && typeof given !== 'string') {
      // A number or object from an override: read as text it is still no ARN.
      return { problem: 'is not an ARN', got: given, fix: 'give the ARN of an SQS queue, SNS topic or S3 bucket' };
    }
    const arn = knownText(facts, DESTINATION);
    if (!arn) {
      return undefined;
    }
    if (arn.exact && !parseArn(arn.text) && !KAFKA_TOPIC.test(arn.text)) {
      return { problem: 'is not an ARN', got: arn.text, fix: 'give the ARN of an SQS queue, SNS topic or S3 bucket' };
    }
    return arn.text.length > 350 ? { problem: `is ${arn.text.length} characters long`, got: arn.text, fix: 'destination ARNs are at most 350 characters' } : undefined;
  },
};

/** ESM503: streams send failed batches to SQS, SNS or S3. */
export const ESM503: Rule = {
  id: 'ESM503',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: DESTINATION,
  whenSet: ['DestinationConfig'],
  summary: 'The on-failure destination of a stream mapping is an SQS queue, SNS topic or S3 bucket, not a Lambda function, event bus or Kafka topic (rejection of other kinds is not verified).',
  source: `${DOCS.kinesisOnFailure} ; ${DOCS.dynamoDbErrors}`,
  check: (facts) => {
    const arn = knownText(facts, DESTINATION);
    if (arn && KAFKA_TOPIC.test(arn.text)) {
      return {
        problem: 'is a Kafka topic, which is an on-failure destination for Kafka sources only',
        got: arn.text,
        fix: 'use an SQS queue, SNS topic or S3 bucket',
      };
    }
    const parts = arn && parseArn(arn.text);
    return parts && !SERVICES.includes(parts.service) ? {
      problem: `is a ${parts.service} ARN`,
      got: arn.text,
      fix: 'use an SQS queue, SNS topic or S3 bucket (Lambda functions and event buses are destinations for asynchronous invocation only)',
    } : undefined;
  },
};

/** ESM504: DynamoDB's error-handling page asks for standard queues and topics. */
export const ESM504: Rule = {
  id: 'ESM504',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: DESTINATION,
  whenSet: ['DestinationConfig'],
  summary: 'The on-failure queue or topic is a standard one, not FIFO (rejection not verified).',
  source: DOCS.dynamoDbParams,
  check: (facts) => {
    const arn = knownText(facts, DESTINATION);
    const parts = arn && parseArn(arn.text);
    return parts && (parts.service === 'sqs' || parts.service === 'sns') && parts.resource.endsWith('.fifo') ? {
      problem: 'is a FIFO queue or topic',
      got: arn.text,
      fix: 'use a standard SQS queue or SNS topic',
    } : undefined;
  },
};
