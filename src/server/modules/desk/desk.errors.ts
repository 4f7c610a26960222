/** Error codes of the desk module; messages live under `desk.errors.*` in both catalogs. */
import { DomainError } from '../../platform/errors.ts';

export const deskErrors = {
  /** Roles that see no cases get "not found", as for a case they may not see. */
  notFound: () => new DomainError('not_found', 'not_found'),
  datesOutOfOrder: () => new DomainError('validation', 'desk.dates_out_of_order', {}, [{ path: 'receivedTo', code: 'desk.dates_out_of_order' }]),
  notPermitted: () => new DomainError('forbidden', 'desk.handover_not_permitted'),
};
