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
import { AcknowledgedPath, acknowledgementsIn, artifactMetadata, isAcknowledged, isAcknowledgedAtPath } from '../validation/acknowledgements';
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
    const assemblies = new Map<string, AcknowledgedPath[]>();
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
        if (typeof path === 'string' && acknowledged(context.appConstruct, path, templatePath, finding.ruleId, assemblies)) {
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

/**
 * Whether `ruleId` was acknowledged (StreamEventSourceMappingChecks.acknowledge) on the construct at `path` or above
 * it: from the construct tree where CDK hands the plugin the app (recent releases), else from the acknowledgement
 * metadata of the cloud assembly beside the template (2.215.0 passes template paths only). The assembly holds the
 * metadata of the stacks' constructs, nested stacks' included, so an acknowledgement on the App or a Stage itself is
 * seen only through the tree.
 */
function acknowledged(app: IConstruct | undefined, path: string, templatePath: string, ruleId: string,
  assemblies: Map<string, AcknowledgedPath[]>): boolean {
  const construct = app ? findConstruct(app, path) : undefined;
  if (construct) {
    return isAcknowledged(construct, ruleId);
  }
  const dir = dirname(templatePath);
  let recorded = assemblies.get(dir);
  if (!recorded) {
    recorded = assemblyAcknowledgements(dir);
    assemblies.set(dir, recorded);
  }
  return isAcknowledgedAtPath(recorded, path, ruleId);
}

/**
 * The acknowledgements of every stack of the cloud assembly in `dir`, from the construct metadata of its
 * `manifest.json`: inline (older releases) or in each artifact's additionalMetadataFile (current ones). Nothing
 * where a file is missing or unreadable: the finding is then reported, never hidden by a guess.
 */
function assemblyAcknowledgements(dir: string): AcknowledgedPath[] {
  const readJson = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf-8'));
    } catch {
      return undefined;
    }
  };
  const manifest = readJson('manifest.json');
  const artifacts = isObject(manifest) && isObject(manifest.artifacts) ? Object.values(manifest.artifacts) : [];
  return artifacts.flatMap((artifact) => acknowledgementsIn(artifactMetadata(artifact, readJson)));
}

/** The construct at a path (`Stack/Mapping/Resource`) under the app; undefined when a step is missing. */
function findConstruct(app: IConstruct, path: string): IConstruct | undefined {
  let node: IConstruct | undefined = app;
  for (const id of path.split('/')) {
    node = node?.node.tryFindChild(id);
  }
  return node;
}
