import { ESM801_CASES, ESM802_CASES, ESM803_CASES, ESM804_CASES, ESM805_CASES, OPERATIONS_MESSAGES } from './cases/operations';
import { runCases, runMessages } from './support';

describe('ESM801 timestamp in milliseconds', () => runCases(ESM801_CASES));
describe('ESM802 timestamp in the future', () => runCases(ESM802_CASES));
describe('ESM803 filters above the default quota', () => runCases(ESM803_CASES));
describe('ESM804 unlimited retries without destination', () => runCases(ESM804_CASES));
describe('ESM805 bisect without retry limit', () => runCases(ESM805_CASES));
describe('messages', () => runMessages(OPERATIONS_MESSAGES));
