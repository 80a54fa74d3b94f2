import type { Database } from '../db/database';
import { scheduleFeedback } from '../feedback/requests';

const KADRI = '24304142717';

/** The new parent is asked about the child allowance she received: the demo of the feedback question. */
export async function seedDemoFeedback(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ person_id: string; step_id: string; event_service_id: string }>(
      `SELECT s.person_id, s.id AS step_id, c.event_service_id
       FROM steps s JOIN cases c ON c.id = s.case_id JOIN persons p ON p.id = s.person_id
       WHERE p.personal_code = $1 AND s.sub_service_id = 'child-allowance' AND s.status = 'completed'
         AND NOT EXISTS (SELECT 1 FROM feedback_requests f WHERE f.person_id = s.person_id)`,
      [KADRI],
    );
    const step = rows[0];
    if (!step) return;
    await scheduleFeedback(
      tx,
      {
        personId: step.person_id,
        stepId: step.step_id,
        subServiceId: 'child-allowance',
        agencyId: 'ska',
        eventServiceId: step.event_service_id,
      },
      new Date(Date.now() - 2 * 86_400_000),
    );
  });
}
