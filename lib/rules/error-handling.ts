import { API_AND_CFN, isSet, wholeNumberRange } from './helpers';
import { ALL_KINDS, DOCS, RECORDED, Rule, RuleSeverity } from './rule';
import { RuleGroup } from './rule-group';
import { isIntrinsic, valueAt } from '../template/values';

/** Whether a numeric setting is unlimited: absent (AWS default -1) or -1. */
function unlimited(properties: Record<string, unknown>, property: string): boolean {
  const value = valueAt(properties, property);
  return value === undefined || value === -1;
}

export const ESM204: Rule = wholeNumberRange({
  id: 'ESM204',
  property: 'MaximumRecordAgeInSeconds',
  min: -1,
  max: 604800,
  unit: 'seconds',
  special: { value: -1, meaning: 'unlimited' },
  gap: { from: 0, to: 59, why: 'is below the 60-second minimum (values from 0 to 59 are not allowed)' },
  source: `${DOCS.cfn} ; ${RECORDED.lambdaApiErrors} ; ${RECORDED.recordAgeError}`,
});

export const ESM205: Rule = wholeNumberRange({
  id: 'ESM205',
  property: 'MaximumRetryAttempts',
  min: -1,
  max: 10000,
  special: { value: -1, meaning: 'unlimited' },
  source: `${API_AND_CFN} ; ${DOCS.kinesisParams}`,
});

/** ESM207: partial batch responses take exactly the one value Lambda defines. */
export const ESM207: Rule = {
  id: 'ESM207',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionResponseTypes',
  whenSet: ['FunctionResponseTypes'],
  summary: 'FunctionResponseTypes holds at most one value, ReportBatchItemFailures.',
  source: API_AND_CFN,
  check: (facts) => {
    const types = valueAt(facts.properties, 'FunctionResponseTypes');
    if (!Array.isArray(types)) {
      return undefined;
    }
    const wrong = types.filter((t) => !isIntrinsic(t) && t !== 'ReportBatchItemFailures');
    if (wrong.length > 0 || types.length > 1) {
      return { problem: 'must be empty or exactly ["ReportBatchItemFailures"]', got: types, fix: 'use reportBatchItemFailures: true' };
    }
    return undefined;
  },
};

/** ESM804: a poison record can block its shard until it expires from the stream. */
export const ESM804: Rule = {
  id: 'ESM804',
  severity: RuleSeverity.WARNING,
  group: RuleGroup.OPERATIONS,
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
  group: RuleGroup.OPERATIONS,
  appliesTo: ALL_KINDS,
  property: 'BisectBatchOnFunctionError',
  whenSet: ['BisectBatchOnFunctionError'],
  summary: 'BisectBatchOnFunctionError goes with a MaximumRetryAttempts limit; without one a failing record is retried until it expires.',
  source: DOCS.kinesisErrors,
  check: (facts) => valueAt(facts.properties, 'BisectBatchOnFunctionError') === true && unlimited(facts.properties, 'MaximumRetryAttempts') ? {
    problem: 'is on but MaximumRetryAttempts is unlimited, so the failing half is retried until the record expires',
    got: true,
    fix: 'set retryAttempts (for example 3) so that bisection ends with the record isolated',
  } : undefined,
};
