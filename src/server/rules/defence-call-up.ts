import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { ruleTexts, text } from './texts';

/**
 * Call-up to conscript service: Estonian male citizens of 18–27. A duty, not an offer one may refuse:
 * the person checks and corrects the details; deferral and alternative service are the agency's applications.
 */
export const defenceCallUp: RuleInput = {
  id: 'defence-call-up',
  subServiceId: 'defence-call-up',
  eventServiceId: 'defence-service',
  agencyId: 'kaitseressursside-amet',
  triggers: ['defence.call_up_age_reached'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [
    { kind: 'fact', path: 'sex', op: 'in', values: ['male'] },
    { kind: 'fact', path: 'citizenship', op: 'in', values: ['EE'] },
    { kind: 'age', of: 'person', min: 18, under: 28 },
  ],
  kind: 'duty',
  heading: text('rules.defence-call-up.heading'),
  links: [
    { label: text('rules.defence-call-up.links.deferral'), url: 'https://kra.ee/ajateenistus/ajapikendus/' },
    { label: text('rules.defence-call-up.links.alternative'), url: 'https://kra.ee/ajateenistus/asendusteenistus/' },
  ],
  deadlineDays: 30,
  fields: [FIELD.name, FIELD.personalCode, { ...FIELD.address, editable: true }],
  ...ruleTexts('defence-call-up'),
};
