'use strict';
// What bench.js and compare.js share: the baseline each variant is judged against, and paired ratios.

/** What each variant is judged against: the cheapest way to get the same template doing the same work. */
const BASELINE = {
  'cdklib': 'raw',
  'ours': 'cdklib',
  'ours-norole': 'ours',
  'cdklib-dlq': 'cdklib',
  'ours-dlq': 'cdklib-dlq',
  'cdklib-kes': 'raw',
  'ours-real': 'cdklib-kes',
  'aspect': 'raw',
  'aspect-ref': 'raw-ref',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The ratio of a variant to another from the same repetitions (they ran side by side, so the load of the machine
 * at that moment cancels out): the median, and the lowest and highest of the repetitions. `field` is 'ms' (wall),
 * 'cpu' (main thread) or 'mb' (peak RSS).
 */
function pairedRatio(rows, variant, baseline, n, field = 'ms') {
  const [a, b] = [rows[`${variant}@${n}`], rows[`${baseline}@${n}`]];
  if (!a || !b) return undefined;
  const key = field === 'cpu' ? (x) => x.mainCpuMs ?? x.cpuMs : (x) => x[field === 'mb' ? 'maxRssMB' : 'ms'];
  const ratios = a.samples.slice(0, b.samples.length).map((x, i) => key(x) / key(b.samples[i]));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

module.exports = { BASELINE, median, pairedRatio };
