import type { AgentOptions } from 'node:https';
import type { Database } from '../db/database';
import { notifyDueFeedbackRequests } from '../feedback/requests';
import type { Logger } from '../log';
import { settleDueOffers } from '../offers/settle';
import { createPushSender } from '../push/sender';
import type { VapidKeys } from '../push/vapid';
import { pruneRetained } from './retention';
import { createJobRunner, type Job } from './runner';

export type { Job, JobRunner, JobStatus } from './runner';
export { createJobRunner, jobStatuses } from './runner';

/** Every background task of the server, in one place. */
export function backgroundJobs({
  db,
  vapid,
  log,
  tls,
}: {
  db: Database;
  vapid: VapidKeys;
  log: Logger;
  /** For tests: TLS options of the push sender's agents (e.g. a mock push service's certificate). */
  tls?: AgentOptions;
}): Job[] {
  const pushSender = createPushSender({ db, vapid, log, tls });
  return [
    // Every process sends: deliveries are claimed with FOR UPDATE SKIP LOCKED, each by one process.
    { name: 'push', everyMs: 2_000, shared: true, run: pushSender.runOnce },
    { name: 'feedback-notices', everyMs: 60_000, run: () => notifyDueFeedbackRequests(db) },
    // Offers past their deadline: automatic ones are granted, consent ones lapse.
    { name: 'settle-offers', everyMs: 3_600_000, run: () => settleDueOffers(db) },
    { name: 'retention', everyMs: 3_600_000, run: () => pruneRetained(db) },
  ];
}

export function startJobs(deps: Parameters<typeof backgroundJobs>[0]) {
  const runner = createJobRunner({ db: deps.db, log: deps.log, jobs: backgroundJobs(deps) });
  runner.start();
  return runner;
}
