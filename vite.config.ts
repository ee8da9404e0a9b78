import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The NL Design System component CSS (@utrecht/*-css, styles/nlds.css) styles every
 * variant of a component; Regiebord uses a few. This PostCSS step drops the rules whose
 * selector names a utrecht-* class that appears nowhere in client/src (e.g. the "subtle"
 * and "warning" buttons, Dutch postcode text boxes), so every phone downloads less CSS.
 * Rules without utrecht-* classes, and every class the client does use, are kept
 * (a class inside :not() is not needed for a rule to match).
 */
function pruneUnusedUtrechtRules() {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/utrecht-[a-z0-9_-]+/g)) used.add(m[0]);
    }
  };
  walk(path.resolve(import.meta.dirname, 'client/src'));
  interface Node {
    type: string;
    nodes?: Node[];
    selectors?: string[];
    remove(): void;
  }
  return {
    postcssPlugin: 'regiebord-prune-unused-utrecht',
    OnceExit(root: { walkRules(fn: (rule: Node & { selectors: string[] }) => void): void; walkAtRules(fn: (at: Node) => void): void }) {
      root.walkRules((rule) => {
        // A class inside :not() does not have to be present for the rule to match.
        const needed = (selector: string) => [...selector.replace(/:not\([^)]*\)/g, '').matchAll(/\.(utrecht-[a-z0-9_-]+)/g)].map((m) => m[1]!);
        const keep = rule.selectors.filter((selector) => needed(selector).every((c) => used.has(c)));
        if (keep.length === 0) rule.remove();
        else if (keep.length !== rule.selectors.length) rule.selectors = keep;
      });
      root.walkAtRules((at) => {
        if (at.nodes && at.nodes.length === 0) at.remove();
      });
    },
  };
}

/** Rollup's view of one emitted chunk (the fields used below). */
interface BuiltChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Emits /sw.js (client/sw/serviceWorker.js) with this build's version and the files the phone
 * needs to start without a network: index.html, the entry chunk, the participant view, their
 * static imports and CSS. Other views (facilitator, screen, knowledge centre) are not fetched by
 * phones. The service worker is its own file: nothing is added to the phone bundle but the
 * registration.
 */
function serviceWorker() {
  return {
    name: 'regiebord-service-worker',
    apply: 'build' as const,
    generateBundle(_options: unknown, bundle: Record<string, BuiltChunk>) {
      // The theme's stylesheet is linked by index.html (served by the server, not hashed).
      const files = new Set<string>(['/index.html', '/favicon.svg', '/theme/theme.css']);
      const add = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || files.has(`/${fileName}`)) return;
        files.add(`/${fileName}`);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
        for (const imported of chunk.imports ?? []) add(imported);
        // What the phone view loads later (not the entry's: those are the other views).
        if (!chunk.isEntry) for (const imported of chunk.dynamicImports ?? []) add(imported);
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry || /client\/src\/views\/Participant\.tsx$/.test(chunk.facadeModuleId ?? '')) add(chunk.fileName);
      }
      const list = [...files].sort();
      const version = crypto.createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = fs
        .readFileSync(path.resolve(import.meta.dirname, 'client/sw/serviceWorker.js'), 'utf8')
        .replace('__REGIEBORD_VERSION__', version)
        .replace('__REGIEBORD_FILES__', JSON.stringify(list));
      (this as unknown as { emitFile(f: { type: 'asset'; fileName: string; source: string }): void }).emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source,
      });
    },
  };
}

// The client lives in client/; the build goes to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react(), serviceWorker()],
  css: {
    postcss: { plugins: [pruneUnusedUtrechtRules()] },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // No inline scripts or data: URLs for modules: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/theme': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
