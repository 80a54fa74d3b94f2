import { z } from 'zod';
import { safeText } from './text';

const base64url = safeText().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url');

/** What the browser's PushSubscription.toJSON() gives, plus an optional name for the device. */
export const PushSubscriptionInput = z.object({
  endpoint: z.url({ protocol: /^https$/ }).max(2048),
  keys: z.object({ p256dh: base64url.min(80).max(100), auth: base64url.min(16).max(32) }),
  deviceLabel: safeText().trim().max(100).optional(),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export interface PushSubscriptionInfo {
  id: string;
  deviceLabel: string | null;
  createdAt: string;
  lastSentAt: string | null;
}
