import { ARN_SHAPE_CASES, ESM301_CASES, EVENT_SOURCE_ARN_MESSAGES, MISMATCH_CASES, SOURCE_PROBLEM_CASES } from './cases/event-source-arn';
import { runCases, runMessages } from './support';

describe('ESM301 EventSourceArn required', () => runCases(ESM301_CASES));
describe('ESM302 ARN shapes in every partition', () => runCases(ARN_SHAPE_CASES));
describe('ESM302 ARN of another kind', () => runCases(MISMATCH_CASES));
describe('ESM303 and ESM304 source problems', () => runCases(SOURCE_PROBLEM_CASES));
describe('messages', () => runMessages(EVENT_SOURCE_ARN_MESSAGES));
