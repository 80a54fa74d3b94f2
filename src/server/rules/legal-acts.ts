/**
 * Where each rule's legal basis is in Riigi Teataja: the act, with `?leiaKehtiv` (its version in force
 * today) and the section's anchor where the section is certain. Only addresses seen in a source are
 * here; a rule without one shows its legal basis as text. The acts' ids:
 * - Perehüvitiste seadus 108072016001 (RT I, 08.07.2016, 1)
 * - Riikliku pensionikindlustuse seadus 112062025011 (a consolidated text of it)
 * - Puuetega inimeste sotsiaaltoetuste seadus 13114771
 * - Välismaalaste seadus: by its abbreviation, VMS
 * Kaitseväeteenistuse seadus: its current act's address was not found, so defence-call-up has none.
 */
const RT = 'https://www.riigiteataja.ee/akt/';

export const LEGAL_BASIS_URL: Record<string, string> = {
  'child-birth-allowance': `${RT}108072016001?leiaKehtiv#para22`,
  'child-allowance': `${RT}108072016001?leiaKehtiv#para17`,
  'child-parental-benefit': `${RT}108072016001?leiaKehtiv`,
  'death-survivor-allowance-child': `${RT}112062025011?leiaKehtiv#para20`,
  'pension-old-age-offer': `${RT}112062025011?leiaKehtiv#para7`,
  'pension-living-alone-allowance': `${RT}112062025011?leiaKehtiv`,
  'child-disability-allowance': `${RT}13114771?leiaKehtiv#para6`,
  'settling-adaptation-programme': `${RT}VMS?leiaKehtiv#para223b1`,
};
