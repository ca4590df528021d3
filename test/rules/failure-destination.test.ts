import {
  ESM501_CASES, ESM502_CASES, ESM503_CASES, ESM504_CASES, FAILURE_DESTINATION_MESSAGES, VALID_DESTINATIONS,
} from './cases/failure-destination';
import { runCases, runMessages } from './support';

describe('accepted destinations', () => runCases(VALID_DESTINATIONS));
describe('ESM501 DestinationConfig shape', () => runCases(ESM501_CASES));
describe('ESM502 destination ARN', () => runCases(ESM502_CASES));
describe('ESM503 destination kind', () => runCases(ESM503_CASES));
describe('ESM504 FIFO destination', () => runCases(ESM504_CASES));
describe('messages', () => runMessages(FAILURE_DESTINATION_MESSAGES));
