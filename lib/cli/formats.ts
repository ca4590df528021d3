import { CommandFinding, CommandReport } from './check';
import { groupOf, RULES, RuleSeverity } from '../rules';
import { RULE_FAILURE } from '../validation/engine';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type Format = typeof FORMATS[number];

export const TOOL_NAME = 'cdk-stream-event-source-mapping';
const INFORMATION_URI = 'https://github.com/example/cdk-stream-event-source-mapping';

/** The message without its leading `RULE-ID: `, where the format prints the ID on its own. */
function problemText(finding: CommandFinding): string {
  return finding.message.startsWith(`${finding.ruleId}: `) ? finding.message.slice(finding.ruleId.length + 2) : finding.message;
}

/** `[construct path]`, `[LogicalId]` or `[Function Events.Name]`. */
function where(finding: CommandFinding): string {
  return finding.path ?? (finding.event !== undefined ? `${finding.resource} Events.${finding.event}` : finding.resource);
}

export function render(format: Format, report: CommandReport, version: string): string {
  switch (format) {
    case 'json': return `${JSON.stringify(json(report), null, 2)}\n`;
    case 'sarif': return `${JSON.stringify(sarif(report, version), null, 2)}\n`;
    case 'junit': return junit(report);
    default: return text(report);
  }
}

function text(report: CommandReport): string {
  const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.ruleId} ${f.severity}: ${problemText(f)} [${where(f)}]`);
  const errors = report.findings.filter((f) => f.severity === RuleSeverity.ERROR).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(report.mappingsChecked, 'stream mapping')} checked (${report.mappingsSkipped} other skipped): `
    + `${plural(errors, 'error')}, ${plural(report.findings.length - errors, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

function json(report: CommandReport) {
  return {
    findings: report.findings.map((f) => ({
      file: f.file,
      resource: f.resource,
      ...(f.event !== undefined ? { event: f.event } : {}),
      path: f.path ?? null,
      ruleId: f.ruleId,
      severity: f.severity,
      group: f.group,
      property: f.property,
      message: f.message,
      line: f.line,
      column: f.column,
    })),
    mappingsChecked: report.mappingsChecked,
    mappingsSkipped: report.mappingsSkipped,
  };
}

/** SARIF 2.1.0, for code scanning (GitHub's upload-sarif): one rule per ID of the table, one result per finding. */
function sarif(report: CommandReport, version: string) {
  const rules = [RULE_FAILURE, ...RULES];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version,
          informationUri: INFORMATION_URI,
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.summary },
            helpUri: rule.source.split(' ; ')[0],
            defaultConfiguration: { level: rule.severity === RuleSeverity.ERROR ? 'error' : 'warning' },
            properties: { group: groupOf(rule), property: rule.property },
          })),
        },
      },
      results: report.findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: rules.findIndex((rule) => rule.id === f.ruleId),
        level: f.severity === RuleSeverity.ERROR ? 'error' : 'warning',
        message: { text: problemText(f) },
        locations: [{
          physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: f.line, startColumn: f.column } },
          logicalLocations: [{ fullyQualifiedName: where(f), kind: 'resource' }],
        }],
      })),
    }],
  };
}

function xml(raw: string): string {
  return raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one test case per finding (errors fail, warnings pass with the message as output), or one passing case. */
function junit(report: CommandReport): string {
  const errors = report.findings.filter((f) => f.severity === RuleSeverity.ERROR).length;
  const cases = report.findings.map((f) => {
    const name = xml(`${f.ruleId} ${where(f)}`);
    const location = xml(`${f.file}:${f.line}:${f.column}`);
    return f.severity === RuleSeverity.ERROR
      ? `    <testcase classname="${xml(f.file)}" name="${name}">\n      <failure type="${f.ruleId}" message="${xml(problemText(f))}">${location}</failure>\n    </testcase>`
      : `    <testcase classname="${xml(f.file)}" name="${name}">\n      <system-out>${location}: warning: ${xml(problemText(f))}</system-out>\n    </testcase>`;
  });
  if (cases.length === 0) {
    cases.push(`    <testcase classname="${TOOL_NAME}" name="${report.mappingsChecked} stream mappings checked"/>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL_NAME}" tests="${cases.length}" failures="${errors}">`,
    `  <testsuite name="${TOOL_NAME}" tests="${cases.length}" failures="${errors}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
