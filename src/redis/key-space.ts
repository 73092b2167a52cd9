/**
 * How keys are named in Redis. On one Redis (or behind Sentinels) as they always were: BullMQ's under
 * `wa:` and the app's under `wa:…`. With hash tags (on a Redis Cluster, REDIS_HASH_TAGS), keys that one
 * script, transaction, pipeline or multi-key command touches together carry the same tag in braces,
 * which Redis alone hashes to pick the slot; each other key lies wherever its whole name hashes.
 */
export interface RedisKeySpace {
  /** QUEUE_PREFIX, which starts the keys used on their own. */
  prefix: string;
  /** BullMQ's prefix: `wa`, or `{wa}` (BullMQ's scripts span a queue's keys; every queue is in that slot). */
  queues: string;
  /**
   * The prefix of a group of keys used together across entities (the case index, the locks, the pending
   * set with the hotline's replay claims): `wa`, or `{wa:name}`, one slot per group.
   */
  group(name: string): string;
  /** An entity's id in the names of its keys used together (a contact's line, an import): `id`, or `{id}`. */
  entity(id: string): string;
}

export function redisKeySpace(prefix: string, hashTags: boolean): RedisKeySpace {
  if (!hashTags) return { prefix, queues: prefix, group: () => prefix, entity: (id) => id };
  return { prefix, queues: `{${prefix}}`, group: (name) => `{${prefix}:${name}}`, entity: (id) => `{${id}}` };
}
