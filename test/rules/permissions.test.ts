import { ESM901_CASES, ESM902_CASES, ESM903_CASES, ESM904_CASES, ESM905_CASES, PERMISSION_MESSAGES } from './cases/permissions';
import { runCases, runMessages } from './support';

describe('ESM901 manual grants', () => runCases(ESM901_CASES));
describe('ESM902 immutable role', () => runCases(ESM902_CASES));
describe('ESM903 owner statements', () => runCases(ESM903_CASES));
describe('ESM904 cross-account ordering', () => runCases(ESM904_CASES));
describe('ESM905 names across environments', () => runCases(ESM905_CASES));
describe('messages', () => runMessages(PERMISSION_MESSAGES));
