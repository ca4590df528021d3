import { evaluate, MessageLabels } from './engine';
import { groupOf, MappingFacts, RuleGroup, RULES, RuleSeverity } from '../rules';
import { mappingKey } from '../template/mapping-key';
import { TemplateMapping, templateMappings } from '../template/mappings';
import { acknowledgedInMetadata } from '../template/metadata';
import { isObject } from '../template/values';

/** How a template is judged. */
export interface TemplateCheckOptions {
  /** Rule groups to report; every group when absent. */
  readonly groups?: readonly RuleGroup[];
  /** Rule IDs not to report anywhere (`--ignore`). */
  readonly ignore?: readonly string[];
  /** Seconds since the epoch, for the timestamp rules. */
  readonly nowSeconds: number;
}

/** One finding on one mapping of a template. */
export interface TemplateFinding {
  readonly mapping: TemplateMapping;
  readonly ruleId: string;
  readonly severity: RuleSeverity;
  readonly group: RuleGroup;
  /** `RULE-ID: <property> <problem>, got <value>; <fix>`. */
  readonly message: string;
  /** The CloudFormation property it is about (`FilterCriteria.Filters[2].Pattern`). */
  readonly path: string;
}

export interface TemplateReport {
  readonly findings: TemplateFinding[];
  readonly mappingsChecked: number;
  readonly mappingsSkipped: number;
  /** Parts of the template that could not be read as intended (a malformed acknowledgement), by logical ID. */
  readonly problems: ReadonlyArray<{ readonly logicalId: string; readonly problem: string }>;
}

/**
 * Judges every stream mapping of a parsed CloudFormation or SAM template, as the aspect judges a CDK app's:
 * the same rule table, the same source inference, acknowledgements from each resource's `Metadata`.
 */
export function checkTemplate(template: unknown, options: TemplateCheckOptions): TemplateReport {
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  const { mappings, skipped } = templateMappings(resources);
  const findings: TemplateFinding[] = [];
  const problems: Array<{ logicalId: string; problem: string }> = [];
  const ignore = new Set(options.ignore ?? []);
  const seen = new Set<string>();
  // Two mappings of one template that Lambda takes for one (ESM408): the second names the first.
  const firstOfKey = new Map<string, string>();
  for (const mapping of mappings) {
    const key = mappingKey(mapping.properties, { template: 'this template' });
    const name = mapping.samEvent === undefined ? mapping.logicalId : `${mapping.logicalId} Events.${mapping.samEvent}`;
    const duplicateOf = key === undefined ? undefined : firstOfKey.get(key);
    if (key !== undefined && duplicateOf === undefined) {
      firstOfKey.set(key, name);
    }
    const metadata = (resources[mapping.logicalId] as { Metadata?: unknown }).Metadata;
    const acknowledged = acknowledgedInMetadata(metadata);
    if (!seen.has(mapping.logicalId)) {
      seen.add(mapping.logicalId);
      problems.push(...acknowledged.problems.map((problem) => ({ logicalId: mapping.logicalId, problem })));
    }
    for (const violation of judgeMapping(mapping, options, duplicateOf)) {
      if (!ignore.has(violation.ruleId) && !acknowledged.rules.has(violation.ruleId)) {
        findings.push(violation);
      }
    }
  }
  return { findings, mappingsChecked: mappings.length, mappingsSkipped: skipped, problems };
}

/** The findings of the rule table on one mapping of a template. */
export function judgeMapping(mapping: TemplateMapping, options: Pick<TemplateCheckOptions, 'groups' | 'nowSeconds'>, duplicateOf?: string): TemplateFinding[] {
  const facts: MappingFacts = {
    properties: mapping.properties,
    duplicateOf,
    kind: mapping.source.kind,
    sourceProblem: mapping.source.problem,
    nowSeconds: options.nowSeconds,
  };
  return evaluate(RULES, facts, { labels: MessageLabels.CLOUDFORMATION, groups: options.groups, samEvent: mapping.samEvent })
    .map(({ rule, message, path }) => ({ mapping, ruleId: rule.id, severity: rule.severity, group: groupOf(rule), message, path }));
}
