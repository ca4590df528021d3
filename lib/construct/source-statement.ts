import * as iam from 'aws-cdk-lib/aws-iam';

/** One statement the target's role needs: granted through CDK where it can, printed where it cannot. */
export interface SourceStatement {
  readonly actions: string[];
  readonly resourceArns: string[];
  /** Grants through the resource's own `grant` (cross-account resource and key policies included). */
  readonly grantVia?: (grantee: iam.IGrantable, actions: string[]) => iam.Grant;
}
