import { childAllowance } from './child-allowance';
import { childBirthAllowance } from './child-birth-allowance';
import { childDisabilityAllowance } from './child-disability-allowance';
import { childParentalBenefit } from './child-parental-benefit';
import { deathSurvivorAllowanceChild } from './death-survivor-allowance-child';
import { defenceCallUp } from './defence-call-up';
import { pensionLivingAloneAllowance } from './pension-living-alone-allowance';
import { pensionOldAgeOffer } from './pension-old-age-offer';
import { type RegisterEventType, Rule } from './schema';
import { settlingAdaptationProgramme } from './settling-adaptation-programme';

/**
 * Every rule, parsed when this module loads (at the server's start): a rule that does not match the
 * schema stops the start with the rule's id and what is wrong.
 */
export const RULE_INPUTS = [
  childBirthAllowance,
  childAllowance,
  childParentalBenefit,
  deathSurvivorAllowanceChild,
  pensionOldAgeOffer,
  pensionLivingAloneAllowance,
  defenceCallUp,
  childDisabilityAllowance,
  settlingAdaptationProgramme,
];

export function parseRules(inputs: unknown[]): Rule[] {
  const rules = inputs.map((input, i) => {
    const parsed = Rule.safeParse(input);
    if (!parsed.success) {
      const id = (input as { id?: string })?.id ?? `#${i}`;
      const issue = parsed.error.issues[0];
      throw new Error(`rule ${id}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
  const ids = rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw new Error('rules: two rules for the same sub-service');
  return rules;
}

export const RULES: readonly Rule[] = parseRules(RULE_INPUTS);

export const rulesFor = (type: RegisterEventType): Rule[] => RULES.filter((r) => r.triggers.includes(type));

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`No rule ${id}`);
  return rule;
}
