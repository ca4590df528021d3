import { ALL_KINDS, DOCS, Rule, RuleSeverity } from './rule';
import { API_AND_CFN, wholeNumberRange } from './values';
import { isIntrinsic, valueAt } from '../checks/template-values';

export const ESM201: Rule = wholeNumberRange({ id: 'ESM201', property: 'BatchSize', min: 1, max: 10000, source: `${API_AND_CFN} ; ${DOCS.kinesisParams}` });

export const ESM202: Rule = wholeNumberRange({ id: 'ESM202', property: 'MaximumBatchingWindowInSeconds', min: 0, max: 300, unit: 'seconds', source: API_AND_CFN });

export const ESM203: Rule = wholeNumberRange({ id: 'ESM203', property: 'ParallelizationFactor', min: 1, max: 10, source: `${API_AND_CFN} ; ${DOCS.kinesisParams}` });

export const ESM204: Rule = wholeNumberRange({
  id: 'ESM204',
  property: 'MaximumRecordAgeInSeconds',
  min: -1,
  max: 604800,
  unit: 'seconds',
  special: { value: -1, meaning: 'unlimited' },
  gap: { from: 0, to: 59, why: 'is below the 60-second minimum (values from 0 to 59 are not allowed)' },
  source: DOCS.cfn,
});

export const ESM205: Rule = wholeNumberRange({
  id: 'ESM205',
  property: 'MaximumRetryAttempts',
  min: -1,
  max: 10000,
  special: { value: -1, meaning: 'unlimited' },
  source: `${API_AND_CFN} ; ${DOCS.kinesisParams}`,
});

export const ESM206: Rule = wholeNumberRange({ id: 'ESM206', property: 'TumblingWindowInSeconds', min: 0, max: 900, unit: 'seconds', source: API_AND_CFN });

/** ESM207: partial batch responses take exactly the one value Lambda defines. */
export const ESM207: Rule = {
  id: 'ESM207',
  severity: RuleSeverity.ERROR,
  appliesTo: ALL_KINDS,
  property: 'FunctionResponseTypes',
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
