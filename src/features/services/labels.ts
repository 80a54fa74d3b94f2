import type { Maturity, Provision, SubServiceKind } from '../../contract/catalogue';
import { t } from '../../i18n';

export const KIND_ORDER: SubServiceKind[] = ['core', 'convenience', 'exception'];

/** The heading of a group of sub-services of one kind ("Main services"). */
export const kindTitle = (kind: SubServiceKind) => t(`services.kind.${kind}`);
/** The kind of one sub-service ("Main service"). */
export const kindLabel = (kind: SubServiceKind) => t(`services.kind_single.${kind}`);
export const provisionLabel = (provision: Provision) => t(`services.provision.${provision}`);
export const provisionText = (provision: Provision) => t(`services.provision_text.${provision}`);
export const maturityLabel = (maturity: Maturity) => t(`services.maturity.${maturity}`);
