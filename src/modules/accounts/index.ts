/** The accounts module's one entry: what other modules and the composition root may use. */

export type { PasswordHasher } from './passwords.js';
export { argon2idHasher } from './passwords.js';
export { accountsReasons } from './reasons.js';
export { accountsRoutes } from './routes.js';
export type { Language, Role } from './rules.js';
export { LOGIN_LIMIT, languageFromHeader, RESET_LINK_MINUTES, ROLES } from './rules.js';
export type { AccountAdminView, PublicUser } from './schemas.js';
export { AccountAdminSchema, SessionSchema, UserSchema } from './schemas.js';
export type { AccountsService, Actor, PeopleFilter, ResetMail } from './service.js';
export { createAccountsService } from './service.js';
