import { z } from 'zod';
import { LangSchema, Localized } from './i18n';
import { safeText } from './text';

/** The `profile` row (id 'me') the client mirrors: who is signed in. */
export const ProfileRow = z.object({
  id: z.literal('me'),
  personId: z.uuid(),
  givenName: safeText(),
  familyName: safeText(),
  personalCode: safeText(),
  birthDate: safeText(),
});
export type ProfileRow = z.infer<typeof ProfileRow>;

export const NotificationTopic = z.enum(['offer', 'status', 'deadline', 'feedback', 'general']);
export type NotificationTopic = z.infer<typeof NotificationTopic>;

/** The topics a person can choose to get pushes about (in the app they always see everything). */
export const PUSH_TOPICS = ['offer', 'status', 'deadline', 'feedback'] as const;
export type PushTopic = (typeof PUSH_TOPICS)[number];

const HHMM = safeText().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const PushPreferences = z.object({
  offer: z.boolean(),
  status: z.boolean(),
  deadline: z.boolean(),
  feedback: z.boolean(),
});
export type PushPreferences = z.infer<typeof PushPreferences>;

export const QuietHoursSchema = z.object({ start: HHMM, end: HHMM }).nullable();

export const DEFAULT_PUSH: PushPreferences = { offer: true, status: true, deadline: true, feedback: false };

/** The `settings` row (id 'settings'). */
export const SettingsRow = z.object({
  id: z.literal('settings'),
  language: LangSchema,
  push: PushPreferences,
  /** Pushes that are not urgent wait until these hours end (Tallinn time); null: no quiet hours. */
  quietHours: QuietHoursSchema,
});
export type SettingsRow = z.infer<typeof SettingsRow>;

export const SettingsUpdate = z
  .object({ language: LangSchema, push: PushPreferences.partial().strict(), quietHours: QuietHoursSchema })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const NotificationRow = z.object({
  id: z.uuid(),
  topic: NotificationTopic,
  title: Localized,
  body: Localized,
  link: safeText().nullable(),
  createdAt: safeText(),
  readAt: safeText().nullable(),
});
export type NotificationRow = z.infer<typeof NotificationRow>;

export const NotificationReadPayload = z.object({ notificationId: z.uuid() }).strict();
