import {
  ESM101_CASES, ESM102_CASES, ESM103_CASES, ESM104_CASES, ESM105_CASES, ESM106_CASES, ESM107_CASES, STARTING_POSITION_MESSAGES,
} from './cases/starting-position';
import { runCases, runMessages } from './support';

describe('ESM101 StartingPosition required', () => runCases(ESM101_CASES));
describe('ESM102 StartingPosition enum', () => runCases(ESM102_CASES));
describe('ESM103 AT_TIMESTAMP is for Kinesis only', () => runCases(ESM103_CASES));
describe('ESM104 AT_TIMESTAMP needs a timestamp', () => runCases(ESM104_CASES));
describe('ESM105 a timestamp needs AT_TIMESTAMP', () => runCases(ESM105_CASES));
describe('ESM106 finite timestamp', () => runCases(ESM106_CASES));
describe('ESM107 timestamp after the epoch', () => runCases(ESM107_CASES));
describe('messages', () => runMessages(STARTING_POSITION_MESSAGES));
