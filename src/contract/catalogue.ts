import { z } from 'zod';
import { Localized } from './i18n';

const Id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'lower-case slug');

export const Maturity = z.enum(['information', 'data_exchange', 'proactive']);
export type Maturity = z.infer<typeof Maturity>;

/** core: part of every case; convenience: optional; exception: only in some situations. */
export const SubServiceKind = z.enum(['core', 'convenience', 'exception']);
export type SubServiceKind = z.infer<typeof SubServiceKind>;

/** automatic: the state decides without an application; consent: proactive, needs the person's yes; application: the person applies (pre-filled form, an official decides). */
export const Provision = z.enum(['automatic', 'consent', 'application']);
export type Provision = z.infer<typeof Provision>;

/** How a person reaches an agency; each part only where the agency publishes it. */
export const AgencyContact = z
  .object({
    phone: z
      .string()
      .regex(/^\+372 [0-9 ]{4,12}$/, 'an Estonian number as +372 …')
      .optional(),
    email: z.email().optional(),
    /** Where to go in person. */
    visit: Localized.optional(),
    /** When the phone or the offices answer. */
    hours: Localized.optional(),
  })
  .strict();
export type AgencyContact = z.infer<typeof AgencyContact>;

export const Agency = z.object({
  id: Id,
  name: Localized,
  url: z.url(),
  contact: AgencyContact.optional(),
});
export type Agency = z.infer<typeof Agency>;

export const SubService = z.object({
  id: Id,
  kind: SubServiceKind,
  provision: Provision,
  agencyId: Id,
  name: Localized,
  description: Localized,
  url: z.url(),
});
export type SubService = z.infer<typeof SubService>;

export const EventService = z.object({
  id: Id,
  ownerAgencyId: Id,
  maturity: Maturity,
  name: Localized,
  description: Localized,
  subServices: z.array(SubService).min(1),
});
export type EventService = z.infer<typeof EventService>;

/** What GET /api/catalogue answers: every text in all four languages, ordered for display. */
export const Catalogue = z
  .object({
    agencies: z.array(Agency),
    eventServices: z.array(EventService),
  })
  .superRefine((cat, ctx) => {
    const agencyIds = new Set(cat.agencies.map((a) => a.id));
    const seen = new Set<string>();
    for (const es of cat.eventServices) {
      if (!agencyIds.has(es.ownerAgencyId)) {
        ctx.addIssue({ code: 'custom', message: `unknown owner agency ${es.ownerAgencyId} of ${es.id}` });
      }
      for (const id of [es.id, ...es.subServices.map((s) => s.id)]) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${id}` });
        seen.add(id);
      }
      for (const sub of es.subServices) {
        if (!agencyIds.has(sub.agencyId)) {
          ctx.addIssue({ code: 'custom', message: `unknown agency ${sub.agencyId} of ${sub.id}` });
        }
      }
    }
  });
export type Catalogue = z.infer<typeof Catalogue>;
