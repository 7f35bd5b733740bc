// Screenshots of every screen (e2e/support/screen-tour.ts: connect, leads, profile, views, account, the import steps,
// outbox, history, recipes, settings, palette, account menu) at 1440×900 and 1024×700, light and dark, into
// docs/screenshots/<screen>-<width>x<height>-<theme>.png, from browser mode on the built-in sandbox; the README's
// screenshot is docs/screenshots/profile-1440x900-light.png. Needs `npm run build`. Run: npm run screenshots
// (--light skips the dark theme; --until <screen> stops after that screen).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { startBuiltHost } from '../e2e/built-host';
import { SCREENS } from '../e2e/support/screen-tour';
import { silentLogger } from '../src/main/core/log';

const OUT = resolve(__dirname, '../docs/screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

async function main(): Promise<void> {
  expect.configure({ timeout: 30_000 });
  const schemes = process.argv.includes('--light') ? (['light'] as const) : (['light', 'dark'] as const);
  const until = process.argv.includes('--until') ? process.argv[process.argv.indexOf('--until') + 1] : undefined;
  const last = until === undefined ? SCREENS.length : SCREENS.findIndex((screen) => screen.id === until) + 1;
  if (last === 0) throw new Error(`--until: no screen "${until}" (screens: ${SCREENS.map((s) => s.id).join(', ')})`);
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}) });
  try {
    for (const scheme of schemes) {
      // A fresh data folder per theme: the walk starts on the connect screen each time.
      const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-screenshot-'));
      const host = await startBuiltHost({ dataDir, log: silentLogger });
      try {
        const page = await browser.newPage({ viewport: SIZES[0], colorScheme: scheme });
        await page.goto(host.url);
        for (const screen of SCREENS.slice(0, last)) {
          await screen.show(page, host);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            await page.waitForTimeout(400); // layout and transitions settle
            await page.screenshot({ path: join(OUT, `${screen.id}-${size.width}x${size.height}-${scheme}.png`), animations: 'disabled' });
          }
          await page.setViewportSize(SIZES[0]!);
          console.log(`${scheme}: ${screen.id}`);
        }
        await page.close();
      } finally {
        await host.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    console.log(`wrote screenshots to ${OUT}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
