/**
 * The fenced code blocks of a Markdown file, each with the `<!-- expect: ... -->` comments on the lines right after
 * its closing fence (docs/readme-examples.md).
 */
import { readFileSync } from 'fs';
import * as path from 'path';

export const README = path.join(__dirname, '..', '..', 'README.md');

export interface CodeBlock {
  /** The info string after the opening fence: `ts`, `text`, `sh`, ... */
  readonly lang: string;
  /** The block's lines, without the fences. */
  readonly code: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The text of each `<!-- expect: TEXT -->` comment right after the closing fence, in order. */
  readonly expectations: string[];
  /** The text of each `<!-- KEY: TEXT -->` comment (other than expect) right after the closing fence. */
  readonly tags: Array<{ key: string; value: string }>;
}

const COMMENT = /^<!--\s*([\w-]+):\s*([\s\S]*?)\s*-->\s*$/;

export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    const expectations: string[] = [];
    const tags: Array<{ key: string; value: string }> = [];
    for (let j = i + 1; j < lines.length; j++) {
      const comment = COMMENT.exec(lines[j]);
      if (!comment) break;
      if (comment[1] === 'expect') expectations.push(comment[2]);
      else tags.push({ key: comment[1], value: comment[2] });
    }
    blocks.push({ lang: open[1], code: body.join('\n'), line: start + 1, expectations, tags });
  }
  return blocks;
}

export function readmeBlocks(): CodeBlock[] {
  return codeBlocks(readFileSync(README, 'utf8'));
}
