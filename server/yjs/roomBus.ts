/**
 * The seam between one instance's board rooms and the other instances serving the same
 * workshops. On one instance (the default) the room's memory is the whole truth and the bus
 * does nothing; with REDIS_URL set, `server/cluster/redisRoomBus.ts` carries every stored
 * update to the other instances that have the board loaded.
 */
export interface RoomBusListener {
  /** An update another instance stored and broadcast: apply it and pass it on, never store it again. */
  remoteUpdate(update: Uint8Array): void;
  /** Messages may have been missed (the link to the others was lost a while): catch up from storage. */
  resync(): void;
}

export interface RoomBus {
  /** True when other instances may write to the same boards (and to the same storage). */
  readonly shared: boolean;
  /** Start hearing a board's updates; resolves once nothing published from now on can be missed. */
  join(workshopId: string, listener: RoomBusListener): Promise<() => void>;
  /** Tell the others about an update that is stored. */
  publish(workshopId: string, update: Uint8Array): void;
}

/** One instance: nothing to tell, nobody to wait for. */
export const localRoomBus: RoomBus = {
  shared: false,
  join: async () => () => {},
  publish: () => {},
};
