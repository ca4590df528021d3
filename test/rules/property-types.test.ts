import { ESM001_CASES, ESM002_CASES, PROPERTY_TYPE_MESSAGES } from './cases/property-types';
import { runCases, runMessages } from './support';

describe('ESM001 property types', () => runCases(ESM001_CASES));
describe('ESM002 properties of other source types', () => runCases(ESM002_CASES));
describe('messages', () => runMessages(PROPERTY_TYPE_MESSAGES));
