import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/** Settle in Estonia adaptation programme: offered to foreigners whose residence in Estonia began under 5 years ago. */
export const settlingAdaptationProgramme: RuleInput = {
  id: 'settling-adaptation-programme',
  subServiceId: 'settling-adaptation-programme',
  eventServiceId: 'settling-in-estonia',
  agencyId: 'integratsiooni-sihtasutus',
  triggers: ['population.residence_registered'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [
    { kind: 'fact', path: 'citizenship', op: 'not_in', values: ['EE'] },
    { kind: 'resident_since', withinYears: 5 },
  ],
  kind: 'consent',
  deadlineDays: 60,
  fields: [
    { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
    { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: false },
  ],
  legalBasis: t(
    'Välismaalaste seadus (kohanemisprogramm)',
    'Aliens Act (adaptation programme)',
    'Välismaalaste seadus (Закон об иностранцах: программа адаптации)',
    'Välismaalaste seadus (Закон про іноземців: програма адаптації)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel elad Eestis alates {{residentSince}} ({{address}}). Esimestel aastatel Eestis on sul õigus tasuta kohanemisprogrammile „Settle in Estonia“: moodulid ja eesti keele algõpe.',
    'The population register shows that you have lived in Estonia since {{residentSince}} ({{address}}). In your first years in Estonia you are entitled to the free “Settle in Estonia” adaptation programme: modules and a beginners’ Estonian course.',
    'По данным регистра народонаселения вы живёте в Эстонии с {{residentSince}} ({{address}}). В первые годы в Эстонии вы имеете право на бесплатную программу адаптации «Settle in Estonia»: модули и начальный курс эстонского языка.',
    'За даними реєстру населення ви проживаєте в Естонії з {{residentSince}} ({{address}}). У перші роки в Естонії ви маєте право на безкоштовну програму адаптації «Settle in Estonia»: модулі та початковий курс естонської мови.',
  ),
};
