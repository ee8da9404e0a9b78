/**
 * `npm run check:production`: what can be tested of the container image without a Docker engine.
 * It copies what the Dockerfile's runtime stage copies into a clean temporary folder, installs the
 * production dependencies only (`npm ci --omit=dev`, as the image's deps stage does), starts the
 * Dockerfile's exact CMD with its ENV, runs its exact HEALTHCHECK command, makes a PDF (the worker
 * thread and the bundled fonts), reads a site text (the built-in defaults), and stops it with SIGTERM.
 *
 * Not tested here: the image build itself, the base image, the `node` user and the volume's rights.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApiClient, createWorkshop, facilitatorClient } from '../tests/helpers/api';
import { imageRuntime } from '../tests/helpers/dockerfile';

const { cmd: CMD, healthcheck: HEALTHCHECK, env: ENV, copied: COPIED } = imageRuntime();

const step = (s: string) => console.log(`== ${s}`);
function fail(message: string): never {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  step('npm run build');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
/** `--reuse=DIR`: a folder a previous run left (it failed) with its production install; only the build is copied anew. */
const reuse = process.argv.find((a) => a.startsWith('--reuse='))?.slice(8);
const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-image-'));
step(`copy ${[...COPIED, 'package-lock.json'].join(', ')} to ${dir}`);
for (const item of [...COPIED, 'package-lock.json']) {
  fs.rmSync(path.join(dir, item), { recursive: true, force: true });
  fs.cpSync(item, path.join(dir, item), { recursive: true });
}
fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });

if (!reuse) {
  step('npm ci --omit=dev');
  const started = Date.now();
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  console.log(`   took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
for (const dev of ['tsx', 'typescript', 'vite', 'vitest', 'esbuild', 'oidc-provider']) {
  if (fs.existsSync(path.join(dir, 'node_modules', dev))) fail(`development package ${dev} was installed`);
}

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const env = { PATH: process.env.PATH!, ...ENV, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data') };
fs.mkdirSync(env.DATA_DIR);
step(`start: ${CMD.join(' ')} (ENV ${Object.keys(ENV).join(', ')})`);
const server = spawn(CMD[0]!, CMD.slice(1), { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
server.stdout.on('data', (d: Buffer) => (out += d.toString()));
const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
const deadline = Date.now() + 60_000;
while (!out.includes('"msg":"Regiebord draait')) {
  if (Date.now() > deadline || server.exitCode !== null) fail(`server did not start:\n${out}`);
  await new Promise((r) => setTimeout(r, 200));
}
for (const line of out.trim().split('\n')) JSON.parse(line); // JSON lines from the first line on

try {
  step(`HEALTHCHECK: ${HEALTHCHECK.join(' ')}`);
  const health = spawnSync(HEALTHCHECK[0]!, HEALTHCHECK.slice(1), { cwd: dir, env, encoding: 'utf8' });
  if (health.status !== 0) fail(`healthcheck exited ${health.status}: ${health.stderr}`);

  const url = `http://127.0.0.1:${port}`;
  step('client, site text, PDF export');
  const index = await fetch(`${url}/`);
  if (!index.ok || !(await index.text()).includes('<div id="root">')) fail('the client was not served');
  const privacy = await new ApiClient(url).get<{ markdown?: string }>('/api/site/pages/privacy');
  if (privacy.status !== 200) fail(`site text: ${privacy.status}`);
  const api = await facilitatorClient(url);
  const workshop = await createWorkshop(api, 'Beeldcontrole');
  const pdf = await fetch(`${url}/api/workshops/${workshop.id}/export?format=pdf`, { headers: { cookie: api.cookie } });
  const bytes = Buffer.from(await pdf.arrayBuffer());
  if (pdf.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') fail(`PDF export: ${pdf.status} ${bytes.subarray(0, 200).toString()}`);
  console.log(`   PDF ${bytes.length} bytes`);
} finally {
  step('SIGTERM');
  server.kill('SIGTERM');
}
const code = await exited;
if (code !== 0) fail(`exit code ${code} after SIGTERM`);
fs.rmSync(dir, { recursive: true, force: true });
console.log('production start from a clean copy: OK');
