import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { CONSEQUENCES, LABEL, REGISTER, ruleTexts } from './texts';

/** Disabled child allowance: once a disability is assessed for a child under 16, offered to one parent, with consent. */
export const childDisabilityAllowance: RuleInput = {
  id: 'child-disability-allowance',
  subServiceId: 'child-disability-allowance',
  eventServiceId: 'child-with-health-impairment',
  agencyId: 'ska',
  triggers: ['health.disability_assessed'],
  audience: ['parent'],
  per: 'subject',
  recipients: 'first_eligible',
  conditions: [
    { kind: 'subject_disability', values: ['moderate', 'severe', 'profound'] },
    { kind: 'age', of: 'subject', under: 16 },
    { kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] },
  ],
  kind: 'consent',
  deadlineDays: 30,
  fields: [
    FIELD.child,
    { key: 'severity', label: LABEL.severity, value: '{{severity}}', source: REGISTER.disability, editable: false },
    FIELD.bankAccount,
  ],
  consequences: CONSEQUENCES.consent,
  undoDecline: true,
  ...ruleTexts('child-disability-allowance'),
};
