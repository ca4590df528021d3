/**
 * What a rule's findings mean for a deploy, so that users choose what they see. Errors are always `AWS_REJECTS`;
 * a warning is `NOT_VERIFIED` (AWS may reject it: the behaviour is undocumented or depends on a quota) or
 * `OPERATIONS` (AWS accepts it, but the default is risky in production).
 */
export enum RuleGroup {
  /** AWS documents that it rejects the value: the deploy fails. */
  AWS_REJECTS = 'aws-rejects',
  /** AWS may reject the value (not verified, or quota-dependent): warnings worth a look before deploying. */
  NOT_VERIFIED = 'not-verified',
  /** AWS accepts the value, but it is a risky default in production (unlimited retries without a destination, ...). */
  OPERATIONS = 'operations',
}
