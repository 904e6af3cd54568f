// LISTEN on a connection of its own, checked out of the store's pool and kept: a notification
// only reaches the session that listens, so a pooled connection handed back would lose them.
// When it drops (the server restarted, a network cut, an idle timeout), it is reconnected with
// backoff and LISTEN is issued again; `onResume` then lets the caller read what it missed. A
// light query every half minute finds a connection that died without saying so.
import type pg from 'pg';

const PROBE_EVERY_MS = 30_000;
const MAX_BACKOFF_MS = 5_000;

export function listenOnPool(
  pool: pg.Pool,
  channel: string,
  onPayload: (payload: string) => void,
  onResume: () => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new RangeError('A channel name is a plain lowercase identifier.');
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let probe: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let backoff = 100;

  const onNotification = (message: pg.Notification) => {
    if (message.channel === channel && typeof message.payload === 'string') onPayload(message.payload);
  };

  function drop(failed: pg.PoolClient, error: unknown) {
    if (client !== failed) return;
    client = undefined;
    clearInterval(probe);
    failed.removeListener('notification', onNotification);
    // Destroys the connection rather than returning it to the pool.
    failed.release(error instanceof Error ? error : new Error('The listening connection was lost.'));
    if (!stopped) schedule();
  }

  function schedule() {
    retry = setTimeout(() => {
      connect().then(
        () => {
          backoff = 100;
          onResume();
        },
        () => schedule(),
      );
    }, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    retry.unref?.();
  }

  async function connect(): Promise<void> {
    const next = await pool.connect();
    if (stopped) return next.release();
    next.on('notification', onNotification);
    next.on('error', (error) => drop(next, error));
    next.on('end', () => drop(next, undefined));
    client = next;
    try {
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      drop(next, error);
      throw error;
    }
    probe = setInterval(() => {
      next.query('SELECT 1').catch((error: unknown) => drop(next, error));
    }, PROBE_EVERY_MS);
    probe.unref?.();
  }

  return connect().then(() => async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(probe);
    const current = client;
    client = undefined;
    if (!current) return;
    current.removeListener('notification', onNotification);
    await current.query(`UNLISTEN ${channel}`).catch(() => {});
    current.release();
  });
}
