/**
 * LISTEN on a channel for the life of the process: the way one process hears at once what another committed (a
 * trigger's pg_notify is delivered at its transaction's commit, and only then). On PostgreSQL a dedicated connection
 * LISTENs; when it drops, `onGap` is called (what was cached may have missed a notice) and it reconnects. PGlite,
 * one process, delivers its own notices through its listen API.
 */
import type pg from 'pg';
import type { Database } from './db.js';

export interface Listening {
  /** True while notices arrive: a cache may trust its entries only then. */
  live(): boolean;
  stop(): Promise<void>;
}

export async function listenTo(
  database: Database,
  channel: string,
  handlers: { onNotice: (payload: string) => void; onGap: () => void; reconnectMs?: number },
): Promise<Listening> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  if (database.kind === 'pglite' && database.pglite) {
    const unlisten = await database.pglite.listen(channel, handlers.onNotice);
    return { live: () => true, stop: () => unlisten() };
  }
  const connect = database.connectDedicated;
  if (!connect) throw new Error('PostgreSQL database without dedicated connections');
  const reconnectMs = handlers.reconnectMs ?? 1_000;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const open = async (): Promise<void> => {
    let c: pg.Client | null = null;
    try {
      c = await connect();
      c.on('notification', (n) => {
        if (n.channel === channel) handlers.onNotice(n.payload ?? '');
      });
      const opened = c;
      c.on('end', () => {
        if (client === opened) client = null;
        handlers.onGap();
        if (!stopped) retry();
      });
      await c.query(`LISTEN ${channel}`);
      client = c;
      // Whatever changed while nobody listened is unknown: start from nothing.
      handlers.onGap();
    } catch {
      await c?.end().catch(() => undefined);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void open();
    }, reconnectMs);
    timer.unref();
  };
  await open();
  return {
    live: () => client !== null,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
