import fs from 'node:fs';

/**
 * What the Dockerfile's runtime stage (its last FROM) runs: CMD, ENV, HEALTHCHECK and what it
 * copies. Read by `npm run check:production` and tests/integration/compiled-server.test.ts, so both
 * start the server exactly as the image would.
 */
export interface ImageRuntime {
  cmd: string[];
  env: Record<string, string>;
  healthcheck: string[];
  /** Paths the runtime stage copies from the build stage or the context (node_modules come from `npm ci`). */
  copied: string[];
}

export function imageRuntime(dockerfile = fs.readFileSync('Dockerfile', 'utf8')): ImageRuntime {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const jsonArray = (instruction: string) => JSON.parse(new RegExp(`^${instruction} (\\[.*\\])$`, 'm').exec(runtime)![1]!) as string[];
  return {
    cmd: jsonArray('CMD'),
    healthcheck: jsonArray('HEALTHCHECK --interval=\\S+ --timeout=\\S+ --start-period=\\S+ --retries=\\S+ CMD'),
    env: Object.fromEntries([.../^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)![1]!.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
    copied: [...runtime.matchAll(/^COPY (?:--from=build \/app\/)?(\S+) \.\/\S*$/gm)].map((m) => m[1]!),
  };
}
