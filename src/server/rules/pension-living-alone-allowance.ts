import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/**
 * Allowance for pensioners living alone: zero-touch for those reaching pension age who have no spouse
 * (the population register's marital status stands in for "living alone" until the address data is used).
 */
export const pensionLivingAloneAllowance: RuleInput = {
  id: 'pension-living-alone-allowance',
  subServiceId: 'pension-living-alone-allowance',
  eventServiceId: 'retirement',
  agencyId: 'ska',
  triggers: ['pension.age_approaching'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [
    { kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] },
    { kind: 'fact', path: 'maritalStatus', op: 'in', values: ['single', 'divorced', 'widowed'] },
  ],
  kind: 'automatic',
  deadlineDays: 30,
  fields: [
    { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
    { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: false },
    {
      key: 'bankAccount',
      label: LABEL.bankAccount,
      value: '{{bankAccount}}',
      source: REGISTER.socialInsurance,
      editable: true,
    },
  ],
  legalBasis: t(
    'Riikliku pensionikindlustuse seadus (üksi elava pensionäri toetus)',
    'State Pension Insurance Act (allowance for pensioners living alone)',
    'Riikliku pensionikindlustuse seadus (Закон о государственном пенсионном страховании: пособие одиноко проживающему пенсионеру)',
    'Riikliku pensionikindlustuse seadus (Закон про державне пенсійне страхування: допомога пенсіонерам, які проживають самі)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel jõuad pensioniikka {{pensionDate}} ja elad üksi. Üksi elava pensionäri toetust makstakse kord aastas ilma avalduseta, kui sa sellest ei loobu.',
    'The population register shows that you reach pension age on {{pensionDate}} and live alone. The allowance for pensioners living alone is paid once a year without an application, unless you decline it.',
    'По данным регистра народонаселения вы достигнете пенсионного возраста {{pensionDate}} и живёте одни. Пособие одиноко проживающему пенсионеру выплачивается раз в год без заявления, если вы от него не откажетесь.',
    'За даними реєстру населення ви досягнете пенсійного віку {{pensionDate}} і проживаєте самі. Допомогу пенсіонерам, які проживають самі, виплачують раз на рік без заяви, якщо ви від неї не відмовитеся.',
  ),
};
