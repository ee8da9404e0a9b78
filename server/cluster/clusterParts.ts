/**
 * Everything of the cluster that needs Redis (ioredis, the socket.io Redis Streams adapter,
 * rate-limiter-flexible), in one module that app.ts imports only when REDIS_URL is set: a single
 * instance never loads those packages (about 20 MB resident memory, docs/performance.md).
 */
export { ClusterLink } from './clusterLink';
export { createClusterEvents } from './clusterEvents';
export { createSocketIoAdapter } from './socketIoAdapter';
export { redisFailureLimit } from './redisLimits';
export { createRedisRoomBus } from './redisRoomBus';
