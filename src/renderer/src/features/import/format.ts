// Small formatters for the import screens: sizes, counts, rates, durations, dates.
const numbers = new Intl.NumberFormat('en-US');

export const count = (n: number): string => numbers.format(n);

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function rate(perSec: number): string {
  return perSec >= 10 ? perSec.toFixed(0) : perSec.toFixed(1);
}

export function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export const STATUS_LABELS: Record<string, string> = {
  uploading: 'Uploading',
  analyzed: 'Analyzed',
  validating: 'Validating',
  validated: 'Ready to start',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  finished: 'Finished',
  failed: 'Failed',
};
