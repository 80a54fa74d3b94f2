import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

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
    { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
    { key: 'severity', label: LABEL.severity, value: '{{severity}}', source: REGISTER.disability, editable: false },
    {
      key: 'bankAccount',
      label: LABEL.bankAccount,
      value: '{{bankAccount}}',
      source: REGISTER.socialInsurance,
      editable: true,
    },
  ],
  legalBasis: t(
    'Puuetega inimeste sotsiaaltoetuste seadus § 6 (puudega lapse toetus)',
    'Social Benefits for Disabled Persons Act § 6 (disabled child allowance)',
    'Puuetega inimeste sotsiaaltoetuste seadus § 6 (Закон о социальных пособиях для людей с инвалидностью: пособие ребёнку с инвалидностью)',
    'Puuetega inimeste sotsiaaltoetuste seadus § 6 (Закон про соціальні допомоги особам з інвалідністю: допомога дитині з інвалідністю)',
  ),
  dataBasis: t(
    'Sotsiaalkindlustusamet tuvastas {{assessedOn}}, et sinu lapsel {{childName}} on {{severity}} puue. Alla 16-aastase puudega lapse vanemal on õigus puudega lapse toetusele. Nõustu, siis määratakse toetus ilma eraldi taotluseta.',
    'On {{assessedOn}} the Social Insurance Board assessed that your child {{childName}} has a {{severity}} disability. The parent of a disabled child under 16 is entitled to the disabled child allowance. Accept, and it is granted without a separate application.',
    '{{assessedOn}} Департамент социального страхования установил, что у вашего ребёнка {{childName}} {{severity}} степень инвалидности. Родитель ребёнка с инвалидностью младше 16 лет имеет право на пособие. Согласитесь, и оно будет назначено без отдельного заявления.',
    '{{assessedOn}} Департамент соціального страхування встановив, що ваша дитина {{childName}} має {{severity}} ступінь інвалідності. Батьки дитини з інвалідністю до 16 років мають право на допомогу. Погодьтеся, і її буде призначено без окремої заяви.',
  ),
};
