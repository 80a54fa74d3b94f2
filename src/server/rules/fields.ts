import type { z } from 'zod';
import type { FieldSpec } from './schema';
import { LABEL, REGISTER } from './texts';

/**
 * The prefilled fields more than one rule shows, each written once: its key, label, variable and
 * register. A rule lists them in its own order; a field only one rule has stays in that rule's file.
 */
export const FIELD = {
  name: { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
  personalCode: {
    key: 'personalCode',
    type: 'personalCode',
    label: LABEL.personalCode,
    value: '{{personalCode}}',
    source: REGISTER.population,
    editable: false,
  },
  address: { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: false },
  child: { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
  childPersonalCode: {
    key: 'childPersonalCode',
    label: LABEL.childPersonalCode,
    value: '{{childPersonalCode}}',
    source: REGISTER.population,
    editable: false,
  },
  /** The account the Social Insurance Board pays into; the person may give another. */
  bankAccount: {
    key: 'bankAccount',
    type: 'iban',
    label: LABEL.bankAccount,
    value: '{{bankAccount}}',
    source: REGISTER.socialInsurance,
    editable: true,
  },
} satisfies Record<string, z.input<typeof FieldSpec>>;
