// Kartra's dates as people read them: its "no date" ("0000-00-00 00:00:00", or empty) shows as a dash.
export const NO_DATE = '—';

export function isZeroDate(value: string | null | undefined): boolean {
  return !value || /^0000-00-00/.test(value.trim());
}

/** "2024-05-31 14:02:11" → "2024-05-31" (dates only: the account's time zone is not ours). */
export function formatKartraDate(value: string | null | undefined, withTime = false): string {
  if (isZeroDate(value)) return NO_DATE;
  const text = value!.trim();
  return withTime ? text.slice(0, 16) : text.slice(0, 10);
}
