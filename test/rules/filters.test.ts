import {
  ESM601_CASES, ESM602_CASES, ESM603_CASES, ESM604_CASES, ESM605_CASES, ESM606_CASES, FILTER_COUNT_CASES, FILTER_MESSAGES, patternOfLength,
} from './cases/filters';
import { runCases, runMessages } from './support';

describe('filter count (ESM601, ESM803)', () => runCases(FILTER_COUNT_CASES));
describe('ESM601 filter objects and duplicates', () => runCases(ESM601_CASES));
describe('ESM602 pattern length', () => runCases(ESM602_CASES));
describe('ESM603 pattern JSON', () => runCases(ESM603_CASES));
describe('ESM604 empty patterns and bare values', () => runCases(ESM604_CASES));
describe('ESM605 KmsKeyArn', () => runCases(ESM605_CASES));
describe('ESM606 KmsKeyArn without filters', () => runCases(ESM606_CASES));
describe('messages', () => runMessages(FILTER_MESSAGES));

test('patternOfLength builds valid JSON of the exact length', () => {
  expect(patternOfLength(4096)).toHaveLength(4096);
  expect(JSON.parse(patternOfLength(4097))).toEqual({ data: { k: ['x'.repeat(4078)] } });
});
