import type { Localized } from '../../contract/i18n';
import { text } from '../rules/texts';

/**
 * The catalogues a data use is told in: registers, categories of data, and purposes. Each purpose
 * belongs to the agencies that may report it; `proactive_offer` is the app's own (its rules). The
 * words are in locales/<lang>/rules.json (`registers`, `dataCategories`, `purposes`).
 */
export const REGISTERS = ['population', 'socialInsurance', 'disability', 'defence', 'healthInsurance', 'tax'] as const;

export const DATA_CATEGORIES = [
  'identity',
  'birthDate',
  'address',
  'family',
  'maritalStatus',
  'citizenship',
  'bankAccount',
  'income',
  'health',
  'disability',
  'pension',
  'defence',
] as const;

/** The rules' own purpose: deciding whether to offer a service. */
export const RULE_PURPOSE = 'proactive_offer';

export const PURPOSES: Record<string, readonly string[]> = {
  population_record: ['siseministeerium'],
  identity_document: ['ppa'],
  family_benefit: ['ska'],
  pension_calculation: ['ska', 'pensionikeskus'],
  disability_assessment: ['ska', 'sotsiaalministeerium'],
  health_insurance: ['tervisekassa'],
  tax_return: ['emta'],
  call_up: ['kaitseressursside-amet', 'kaitsevagi'],
  unemployment_benefit: ['tootukassa'],
  [RULE_PURPOSE]: [],
};

const has = (list: readonly string[], code: string) => list.includes(code);

export const isRegister = (code: string) => has(REGISTERS, code);
export const isDataCategory = (code: string) => has(DATA_CATEGORIES, code);
export const isAgencysPurpose = (code: string, agencyId: string) =>
  Object.hasOwn(PURPOSES, code) && PURPOSES[code].includes(agencyId);

export const registerName = (code: string): Localized => text(`registers.${code}`);
export const categoryName = (code: string): Localized => text(`dataCategories.${code}`);
export const purposeName = (code: string): Localized => text(`purposes.${code}`);
