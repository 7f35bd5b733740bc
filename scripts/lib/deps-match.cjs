// Exit 0 when node_modules holds exactly what package-lock.json pins (per npm's own record of the
// install, node_modules/.package-lock.json), else 1 with the first difference. Used by setup.sh to
// skip `npm ci`. Plain CommonJS so any Node on PATH can run it before node_modules exists.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function main() {
  let lock;
  let installed;
  try {
    lock = read('package-lock.json').packages || {};
    installed = read('node_modules/.package-lock.json').packages || {};
  } catch (error) {
    return `cannot compare: ${error.message}`;
  }
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '' || entry.link) continue;
    const have = installed[key];
    if (!have) {
      // Platform-specific optional packages (another OS's esbuild, ...) are legitimately absent.
      if (entry.optional) continue;
      return `${key} is missing`;
    }
    if (have.version !== entry.version) return `${key} is ${have.version}, the lockfile wants ${entry.version}`;
    if (!fs.existsSync(path.join(root, key))) return `${key} is recorded but not on disk`;
  }
  for (const key of Object.keys(installed)) {
    if (!(key in lock)) return `${key} is installed but not in the lockfile`;
  }
  return null;
}

const difference = main();
if (difference) {
  console.log(difference);
  process.exit(1);
}
