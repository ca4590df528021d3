import { API_AND_CFN, wholeNumberRange } from './helpers';
import { DOCS, Rule } from './rule';

export const ESM201: Rule = wholeNumberRange({ id: 'ESM201', property: 'BatchSize', min: 1, max: 10000, source: `${API_AND_CFN} ; ${DOCS.kinesisParams}` });

export const ESM202: Rule = wholeNumberRange({ id: 'ESM202', property: 'MaximumBatchingWindowInSeconds', min: 0, max: 300, unit: 'seconds', source: API_AND_CFN });

export const ESM203: Rule = wholeNumberRange({ id: 'ESM203', property: 'ParallelizationFactor', min: 1, max: 10, source: `${API_AND_CFN} ; ${DOCS.kinesisParams}` });

export const ESM206: Rule = wholeNumberRange({ id: 'ESM206', property: 'TumblingWindowInSeconds', min: 0, max: 900, unit: 'seconds', source: API_AND_CFN });
