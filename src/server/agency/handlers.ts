import { DATA_USE_ANSWERED, DATA_USED, SERVICE_STATUS_CHANGED } from '../../contract/agency-events';
import { dataUseAnswered } from '../data-uses/questions';
import { dataUsed } from '../data-uses/used';
import { mandateEventHandlers } from '../mandates/events';
import { registerEventHandlers } from '../registers/events';
import type { AgencyEventHandlers } from './events';
import { serviceStatusChanged } from './status-changed';

/**
 * Every agency event type the API takes, by type. A new type (e.g. `population.birth_registered`)
 * is a schema in src/contract/agency-events.ts, a handler module here, and one line below; keys are
 * then given it with `npm run agency -- create-key <agency> --events <type>`.
 */
export const agencyEventHandlers: AgencyEventHandlers = {
  [SERVICE_STATUS_CHANGED]: serviceStatusChanged,
  // Register events (population.*, pension.*, defence.*, health.*): cases, steps and proactive offers.
  ...registerEventHandlers,
  // Who may act for whom: custody (population register) and guardianship (court).
  ...mandateEventHandlers,
  // Uses of a person's data, shown on My data.
  [DATA_USED]: dataUsed,
  [DATA_USE_ANSWERED]: dataUseAnswered,
};

export const AGENCY_EVENT_TYPES = Object.keys(agencyEventHandlers);
