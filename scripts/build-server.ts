/**
 * `npm run build:server`: compiles the server to dist/server for production, so it runs on plain
 * `node` (no TypeScript loader in the process: less memory, faster start). Our own code is bundled
 * into three entries; packages stay in node_modules (installed with `npm ci --omit=dev`), except
 * zod (see the plugin below). tests/integration/compiled-server.test.ts runs the result.
 * The files the server finds next to its own module (fonts, the site's default texts) are copied
 * beside the bundle, where `import.meta.url` points once compiled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `--out=DIR` (inside the project, so packages resolve from its node_modules): a test builds its own copy. */
const OUT = path.resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) || 'dist/server');
// OUT is emptied first: never anything but a folder inside dist/ (not `--out=` or `--out=.`).
if (!OUT.startsWith(path.resolve('dist') + path.sep)) {
  console.error(`--out must be a folder inside dist/, not ${OUT}`);
  process.exit(2);
}

/** Every bare import (a package or node: builtin) stays external, except those `bundled` matches. */
function externalPackagesExcept(bundled: RegExp): Plugin {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

/** `--metafile`: also write esbuild's metafile (which chunk imports what, and how) to OUT/meta.json. */
const METAFILE = process.argv.includes('--metafile');

fs.rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: 'server/main.ts',
    // The PDF worker thread's entry, loaded by pdfOffThread.ts as ./pdfThread.js.
    pdfThread: 'server/exports/pdfThread.ts',
    'backup-cli': 'server/ops/backup-cli.ts',
  },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages stay in node_modules, except zod: bundled, it is tree-shaken, so the server does not
  // load the ~45 locale files and unused parts its package entry imports (about 4 MB at idle).
  plugins: [externalPackagesExcept(/^zod(\/|$)/)],
  // Code that is imported dynamically (the PNG and PDF renderers, with resvg and pdfkit) goes into
  // chunks loaded on first use, so the idle server does not hold those packages.
  splitting: true,
  // Readable stacks in the logs, without a source map in memory.
  minify: false,
  keepNames: true,
  metafile: METAFILE,
  logLevel: 'warning',
});
if (METAFILE) fs.writeFileSync(path.join(OUT, 'meta.json'), JSON.stringify(result.metafile));
fs.cpSync('server/exports/fonts', path.join(OUT, 'fonts'), { recursive: true });
fs.cpSync('server/site/defaults', path.join(OUT, 'defaults'), { recursive: true });
console.log(`server built in ${path.relative('.', OUT)}`);
