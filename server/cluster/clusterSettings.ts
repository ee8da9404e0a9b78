/** The cluster's defaults, apart from clusterLink.ts so main.ts can read them without loading ioredis. */
export const defaultClusterSettings = { keyPrefix: 'regiebord:', heartbeatIntervalMs: 2_000, heartbeatTimeoutMs: 6_000 };
