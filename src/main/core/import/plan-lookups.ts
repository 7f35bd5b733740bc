// What "Check against Kartra" learned about an import's emails (found, not found, failed with a reason), kept in the
// job's folder so a reloaded window or a restarted app still shows the checked plan. Keyed by lower-cased email.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE } from '../store/private-files';

export interface LookupResults {
  /** Kartra has these leads: Existing. */
  found: Set<string>;
  /** Kartra answered "no such lead": New, checked. */
  missing: Set<string>;
  /** The look-up failed (the reason): Unknown until checked again. */
  failed: Map<string, string>;
}

interface Stored {
  found: string[];
  missing: string[];
  failed: [string, string][];
}

const fileOf = (workDir: string) => join(workDir, 'lookups.json');

export const emptyLookups = (): LookupResults => ({ found: new Set(), missing: new Set(), failed: new Map() });

/** One job's results, read once from its folder and written back after each check. */
export class PlanLookups {
  private readonly byJob = new Map<string, LookupResults>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly workDirOf: (jobId: string) => string) {}

  of(jobId: string): LookupResults {
    let results = this.byJob.get(jobId);
    if (!results) this.byJob.set(jobId, (results = load(fileOf(this.workDirOf(jobId)))));
    return results;
  }

  /** Changes with every recorded look-up: a plan worked out before is stale. */
  version(jobId: string): number {
    return this.versions.get(jobId) ?? 0;
  }

  record(jobId: string, email: string, outcome: { found: true } | { found: false } | { error: string }): void {
    const r = this.of(jobId);
    this.versions.set(jobId, this.version(jobId) + 1);
    r.found.delete(email);
    r.missing.delete(email);
    r.failed.delete(email);
    if ('error' in outcome) r.failed.set(email, outcome.error);
    else (outcome.found ? r.found : r.missing).add(email);
  }

  save(jobId: string): void {
    const r = this.byJob.get(jobId);
    if (!r) return;
    const path = fileOf(this.workDirOf(jobId));
    const stored: Stored = { found: [...r.found], missing: [...r.missing], failed: [...r.failed] };
    // Written whole under another name, then renamed: a crash never leaves half a file.
    writeFileSync(`${path}.tmp`, JSON.stringify(stored), PRIVATE_FILE);
    renameSync(`${path}.tmp`, path);
  }
}

function load(path: string): LookupResults {
  if (!existsSync(path)) return emptyLookups();
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as Stored;
    return { found: new Set(s.found), missing: new Set(s.missing), failed: new Map(s.failed) };
  } catch {
    return emptyLookups(); // unreadable: the rows are simply unchecked again
  }
}
