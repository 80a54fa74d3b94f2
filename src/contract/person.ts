import { z } from 'zod';
import { LangSchema, Localized } from './i18n';

/** The `profile` row (id 'me') the client mirrors: who is signed in. */
export const ProfileRow = z.object({
  id: z.literal('me'),
  personId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  personalCode: z.string(),
  birthDate: z.string(),
});
export type ProfileRow = z.infer<typeof ProfileRow>;

/** The `settings` row (id 'settings'). */
export const SettingsRow = z.object({
  id: z.literal('settings'),
  language: LangSchema,
});
export type SettingsRow = z.infer<typeof SettingsRow>;

export const SettingsUpdate = z.object({ language: LangSchema }).partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const NotificationTopic = z.enum(['offer', 'status', 'deadline', 'feedback', 'general']);
export type NotificationTopic = z.infer<typeof NotificationTopic>;

export const NotificationRow = z.object({
  id: z.uuid(),
  topic: NotificationTopic,
  title: Localized,
  body: Localized,
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationRow = z.infer<typeof NotificationRow>;

export const NotificationReadPayload = z.object({ notificationId: z.uuid() }).strict();
