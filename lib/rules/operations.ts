import { ALL_KINDS, DOCS, KINESIS_KINDS, Rule, RuleSeverity } from './rule';
import { isSet, knownNumber } from './values';
import { valueAt } from '../checks/template-values';

/** Above this many seconds a timestamp is past the year 5000: it is almost surely milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11;
/** Lambda's default filter quota per mapping. */
const DEFAULT_FILTER_QUOTA = 5;

/** ESM801: a timestamp in milliseconds. */
export const ESM801: Rule = {
  id: 'ESM801',
  severity: RuleSeverity.WARNING,
  appliesTo: KINESIS_KINDS,
  property: 'StartingPositionTimestamp',
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

/** ESM803: more filters than Lambda's default quota. */
export const ESM803: Rule = {
  id: 'ESM803',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'FilterCriteria.Filters',
  summary: 'At most 5 filters, Lambda\'s default quota (raisable to 10); above the account\'s quota Lambda rejects the mapping.',
  source: DOCS.filtering,
  check: (facts) => {
    const filters = valueAt(facts.properties, 'FilterCriteria.Filters');
    return Array.isArray(filters) && filters.length > DEFAULT_FILTER_QUOTA && filters.length <= 20 ? {
      problem: `has ${filters.length} filters, more than the default quota of ${DEFAULT_FILTER_QUOTA}`,
      got: filters.length,
      fix: 'combine filters, or acknowledge this warning once the quota is raised for the account (at most 10)',
    } : undefined;
  },
};

/** Whether a numeric setting is unlimited: absent (AWS default -1) or -1. */
function unlimited(properties: Record<string, unknown>, property: string): boolean {
  const value = valueAt(properties, property);
  return value === undefined || value === -1;
}

/** ESM804: a poison record can block its shard until it expires from the stream. */
export const ESM804: Rule = {
  id: 'ESM804',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'MaximumRetryAttempts',
  summary: 'A mapping with unlimited retries and unlimited record age has a failure destination; otherwise one failing record stalls its shard until it expires from the stream.',
  source: DOCS.kinesisErrors,
  check: (facts) => unlimited(facts.properties, 'MaximumRetryAttempts') && unlimited(facts.properties, 'MaximumRecordAgeInSeconds') && !isSet(facts, 'DestinationConfig.OnFailure.Destination') ? {
    problem: 'is unlimited, as is MaximumRecordAgeInSeconds, and there is no on-failure destination: a record that keeps failing stalls its shard until it expires from the stream',
    got: valueAt(facts.properties, 'MaximumRetryAttempts') ?? '(default: unlimited)',
    fix: 'set retryAttempts or maxRecordAge, and an onFailure destination to keep the failed batches',
  } : undefined,
};

/** ESM805: bisecting without a retry limit retries halves forever. */
export const ESM805: Rule = {
  id: 'ESM805',
  severity: RuleSeverity.WARNING,
  appliesTo: ALL_KINDS,
  property: 'BisectBatchOnFunctionError',
  summary: 'BisectBatchOnFunctionError goes with a MaximumRetryAttempts limit; without one a failing record is retried until it expires.',
  source: DOCS.kinesisErrors,
  check: (facts) => valueAt(facts.properties, 'BisectBatchOnFunctionError') === true && unlimited(facts.properties, 'MaximumRetryAttempts') ? {
    problem: 'is on but MaximumRetryAttempts is unlimited, so the failing half is retried until the record expires',
    got: true,
    fix: 'set retryAttempts (for example 3) so that bisection ends with the record isolated',
  } : undefined,
};

