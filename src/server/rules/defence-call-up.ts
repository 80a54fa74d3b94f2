import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/**
 * Call-up to conscript service: Estonian male citizens of 18–27. A duty, not an offer one may refuse:
 * the person checks the details (deferral and alternative service are their own applications).
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
  kind: 'automatic',
  declinable: false,
  deadlineDays: 30,
  fields: [
    { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
    {
      key: 'personalCode',
      label: LABEL.personalCode,
      value: '{{personalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: true },
  ],
  legalBasis: t(
    'Kaitseväeteenistuse seadus (ajateenistusse kutsumine)',
    'Defence Service Act (call-up to conscript service)',
    'Kaitseväeteenistuse seadus (Закон о службе в Силах обороны: призыв на срочную службу)',
    'Kaitseväeteenistuse seadus (Закон про службу в Силах оборони: призов на строкову службу)',
  ),
  dataBasis: t(
    'Kaitseväekohustuslaste registri andmetel oled Eesti kodanik ja sündinud {{birthDate}}, seega oled kutseealine. Kaitseressursside Amet kutsub sind ajateenistusse. Kontrolli oma andmeid; ajapikendust või asendusteenistust saad taotleda eraldi.',
    'The register of persons liable to defence service shows that you are an Estonian citizen born on {{birthDate}}, so you are of call-up age. The Estonian Defence Resources Agency is calling you up to conscript service. Check your details; you can apply for a deferral or alternative service separately.',
    'По данным регистра военнообязанных вы гражданин Эстонии, родившийся {{birthDate}}, и достигли призывного возраста. Департамент оборонных ресурсов призывает вас на срочную службу. Проверьте свои данные; отсрочку или альтернативную службу можно запросить отдельно.',
    'За даними реєстру військовозобов’язаних ви громадянин Естонії, народжений {{birthDate}}, і досягли призовного віку. Департамент оборонних ресурсів призиває вас на строкову службу. Перевірте свої дані; відстрочку чи альтернативну службу можна запросити окремо.',
  ),
};
