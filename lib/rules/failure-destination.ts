import { parseArn } from './arns';
import { ALL_KINDS, DOCS, Rule, RuleSeverity } from './rule';
import { knownText } from './values';
import { valueAt } from '../checks/template-values';

const DESTINATION = 'DestinationConfig.OnFailure.Destination';
const SERVICES = ['sqs', 'sns', 's3'];

/** ESM501: only OnFailure exists, and it names its destination. */
export const ESM501: Rule = {
  id: 'ESM501',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'DestinationConfig',
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
    if (onFailure !== null && typeof onFailure === 'object' && valueAt(facts.properties, DESTINATION) === undefined) {
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
  summary: 'The on-failure Destination is an ARN (arn:<partition>:<service>:<region>:<account>:<resource>) of at most 350 characters.',
  source: `${DOCS.api} ; ${DOCS.cfnOnFailure}`,
  check: (facts) => {
    const arn = knownText(facts, DESTINATION);
    if (!arn) {
      return undefined;
    }
    if (typeof valueAt(facts.properties, DESTINATION) === 'string' && !parseArn(arn.text)) {
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
  summary: 'The on-failure destination of a stream mapping is an SQS queue, SNS topic or S3 bucket (rejection of other kinds is not verified).',
  source: `${DOCS.kinesisOnFailure} ; ${DOCS.dynamoDbErrors}`,
  check: (facts) => {
    const arn = knownText(facts, DESTINATION);
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
