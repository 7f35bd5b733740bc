// Test kit for CLI suites that run the real CLI against one in-process sandbox: started before the file's tests,
// with the account's environment and a scratch folder for input files and reports, closed and removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { accountEnv, cleanEnv } from './cli-runner';

export interface CliSandbox {
  readonly sb: RunningSandbox;
  /** A clean environment naming the sandbox's demo account, with one data folder for the whole file. */
  readonly env: NodeJS.ProcessEnv;
  /** The same with a data folder of its own: a run that must start from an empty cache. */
  freshEnv(): NodeJS.ProcessEnv;
  /** Scratch folder for the files a test writes. */
  readonly dir: string;
}

/** Registers the file's beforeAll/afterAll; read the fields inside tests (they are set once beforeAll ran). */
export function useCliSandbox(dirPrefix: string): CliSandbox {
  let state: { sb: RunningSandbox; env: NodeJS.ProcessEnv; dir: string } | undefined;
  beforeAll(async () => {
    const sb = await startSandbox({ rate: 0 });
    state = { sb, env: cleanEnv(accountEnv(sb)), dir: mkdtempSync(join(tmpdir(), dirPrefix)) };
  });
  afterAll(async () => {
    await state?.sb.close();
    if (state) rmSync(state.dir, { recursive: true, force: true });
  });
  const get = () => {
    if (!state) throw new Error('useCliSandbox: read its fields inside a test, after beforeAll');
    return state;
  };
  return {
    get sb() {
      return get().sb;
    },
    get env() {
      return get().env;
    },
    get dir() {
      return get().dir;
    },
    freshEnv: () => cleanEnv(accountEnv(get().sb)),
  };
}
