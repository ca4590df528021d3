import { ESM201, ESM202, ESM203, ESM206 } from './batching';
import { ESM204, ESM205, ESM207, ESM804, ESM805 } from './error-handling';
import { ESM301, ESM302, ESM303, ESM304 } from './event-source-arn';
import { ESM501, ESM502, ESM503, ESM504 } from './failure-destination';
import { ESM601, ESM602, ESM603, ESM604, ESM605, ESM606, ESM803 } from './filters';
import { ESM401, ESM402, ESM403, ESM404, ESM405, ESM406, ESM407, ESM408 } from './function-name';
import { ESM701, ESM702, ESM703, ESM704 } from './metrics-and-tags';
import { ESM901, ESM902, ESM903, ESM904, ESM905 } from './permissions';
import { ESM001, ESM002, ESM003, ESM004, ESM005 } from './property-types';
import { Rule } from './rule';
import { ESM101, ESM102, ESM103, ESM104, ESM105, ESM106, ESM107, ESM801, ESM802 } from './starting-position';

/**
 * The rule table, in ID order: every check, its docs and its tests come from these entries. Each file of
 * this folder holds the rules of one group of properties; the ID's hundred tells the group it was first filed in.
 */
export const RULES: readonly Rule[] = [
  ESM001, ESM002, ESM003, ESM004, ESM005,
  ESM101, ESM102, ESM103, ESM104, ESM105, ESM106, ESM107,
  ESM201, ESM202, ESM203, ESM204, ESM205, ESM206, ESM207,
  ESM301, ESM302, ESM303, ESM304,
  ESM401, ESM402, ESM403, ESM404, ESM405, ESM406, ESM407, ESM408,
  ESM501, ESM502, ESM503, ESM504,
  ESM601, ESM602, ESM603, ESM604, ESM605, ESM606,
  ESM701, ESM702, ESM703, ESM704,
  ESM801, ESM802, ESM803, ESM804, ESM805,
  ESM901, ESM902, ESM903, ESM904, ESM905,
];

export * from './rule';
export * from './rule-group';
