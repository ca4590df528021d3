import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import {
  IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1,
} from 'aws-cdk-lib/core';
import { IConstruct } from 'constructs';
import { DEFAULT_GROUPS, RULES, RuleSeverity } from '../rules';
import { RuleGroup } from '../rules/rule-group';
import { nestedTemplates, propertyLocation } from '../template/mappings';
import { isObject } from '../template/values';
import { isAcknowledged } from '../validation/acknowledgements';
import { checkTemplate } from '../validation/template-check';

/** Options of the `StreamEventSourceMappingValidator` plugin. */
export interface StreamEventSourceMappingValidatorProps {
  /**
   * The rule groups to report (ESM000, a rule that could not be evaluated, is always reported).
   *
   * @default - `AWS_REJECTS` and `NOT_VERIFIED`, as the aspect
   */
  readonly ruleGroups?: RuleGroup[];
}

/**
 * A CDK policy-validation plugin that judges every stream event source mapping of every synthesized template
 * (nested stacks and `CfnInclude`d templates, SAM functions' Kinesis and DynamoDB events too) with the rule table
 * of `StreamEventSourceMapping`, in CDK's validation report. Errors fail synth; warnings are listed in the report.
 *
 * @example
 * const app = new App({ policyValidationBeta1: [new StreamEventSourceMappingValidator()] });
 */
export class StreamEventSourceMappingValidator implements IPolicyValidationPluginBeta1 {
  public readonly name = 'cdk-stream-event-source-mapping';
  public readonly ruleIds?: string[];
  private readonly ruleGroups: readonly RuleGroup[];

  constructor(props: StreamEventSourceMappingValidatorProps = {}) {
    this.ruleGroups = props.ruleGroups ?? DEFAULT_GROUPS;
    this.ruleIds = RULES.map((rule) => rule.id);
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const violations: PolicyViolationBeta1[] = [];
    const seen = new Set<string>();
    // Nested stacks are not among CDK's template paths: their templates are named by the parent's aws:asset:path,
    // or (without asset metadata) found beside it by name.
    const beside = [...new Set(context.templatePaths.map((path) => dirname(path)))].flatMap((dir) => readdirSync(dir)
      .filter((name) => name.endsWith('.nested.template.json')).sort().map((name) => join(dir, name)));
    const pending = [...context.templatePaths, ...beside];
    while (pending.length > 0) {
      const templatePath = pending.shift()!;
      if (seen.has(templatePath) || !existsSync(templatePath)) {
        continue;
      }
      seen.add(templatePath);
      const template: unknown = JSON.parse(readFileSync(templatePath, 'utf-8'));
      pending.push(...nestedTemplates(template).map((file) => join(dirname(templatePath), file)));
      const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
      const report = checkTemplate(template, { groups: this.ruleGroups, nowSeconds: Date.now() / 1000 });
      for (const { logicalId, problem } of report.problems) {
        violations.push({
          ruleName: 'ESM000',
          description: `resource ${logicalId}: ${problem}`,
          severity: 'error',
          violatingResources: [{ resourceLogicalId: logicalId, templatePath, locations: ['Metadata'] }],
        });
      }
      for (const finding of report.findings) {
        const { logicalId } = finding.mapping;
        const resource = resources[logicalId];
        const path = isObject(resource) && isObject(resource.Metadata) ? resource.Metadata['aws:cdk:path'] : undefined;
        const construct = typeof path === 'string' ? findConstruct(context.appConstruct, path) : undefined;
        if (construct && isAcknowledged(construct, finding.ruleId)) {
          continue;
        }
        violations.push({
          ruleName: finding.ruleId,
          description: finding.message,
          fix: RULES.find((rule) => rule.id === finding.ruleId)?.source.split(' ; ')[0],
          severity: finding.severity,
          violatingResources: [{ resourceLogicalId: logicalId, templatePath, locations: [propertyLocation(finding.mapping, finding.path).join('.')] }],
        });
      }
    }
    return { success: !violations.some((v) => v.severity === RuleSeverity.ERROR), violations };
  }
}

/** The construct at a path (`Stack/Mapping/Resource`) under the app; undefined when a step is missing. */
function findConstruct(app: IConstruct, path: string): IConstruct | undefined {
  let node: IConstruct | undefined = app;
  for (const id of path.split('/')) {
    node = node?.node.tryFindChild(id);
  }
  return node;
}
