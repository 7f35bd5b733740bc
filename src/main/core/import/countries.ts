// Country cells: ISO 3166 two-letter codes and English country names, both resolved to the English name Kartra leads carry.

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'QO', 'UN', 'XA', 'XB', 'ZZ']);
// Common spellings that are not ISO codes or CLDR names but mean one country beyond doubt.
const ALIASES: Record<string, string> = {
  uk: 'GB',
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  'united states of america': 'US',
  'great britain': 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
};

let tables: { byCode: Map<string, string>; byName: Map<string, string> } | undefined;

/** Built once from Intl (full ICU): every canonical region code and its long/short English names. */
function load() {
  if (tables) return tables;
  const long = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = long.of(code);
      // Deprecated codes (SU, YU, …) canonicalise to another region: they are not valid today.
      if (!name || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      byCode.set(code, name);
      byName.set(name.toLowerCase(), name);
      const alt = short.of(code);
      if (alt && alt.length > 2) byName.set(alt.toLowerCase(), name);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    const name = byCode.get(code);
    if (name) byName.set(alias, name);
  }
  tables = { byCode, byName };
  return tables;
}

/** The country's English name, or null when the cell is neither a known code nor a known name. */
export function resolveCountry(value: string): string | null {
  const { byCode, byName } = load();
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return byCode.get(text.toUpperCase()) ?? byName.get(text.toLowerCase()) ?? null;
  return byName.get(text.replace(/\s+/g, ' ').toLowerCase()) ?? null;
}
