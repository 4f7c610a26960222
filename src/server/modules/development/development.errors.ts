/** Error codes of the development module; messages live under `development.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const developmentErrors = {
  notFound: () => new DomainError('not_found', 'development.project_not_found'),
  staleVersion: () => new DomainError('conflict', 'development.stale_version'),
  notPermitted: (action: string, status: string) => new DomainError('conflict', 'development.action_not_permitted', { action, status }),
  /** Rules broken by the input: one field issue each, with the same code as the error. */
  invalid: (code: string, paths: string | string[], params: Record<string, string | number> = {}) =>
    new DomainError('validation', `development.${code}`, params,
      (Array.isArray(paths) ? paths : [paths]).map((path) => ({ path, code: `development.${code}`, params }) as FieldIssue)),
};
