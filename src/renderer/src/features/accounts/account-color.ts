// Each account's colour, chosen from its name so it stays the same across restarts and machines: a quick way to
// tell agency clients apart in the switcher and the header.
const PALETTE = ['indigo', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'violet', 'red', 'green', 'yellow', 'blue'] as const;
export type AccountColor = (typeof PALETTE)[number];

/** FNV-1a over the trimmed, lower-cased name: the same name always gives the same colour. */
export function accountColor(name: string): AccountColor {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]!;
}
