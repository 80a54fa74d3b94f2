import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Logger } from '../log';

/** One background task. `run` does one unit of work and says how many things it handled. */
export interface Job {
  name: string;
  /** How long to wait after a run that found nothing to do. */
  everyMs: number;
  /**
   * False (default): one process at a time runs it, by a lease in the `jobs` table. True: every process
   * may run it at once, as it shares its work out itself (FOR UPDATE SKIP LOCKED).
   */
  shared?: boolean;
  run(): Promise<number>;
}

export interface JobStatus {
  name: string;
  runs: number;
  handled: number;
  failures: number;
  lastOkAt: string | null;
  lastError: string | null;
}

/** Waits after a failed run: 5 s, 10 s, 20 s … at most 10 minutes. */
export const backoffMs = (failures: number) => Math.min(600_000, 5_000 * 2 ** Math.max(0, failures - 1));

const LEASE_SECONDS = 300;
/** However long a job's period, a process looks at least this often whether it is due. */
const POLL_MS = 5_000;

/**
 * Runs the jobs: each on its own loop; a run that handled something is followed by another at once
 * (so a cohort of a million offers is settled in one go), an idle one waits `everyMs`, a failed one
 * waits with back-off. Leases make a job run in one process at a time across all API processes, and
 * `next_run_at` is shared, so N processes do not run a daily job N times a day.
 */
export function createJobRunner({ db, log, jobs }: { db: Queryable; log: Logger; jobs: Job[] }) {
  const owner = randomUUID();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = true;
  let running = 0;
  let idle: (() => void) | undefined;

  async function claim(job: Job): Promise<boolean> {
    await db.query('INSERT INTO jobs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [job.name]);
    const { rows } = await db.query(
      `UPDATE jobs SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE name = $1 AND next_run_at <= now()
         AND ($4 OR lease_until IS NULL OR lease_until < now() OR lease_owner = $2)
       RETURNING name`,
      [job.name, owner, LEASE_SECONDS, job.shared ?? false],
    );
    return rows.length > 0;
  }

  /** Runs the job once if it is due and this process gets its lease; returns what it handled, or null. */
  async function runOnce(job: Job): Promise<number | null> {
    if (!(await claim(job))) return null;
    const started = Date.now();
    try {
      const handled = await job.run();
      await db.query(
        `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, failures = 0, runs = runs + 1,
           handled = handled + $2, last_run_at = now(), last_ok_at = now(), last_error = NULL,
           next_run_at = now() + make_interval(secs => $3)
         WHERE name = $1`,
        [job.name, handled, handled > 0 || job.shared ? 0 : job.everyMs / 1000],
      );
      if (handled > 0) log.info({ job: job.name, handled, ms: Date.now() - started }, 'job ran');
      return handled;
    } catch (error) {
      const { rows } = await db.query<{ failures: number }>(
        `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, failures = failures + 1, runs = runs + 1,
           last_run_at = now(), last_error = $2
         WHERE name = $1 RETURNING failures`,
        [job.name, error instanceof Error ? error.message : String(error)],
      );
      const failures = rows[0]?.failures ?? 1;
      await db.query('UPDATE jobs SET next_run_at = now() + make_interval(secs => $2) WHERE name = $1', [
        job.name,
        backoffMs(failures) / 1000,
      ]);
      log.error({ err: error, job: job.name, failures }, 'job failed: retrying with back-off');
      throw error;
    }
  }

  function schedule(job: Job, delayMs: number) {
    if (stopped) return;
    timers.set(
      job.name,
      setTimeout(async () => {
        running++;
        let next = Math.min(job.everyMs, POLL_MS);
        try {
          const handled = await runOnce(job);
          if (handled) next = 0;
        } catch {
          // logged and counted in runOnce; the back-off is in next_run_at
        } finally {
          running--;
          if (running === 0) idle?.();
        }
        schedule(job, next);
      }, delayMs),
    );
  }

  return {
    jobs,
    runOnce,
    start() {
      stopped = false;
      for (const job of jobs) schedule(job, 0);
    },
    /** Starts no new run, and resolves once the runs under way have finished. */
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      if (running > 0) await new Promise<void>((done) => (idle = done));
    },
    get started() {
      return !stopped;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/** Every job's counts, for /api/ready. */
export async function jobStatuses(db: Queryable): Promise<JobStatus[]> {
  const { rows } = await db.query<{
    name: string;
    runs: string | number;
    handled: string | number;
    failures: number;
    last_ok_at: Date | string | null;
    last_error: string | null;
  }>('SELECT name, runs, handled, failures, last_ok_at, last_error FROM jobs ORDER BY name');
  return rows.map((r) => ({
    name: r.name,
    runs: Number(r.runs),
    handled: Number(r.handled),
    failures: r.failures,
    lastOkAt: r.last_ok_at ? new Date(r.last_ok_at).toISOString() : null,
    lastError: r.last_error,
  }));
}
