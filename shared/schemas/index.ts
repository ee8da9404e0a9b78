/**
 * Every zod schema of the contract: what the server validates at its boundary
 * (REST bodies, socket.io payloads, stored JSON). One file per model module; the
 * types the schemas produce are written by hand in those zod-free modules
 * (shared/template.ts, phases.ts, control.ts, method.ts, protocol.ts, ...), and
 * each file here ends with checks that fail to compile when a schema and its
 * type drift apart.
 *
 * Server (and tests) only. The client must not import shared/schemas (an eslint
 * rule enforces it): zod would add ~27 KB gzipped to the phone's bundle.
 */
export * from './template';
export * from './board';
export * from './phases';
export * from './voting';
export * from './control';
export * from './method';
export * from './protocol';
export * from './knowledge';
export * from './followUp';
