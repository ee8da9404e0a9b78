import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps shared/ the contract: it must actually fire.
describe('package boundaries (eslint)', () => {
  const eslint = new ESLint();
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it.each([
    ['shared/probe.ts', "export { x } from '../server/app';", 1],
    ['shared/probe.ts', "export { x } from '../client/src/api';", 1],
    ['shared/probe.ts', "export { x } from 'node:fs';", 1],
    ['shared/probe.ts', "export { x } from './template';", 0],
    ['client/src/probe.ts', "export { x } from '../../server/app';", 1],
    // The schemas (and zod) are the server's: on the client they would put zod in the phone's bundle.
    ['client/src/probe.ts', "export { x } from '../../shared/schemas';", 1],
    ['client/src/views/probe.tsx', "export { x } from '../../../shared/schemas/protocol';", 1],
    ['client/src/probe.ts', "export { z } from 'zod';", 1],
    ['client/src/probe.ts', "export { x } from '../../shared/protocol';", 0],
    // zod only in shared/schemas/; the other shared modules are part of the client bundle.
    ['shared/probe.ts', "export { z } from 'zod';", 1],
    ['shared/schemas/probe.ts', "export { z } from 'zod';", 0],
    ['shared/schemas/probe.ts', "export { x } from '../../server/app';", 1],
    ['server/probe.ts', "export { x } from '../shared/template';", 0],
    ['server/probe.ts', "export { x } from '../shared/schemas';", 0],
  ])('%s with %s -> %i refusals', async (file, code, expected) => {
    expect(await lint(file, code)).toBe(expected);
  });
});
