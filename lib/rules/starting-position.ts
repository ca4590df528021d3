import { isPresent, isSet, knownNumber, knownText, requiredProperty } from './helpers';
import { ALL_KINDS, DOCS, DYNAMODB_KINDS, KINESIS_KINDS, RECORDED, Rule, RuleSeverity } from './rule';
import { KIND_NAMES } from '../template/arns';
import { UNKNOWN, valueAt } from '../template/values';

const POSITIONS = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];
/** Above this many seconds a timestamp is past the year 5000: it is almost surely milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11;

/** ESM101: stream mappings need a starting position ("Value null at 'startingPosition' ... must not be null"). */
export const ESM101: Rule = requiredProperty({
  id: 'ESM101',
  property: 'StartingPosition',
  summary: 'StartingPosition is required for Kinesis and DynamoDB stream sources.',
  source: `${DOCS.api} ; ${RECORDED.lambdaApiErrors}`,
  problem: 'is required for a stream source',
  fix: 'set it to TRIM_HORIZON, LATEST or (Kinesis only) AT_TIMESTAMP',
});

/** ESM102: the enum is exact and case-sensitive (CloudFormation's pattern alone lets `LATESTLATEST` through). */
export const ESM102: Rule = {
  id: 'ESM102',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'StartingPosition',
  whenSet: ['StartingPosition'],
  summary: 'StartingPosition is exactly TRIM_HORIZON, LATEST or AT_TIMESTAMP (case-sensitive).',
  source: `${DOCS.api} ; ${RECORDED.lambdaApiErrors}`,
  check: (facts) => {
    const position = knownText(facts, 'StartingPosition');
    return position && !POSITIONS.includes(position.text) ? {
      problem: 'is not a starting position',
      got: position.text,
      fix: 'use lambda.StartingPosition.TRIM_HORIZON, LATEST or AT_TIMESTAMP (exact, upper case)',
    } : undefined;
  },
};

/** ESM103: AT_TIMESTAMP is for Kinesis only among stream sources. */
export const ESM103: Rule = {
  id: 'ESM103',
  severity: RuleSeverity.ERROR,
  appliesTo: DYNAMODB_KINDS,
  property: 'StartingPosition',
  whenSet: ['StartingPosition'],
  summary: 'AT_TIMESTAMP is supported only for Kinesis streams and consumers; a DynamoDB stream takes TRIM_HORIZON or LATEST.',
  source: `${DOCS.api} ; ${DOCS.dynamoDbParams} ; ${RECORDED.lambdaApiErrors}`,
  check: (facts) => knownText(facts, 'StartingPosition')?.text === 'AT_TIMESTAMP' ? {
    problem: `is not supported for a ${KIND_NAMES[facts.kind!]}`,
    got: 'AT_TIMESTAMP',
    fix: 'use TRIM_HORIZON or LATEST (AT_TIMESTAMP is for Kinesis streams and consumers only)',
  } : undefined,
};

/** ESM104: AT_TIMESTAMP needs the timestamp. */
export const ESM104: Rule = {
  id: 'ESM104',
  severity: RuleSeverity.ERROR,
  appliesTo: KINESIS_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPosition'],
  summary: 'StartingPosition AT_TIMESTAMP requires StartingPositionTimestamp.',
  source: `${DOCS.kinesisParams} ; ${DOCS.api}`,
  check: (facts) => knownText(facts, 'StartingPosition')?.text === 'AT_TIMESTAMP' && !isSet(facts, 'StartingPositionTimestamp') ? {
    problem: 'is required when StartingPosition is AT_TIMESTAMP',
    got: undefined,
    fix: 'set startingPositionTimestamp to the Unix time in seconds to start reading from',
  } : undefined,
};

/** ESM105: the timestamp goes with AT_TIMESTAMP and nothing else. */
export const ESM105: Rule = {
  id: 'ESM105',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPositionTimestamp'],
  summary: 'StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP.',
  source: DOCS.kinesisParams,
  check: (facts) => {
    const position = knownText(facts, 'StartingPosition');
    if (!isPresent(facts, 'StartingPositionTimestamp') || !position || position.text === 'AT_TIMESTAMP') {
      return undefined;
    }
    const timestamp = valueAt(facts.properties, 'StartingPositionTimestamp');
    return {
      problem: `is only valid with StartingPosition AT_TIMESTAMP, not ${position.text}`,
      got: timestamp === UNKNOWN ? '(unresolved)' : timestamp,
      fix: facts.kind && DYNAMODB_KINDS.includes(facts.kind)
        ? 'remove startingPositionTimestamp (DynamoDB streams cannot start at a timestamp)'
        : 'remove startingPositionTimestamp, or use StartingPosition AT_TIMESTAMP',
    };
  },
};

/** ESM106: the timestamp is a finite number of seconds. */
export const ESM106: Rule = {
  id: 'ESM106',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPositionTimestamp'],
  summary: 'StartingPositionTimestamp is a finite number (Unix time in seconds).',
  source: DOCS.cfn,
  check: (facts) => {
    const timestamp = knownNumber(facts, 'StartingPositionTimestamp');
    return timestamp !== undefined && !Number.isFinite(timestamp) ? {
      problem: 'must be a finite number of seconds',
      got: timestamp,
      fix: 'give the Unix time in seconds, for example Math.floor(Date.parse("2026-01-01T00:00:00Z") / 1000)',
    } : undefined;
  },
};

/** ESM107: zero or negative timestamps are not verified to be accepted. */
export const ESM107: Rule = {
  id: 'ESM107',
  severity: RuleSeverity.WARNING,
  appliesTo: KINESIS_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPositionTimestamp'],
  summary: 'StartingPositionTimestamp is after 1970-01-01 (0 and negative values are not verified to be accepted).',
  source: DOCS.api,
  check: (facts) => {
    const timestamp = knownNumber(facts, 'StartingPositionTimestamp');
    return timestamp !== undefined && timestamp <= 0 ? {
      problem: 'is not after the Unix epoch',
      got: timestamp,
      fix: 'give a positive Unix time in seconds',
    } : undefined;
  },
};

/** ESM801: a timestamp in milliseconds. */
export const ESM801: Rule = {
  id: 'ESM801',
  severity: RuleSeverity.WARNING,
  appliesTo: KINESIS_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPositionTimestamp'],
  summary: 'StartingPositionTimestamp is in seconds; a value above 1e11 looks like milliseconds.',
  source: DOCS.cfn,
  check: (facts) => {
    const timestamp = knownNumber(facts, 'StartingPositionTimestamp');
    return timestamp !== undefined && timestamp > MILLISECONDS_THRESHOLD && Number.isFinite(timestamp) ? {
      problem: 'looks like milliseconds, but the unit is seconds',
      got: timestamp,
      fix: `divide by 1000 (${Math.floor(timestamp / 1000)})`,
    } : undefined;
  },
};

/** ESM802: a timestamp after synth time. */
export const ESM802: Rule = {
  id: 'ESM802',
  severity: RuleSeverity.WARNING,
  appliesTo: KINESIS_KINDS,
  property: 'StartingPositionTimestamp',
  whenSet: ['StartingPositionTimestamp'],
  summary: 'StartingPositionTimestamp is not in the future ("cannot be in the future"; checked against the time of synth).',
  source: DOCS.api,
  check: (facts) => {
    const timestamp = knownNumber(facts, 'StartingPositionTimestamp');
    return timestamp !== undefined && timestamp > facts.nowSeconds && timestamp <= MILLISECONDS_THRESHOLD ? {
      problem: `is ${new Date(timestamp * 1000).toISOString()}, after the time of synth`,
      got: timestamp,
      fix: 'use a time in the past; to read only new records use StartingPosition LATEST',
    } : undefined;
  },
};
