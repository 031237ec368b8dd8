import "server-only";
import { logger } from "@/lib/server/log";

export type BatchWriter<Item> = { push(item: Item): void; flush(): Promise<void> };

type State<Item> = { queue: Item[]; timer?: NodeJS.Timeout };

/**
 * Writes items off the request path: queued in memory and handed to `write` once a second or every `maxBatch`
 * items, whichever comes first. The queue lives on globalThis under `key`, so every copy of the module in the
 * process (Next's bundle, dev reloads) shares it. Best effort: a failed write is logged and dropped.
 */
export function createBatchWriter<Item>(options: { key: string; what: string; maxBatch: number; write: (batch: Item[]) => Promise<void> }): BatchWriter<Item> {
  const holder = globalThis as unknown as Record<string, State<Item> | undefined>;
  const state = (holder[options.key] ??= { queue: [] });
  const flush = async () => {
    clearTimeout(state.timer);
    state.timer = undefined;
    const batch = state.queue.splice(0);
    if (!batch.length) return;
    try {
      await options.write(batch);
    } catch (error) {
      logger.warn(`could not store ${options.what}`, { error, count: batch.length });
    }
  };
  return {
    push(item) {
      state.queue.push(item);
      if (state.queue.length >= options.maxBatch) void flush();
      else state.timer ??= setTimeout(() => void flush(), 1_000);
    },
    flush,
  };
}
