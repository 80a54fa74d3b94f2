import type { Maturity, Provision, SubServiceKind } from '../../contract/catalogue';
import { t } from '../../i18n';

export const KIND_ORDER: SubServiceKind[] = ['core', 'convenience', 'exception'];

export const kindTitle = (kind: SubServiceKind) => t(`services.kind.${kind}`);
export const provisionLabel = (provision: Provision) => t(`services.provision.${provision}`);
export const provisionText = (provision: Provision) => t(`services.provision_text.${provision}`);
export const maturityLabel = (maturity: Maturity) => t(`services.maturity.${maturity}`);
