/**
 * `pretest`: the end-to-end tests drive Debian's Chromium (playwright-core cannot download its own
 * browsers on these machines). When it is missing, install it where we can (root, apt-get), and
 * otherwise stop at once with the exact command to run, instead of failing test after test later.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

const works = () => fs.existsSync(CHROMIUM) && spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (!works()) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${CHROMIUM} does not start a browser. Point it at Chromium, or unset it and run: ${INSTALL}`);
    process.exit(1);
  }
  if (process.getuid?.() !== 0 || !hasAptGet()) {
    console.error(`Chromium is missing (${CHROMIUM}); the end-to-end tests need it. Run:\n\n  sudo sh -c '${INSTALL}'\n`);
    process.exit(1);
  }
  console.log(`Chromium is missing: ${INSTALL}`);
  const result = spawnSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || !works()) {
    console.error(`Installing Chromium failed (exit ${result.status}). Run it yourself: ${INSTALL}`);
    process.exit(1);
  }
}
console.log(spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim());
