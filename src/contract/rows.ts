import type { z } from 'zod';
import { CaseRow, StepRow } from './cases';
import { DataUseRow } from './data-uses';
import { FeedbackRequestRow } from './feedback';
import { MandateRow } from './mandates';
import { OfferRow } from './offers';
import { NotificationRow, ProfileRow, SettingsRow } from './person';
import type { Entity } from './sync';

/** The row schema of each entity of the change log: the client checks every row it is sent against it. */
export const ROW_SCHEMAS = {
  profile: ProfileRow,
  settings: SettingsRow,
  case: CaseRow,
  step: StepRow,
  offer: OfferRow,
  notification: NotificationRow,
  feedback_request: FeedbackRequestRow,
  mandate: MandateRow,
  data_use: DataUseRow,
} as const satisfies Record<Entity, z.ZodType>;
