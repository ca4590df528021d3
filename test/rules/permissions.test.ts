import { ESM901_CASES, PERMISSION_MESSAGES } from './cases/permissions';
import { runCases, runMessages } from './support';

describe('ESM901 manual grants', () => runCases(ESM901_CASES));
describe('messages', () => runMessages(PERMISSION_MESSAGES));
