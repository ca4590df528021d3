import { BATCHING_CASES, BATCHING_MESSAGES, ESM207_CASES, RANGE_CASES } from './cases/batching';
import { runCases, runMessages } from './support';
import { ESM201 } from '../../lib/rules/batching';
import { ESM204, ESM205 } from '../../lib/rules/error-handling';

describe('ESM201..ESM206 whole-number ranges', () => runCases(RANGE_CASES));
describe('batching combinations', () => runCases(BATCHING_CASES));
describe('ESM207 FunctionResponseTypes', () => runCases(ESM207_CASES));
describe('messages', () => runMessages(BATCHING_MESSAGES));

describe('summaries state the allowed values', () => {
  test('ESM201 summary', () => {
    expect(ESM201.summary).toBe('BatchSize is a whole number from 1 to 10000.');
  });
  test('ESM204 summary names -1 and the 60-second minimum', () => {
    expect(ESM204.summary).toBe('MaximumRecordAgeInSeconds is -1 (unlimited) or a whole number from 60 to 604800 seconds.');
  });
  test('ESM205 summary', () => {
    expect(ESM205.summary).toBe('MaximumRetryAttempts is -1 (unlimited) or a whole number from 0 to 10000.');
  });
});
