/**
 * Where each rule's legal basis is in Riigi Teataja: the act, with `?leiaKehtiv` (its version in force
 * today) and the section's anchor where the section is certain. Only addresses seen in a source are
 * here; a rule without one shows its legal basis as text. Riigi Teataja names an act by its id or by its
 * abbreviation (`/akt/TLS?leiaKehtiv#para95` is the form); its anchors are `#para<n>`, a superscript as
 * `b<n>` (`#para152b9`). The acts:
 * - Perehüvitiste seadus 108072016001 (RT I, 08.07.2016, 1)
 * - Riikliku pensionikindlustuse seadus RPKS (§ 7 the right to an old-age pension, § 20 the survivor's pension)
 * - Puuetega inimeste sotsiaaltoetuste seadus 13114771
 * - Välismaalaste seadus VMS (§ 223¹ the adaptation programme: the programme's regulation cites it)
 * Kaitseväeteenistuse seadus: only its English translation's address was found
 * (/en/eli/ee/507012015002/consolide/current), not the Estonian act's, so defence-call-up has none.
 */
const RT = 'https://www.riigiteataja.ee/akt/';

export const LEGAL_BASIS_URL: Record<string, string> = {
  'child-birth-allowance': `${RT}108072016001?leiaKehtiv#para22`,
  'child-allowance': `${RT}108072016001?leiaKehtiv#para17`,
  'child-parental-benefit': `${RT}108072016001?leiaKehtiv`,
  'death-survivor-allowance-child': `${RT}RPKS?leiaKehtiv#para20`,
  'pension-old-age-offer': `${RT}RPKS?leiaKehtiv#para7`,
  'pension-living-alone-allowance': `${RT}RPKS?leiaKehtiv`,
  'child-disability-allowance': `${RT}13114771?leiaKehtiv#para6`,
  'settling-adaptation-programme': `${RT}VMS?leiaKehtiv#para223b1`,
};
