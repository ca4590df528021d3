import { TemplateInput } from './inputs';
import { InputError } from './parse';
import { RuleGroup, RuleSeverity } from '../rules';
import { propertyLocation } from '../template/mappings';
import { isObject } from '../template/values';
import { isAcknowledgedAtPath } from '../validation/acknowledgements';
import { checkTemplate } from '../validation/template-check';

/** One finding as the command prints it. */
export interface CommandFinding {
  readonly file: string;
  /** Logical ID of the resource: the mapping, or the SAM function whose event it is. */
  readonly resource: string;
  /** The SAM event, where the mapping is one. */
  readonly event?: string;
  /** Construct path (`aws:cdk:path`) in a CDK app's template, else undefined. */
  readonly path?: string;
  readonly ruleId: string;
  readonly severity: RuleSeverity;
  readonly group: RuleGroup;
  /** `RULE-ID: <property> <problem>, got <value>; <fix>`, as the aspect reports it. */
  readonly message: string;
  /** The CloudFormation property of the mapping it is about. */
  readonly property: string;
  readonly line: number;
  readonly column: number;
}

export interface CommandReport {
  readonly findings: CommandFinding[];
  readonly mappingsChecked: number;
  readonly mappingsSkipped: number;
}

export interface CommandOptions {
  readonly groups: readonly RuleGroup[];
  readonly ignore: readonly string[];
  readonly nowSeconds: number;
}

/** Judges the templates; a malformed acknowledgement is an input error (exit 2), never silently ignored. */
export function checkInputs(inputs: readonly TemplateInput[], options: CommandOptions): CommandReport {
  const findings: CommandFinding[] = [];
  let mappingsChecked = 0;
  let mappingsSkipped = 0;
  for (const { parsed, acknowledgedPaths, constructPathOf } of inputs) {
    const report = checkTemplate(parsed.template, options);
    const problem = report.problems[0];
    if (problem) {
      const where = parsed.position(['Resources', problem.logicalId, 'Metadata']);
      throw new InputError(`${parsed.file}:${where.line}:${where.column}: resource ${problem.logicalId}: ${problem.problem}`);
    }
    mappingsChecked += report.mappingsChecked;
    mappingsSkipped += report.mappingsSkipped;
    const resources = (parsed.template as { Resources: Record<string, unknown> }).Resources;
    for (const finding of report.findings) {
      const { logicalId, samEvent } = finding.mapping;
      const resource = resources[logicalId];
      const metadata = isObject(resource) && isObject(resource.Metadata) ? resource.Metadata : {};
      const constructPath = typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : constructPathOf?.(logicalId);
      if (constructPath !== undefined && isAcknowledgedAtPath(acknowledgedPaths, constructPath, finding.ruleId)) {
        continue;
      }
      const where = parsed.position(['Resources', logicalId, ...propertyLocation(finding.mapping, finding.path)]);
      findings.push({
        file: parsed.file,
        resource: logicalId,
        event: samEvent,
        path: constructPath,
        ruleId: finding.ruleId,
        severity: finding.severity,
        group: finding.group,
        message: finding.message,
        property: finding.path,
        line: where.line,
        column: where.column,
      });
    }
  }
  // Per file, in the order of the source; findings of one place in rule ID order.
  const order = new Map(inputs.map(({ parsed }, i) => [parsed.file, i]));
  findings.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return { findings, mappingsChecked, mappingsSkipped };
}
