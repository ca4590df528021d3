import { ESM701_CASES, ESM702_CASES, ESM703_CASES, ESM704_CASES, METRICS_AND_TAGS_MESSAGES } from './cases/metrics-and-tags';
import { runCases, runMessages } from './support';

describe('ESM701 metric names', () => runCases(ESM701_CASES));
describe('ESM702 Kafka-only metrics', () => runCases(ESM702_CASES));
describe('ESM703 tag keys and values', () => runCases(ESM703_CASES));
describe('ESM704 aws: prefix', () => runCases(ESM704_CASES));
describe('messages', () => runMessages(METRICS_AND_TAGS_MESSAGES));
