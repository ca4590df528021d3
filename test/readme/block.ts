/**
 * Prints the code of the README.md block tagged `<!-- install: NAME -->` (right after its closing fence), so that
 * scripts run the README's instructions as written: `ts-node test/readme/block.ts python-local`.
 * Fails when no block or more than one carries the tag.
 */
import { readmeBlocks } from './readme';

const [name] = process.argv.slice(2);
const tagged = readmeBlocks().filter((block) => block.tags.some((tag) => tag.key === 'install' && tag.value === name));
if (tagged.length !== 1) {
  process.stderr.write(`README.md has ${tagged.length} blocks tagged <!-- install: ${name} -->; expected one\n`);
  process.exit(1);
}
process.stdout.write(`${tagged[0].code}\n`);
