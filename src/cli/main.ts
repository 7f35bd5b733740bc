// Lead Desk CLI entry: dispatches `sandbox`, `lead …`, `search`, `history`, `account …`, `import`, `bench rate`; JSON on stdout only, exit 0/1/2.
import { createLogger } from '../main/core/log';
import { UsageError } from './args';
import type { CliContext, Command } from './context';
import { createPrinter, EXIT_OK, failureDoc } from './output';

const USAGE = [
  'lead-desk <command> [flags]   (stdout: one JSON document; logs and progress: stderr; exit 0 ok, 1 failed, 2 usage)',
  'sandbox [--port N] [--data FILE] [--rate 20] [--test-mode] [--faults 429=0.1,5xx=0.05,reset=0.05,timeout=0.02] [--latency RTT_MS|UP:DOWN] [--jitter 0.2] [--timeout-hold MS] [--chain continue|stop] [--single-success envelope|flat] [--text-area cut|refuse] [--content-type html|json] [--random-seed N] [--legacy-messages]',
  'lead get|search (--email E | --id N)',
  'lead create --email E [--first-name ..] [--last-name ..] [--field name=value ...] [--custom identifier=value ...] [--tag T ...] [--list L ...]',
  'lead edit (--email E | --id N) [--new-email E] [--first-name ..] [--last-name ..] [--field name=value ...] [--custom identifier=value ...] [--tag T ...] [--list L ...]',
  'lead tag|untag (--email E | --id N) --tag T [--tag T2 ...]',
  'lead list|unlist (--email E | --id N) --list L [--list L2 ...]',
  'lead sequence (--email E | --id N) --sequence NAME (--step S | --unsubscribe)',
  'lead points (--email E | --id N) (--give N [--expiration DAYS] | --remove N)',
  'search "QUERY"   (the leads this data folder has seen, as the app\'s search box finds them)',
  'history [--email E | --id N] [--source edit|import|recipe|cli] [--since DATE]',
  'account tags|lists|sequences|pages|custom-fields',
  'import FILE.csv [--map "Column=field" ...] [--mode create|update|upsert] [--tag T ...] [--list L ...] [--sequence "Name:step"] [--points N] [--existing keep|fill|overwrite] [--sheet NAME|N] [--dry-run [--check]] [--report OUT.csv] [--result OUT.csv] [--gdpr-confirmed]',
  'bench rate --table [--calls 600] [--contention-calls 600]',
  'bench rate [--calls 1200] [--email E] [--latency RTT_MS|UP:DOWN] [--jitter 0.2] [--url U --app-id .. --api-key - --api-password - [--admin-token T]]',
  'Every lead, search, history, account and import command runs on a data folder: --data-dir DIR, else LEAD_DESK_DATA_DIR, else the desktop app\'s.',
  'Writes wait for Kartra; when it cannot be reached they print {"status":"queued","ids":[...]} and the next run on that folder sends them.',
  'Account: KARTRA_API_URL KARTRA_APP_ID KARTRA_API_KEY KARTRA_API_PASSWORD, or --api-url --app-id --api-key --api-password (flags win).',
  'Secrets: use the variables, or "--api-password -" (and/or "--api-key -") to read them from stdin; a secret typed as a flag value works but is visible in the process list.',
];

// Loaded on demand: a lead command need not load the sandbox (node:sqlite, seed data) and starts faster.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sandbox: async () => (await import('./commands/sandbox')).sandboxCommand,
  lead: async () => (await import('./commands/lead')).leadCommand,
  account: async () => (await import('./commands/account')).accountCommand,
  bench: async () => (await import('./commands/bench-rate')).benchCommand,
  import: async () => (await import('./commands/import')).importCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  help: async () => async () => ({ usage: USAGE }),
};

function waitForStop(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

let stdinText: Promise<string> | undefined;
function readStdin(): Promise<string> {
  stdinText ??= new Promise((resolvePromise, reject) => {
    if (process.stdin.isTTY) process.stderr.write('Reading the secret from stdin: type it, then Enter and Ctrl-D.\n');
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolvePromise(text));
    process.stdin.on('error', reject);
  });
  return stdinText;
}

async function main(argv: string[]): Promise<number> {
  const printer = createPrinter((text) => process.stdout.write(text));
  const log = createLogger((line) => process.stderr.write(`${line}\n`));
  const ctx: CliContext = {
    env: process.env,
    log,
    progress: (message) => process.stderr.write(`${message}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    readStdin,
    printer,
    stopSignal: waitForStop,
  };
  try {
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h') return main(['help']);
    if (name === undefined) throw new UsageError(`give a command: ${Object.keys(COMMANDS).join(', ')} (try "help")`);
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) {
      const hint = name.startsWith('-') ? '; the command comes first, then its flags' : '';
      throw new UsageError(`unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})${hint}`);
    }
    const command = await load();
    const doc = await command(rest, ctx);
    if (doc) printer.print({ ok: true, ...doc });
    return EXIT_OK;
  } catch (error) {
    const { doc, exitCode } = failureDoc(error, log);
    printer.print(doc);
    return exitCode;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Exit once stdout has flushed (a pipe may still hold the document): nothing else should keep the process alive.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`lead-desk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
