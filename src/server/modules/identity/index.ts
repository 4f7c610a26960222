/** The identity module's public surface. */
export { registerIdentityRoutes } from './identity.routes.ts';
export {
  createUser, ensureUnit, resolveSession, listUnitUsers, listAllUnits, userCount, hashPassword, findUserById,
  type CreateUserInput,
} from './identity.service.ts';
export { appUser, unit } from './identity.schema.ts';
export { findUnitByCode } from './identity.repository.ts';
