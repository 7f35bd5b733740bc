// Benchmark: the leads table over 100,000 cached leads. Fills the host's lead cache through the core's own
// repository, opens the workspace, scrolls the table from top to bottom in steps (one per frame), and
// measures long tasks (PerformanceObserver 'longtask') and frame times. Prints one JSON line:
// {rows, scrolled_px, duration_ms, long_tasks_over_50ms, max_task_ms, p95_frame_ms}. Goal: no long task.
// Run: npm run bench:table  (npx playwright test -c e2e/bench/bench.config.ts)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { AccountInfo } from '../../src/shared/domain/account';
import type { LeadRow } from '../../src/shared/domain/lead-views';
import { startBuiltHost } from '../built-host';
import { fillLeadCache } from './synthetic-leads';
import { coreClient } from '../../src/main/core/core-client';

const ROWS = 100_000;
/** One scroll position per animation frame: about 6,000 px (≈170 rows) each, a fast fling through the list. */
const STEPS = 600;

interface ScrollResult {
  scrolled_px: number;
  duration_ms: number;
  long_tasks: number[];
  frames: number[];
}

interface Summary {
  long_tasks_over_50ms: number;
  max_task_ms: number;
  p95_frame_ms: number;
}

function summarize(result: ScrollResult): Summary {
  const sorted = [...result.frames].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
  return {
    long_tasks_over_50ms: result.long_tasks.filter((d) => d > 50).length,
    max_task_ms: Math.round(Math.max(0, ...result.long_tasks)),
    p95_frame_ms: Math.round(p95 * 10) / 10,
  };
}

/**
 * The same scroll over a bare page (a tall div, 40 plain rows rewritten on every scroll event, no app):
 * what this machine does anyway. On a busy or GPU-less machine even this shows long tasks, so the app's
 * numbers are read against it.
 */
const BASELINE_PAGE = `<!doctype html><div id="s" style="height:700px;overflow:auto;position:relative"><div id="b" style="height:3600000px;position:relative"></div></div>
<script>
const s = document.getElementById('s'), b = document.getElementById('b'), rows = [];
for (let i = 0; i < 40; i++) {
  const row = document.createElement('div');
  row.style.cssText = 'position:absolute;left:0;width:100%;height:36px;display:grid;grid-template-columns:1.3fr 1.5fr 1fr 64px 1.3fr 56px';
  for (let c = 0; c < 6; c++) row.appendChild(document.createElement('div'));
  b.appendChild(row);
  rows.push(row);
}
s.addEventListener('scroll', () => {
  const first = Math.floor(s.scrollTop / 36);
  rows.forEach((row, i) => {
    row.style.transform = 'translateY(' + (first + i) * 36 + 'px)';
    for (const cell of row.children) cell.textContent = 'Lead ' + (first + i);
  });
});
</script>`;

test('leads table: scroll 100,000 cached leads top to bottom without long tasks', async ({ page }, testInfo) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-bench-'));
  const host = await startBuiltHost({ dataDir });
  try {
    // The sandbox account must exist (and be current) before its cache is filled and the page opens.
    const connected = await coreClient(host.core).sandbox.connect({});
    if (!connected.ok) throw new Error(`sandbox.connect failed: ${connected.error.message}`);
    const account = connected.value as AccountInfo;
    const fillMs = fillLeadCache(dataDir, account.id, ROWS);
    const last = await coreClient(host.core).leads.search({ query: '', offset: ROWS - 1, limit: 1 });
    if (!last.ok) throw new Error(`leads.search failed: ${last.error.message}`);
    const lastRow = (last.value as { rows: LeadRow[]; total: number }).rows[0]!;

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(host.url);
    const grid = page.getByRole('grid', { name: 'Leads' });
    await expect(page.getByTestId('lead-count')).toContainText('100,000 leads', { timeout: 20_000 });
    await expect(grid).toHaveAttribute('aria-rowcount', String(ROWS + 1));
    await expect(grid.getByRole('row').nth(1)).not.toContainText('Loading');

    const result = await page.evaluate(scrollThrough, { steps: STEPS, selector: '[role="grid"][aria-label="Leads"]' });

    // The bottom of the table shows the last lead, fully loaded.
    const bottom = grid.locator(`[role="row"][aria-rowindex="${ROWS + 1}"]`);
    await expect(bottom).toContainText(lastRow.email);

    // A blank document first: the app's CSP (script-src 'self') would refuse the bare page's inline script.
    await page.goto('about:blank');
    await page.setContent(BASELINE_PAGE);
    const baseline = await page.evaluate(scrollThrough, { steps: STEPS, selector: '#s' });

    const report = {
      rows: ROWS,
      scrolled_px: Math.round(result.scrolled_px),
      duration_ms: Math.round(result.duration_ms),
      ...summarize(result),
      baseline_bare_page: summarize(baseline),
    };
    console.log(JSON.stringify(report));
    console.log(`(cache filled with ${ROWS} leads in ${Math.round(fillMs)} ms; ${result.frames.length} frames measured)`);
    testInfo.annotations.push({ type: 'bench', description: JSON.stringify(report) });
    expect(report.scrolled_px).toBeGreaterThan(ROWS * 30);
    // BENCH_STRICT=1 turns the goal into a gate (off by default: timings vary between machines).
    if (process.env.BENCH_STRICT === '1') expect(report.long_tasks_over_50ms, 'long tasks over 50 ms while scrolling').toBe(0);
  } finally {
    // The page first: the host waits for its WebSocket clients to go.
    await page.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Runs in the page: scrolls `selector` top to bottom, one step per frame, measuring long tasks and frames. */
async function scrollThrough({ steps, selector }: { steps: number; selector: string }): Promise<ScrollResult> {
  const scroller = document.querySelector<HTMLElement>(selector);
  if (!scroller) throw new Error(`nothing matches ${selector}`);
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const frames: number[] = [];
  let running = true;
  let previous = performance.now();
  const tick = (now: number) => {
    frames.push(now - previous);
    previous = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

  const max = scroller.scrollHeight - scroller.clientHeight;
  const started = performance.now();
  for (let i = 1; i <= steps; i++) {
    scroller.scrollTop = Math.round((max * i) / steps);
    await nextFrame();
  }
  // Let the last pages land (the rows at the bottom are read after the final scroll).
  const deadline = performance.now() + 10_000;
  while (scroller.querySelector('[role="row"][aria-busy="true"]') && performance.now() < deadline) await nextFrame();
  const duration = performance.now() - started;
  running = false;
  await nextFrame();
  // Long-task entries are delivered asynchronously: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { scrolled_px: scroller.scrollTop, duration_ms: duration, long_tasks: longTasks, frames: frames.slice(1) };
}
