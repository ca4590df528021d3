import {
  ESM401_CASES, ESM402_CASES, ESM403_CASES, ESM404_CASES, ESM405_CASES, ESM408_CASES, FUNCTION_NAME_MESSAGES, PARTITION_CASES, VALID_FORMS,
} from './cases/function-name';
import { runCases, runMessages } from './support';

describe('accepted FunctionName forms', () => runCases(VALID_FORMS));
describe('ESM401 FunctionName required', () => runCases(ESM401_CASES));
describe('ESM402 FunctionName length', () => runCases(ESM402_CASES));
describe('ESM403 FunctionName pattern', () => runCases(ESM403_CASES));
describe('ESM404 function name and alias length', () => runCases(ESM404_CASES));
describe('ESM405 "." in the function name', () => runCases(ESM405_CASES));
describe('ESM406/ESM407 partition and region', () => runCases(PARTITION_CASES));
describe('ESM408 one mapping per event source and function', () => runCases(ESM408_CASES));
describe('messages', () => runMessages(FUNCTION_NAME_MESSAGES));
