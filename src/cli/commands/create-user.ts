/** `polsam create-user`: creates an account, e.g. the first administrator on PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../shared/domain.ts';
import { createUser } from '../../server/modules/identity/index.ts';
import { parseArgs, withDatabase, type CliCommand } from '../cli.ts';

export const createUserCommand: CliCommand = {
  name: 'create-user',
  usage: 'create-user --username U --roles r1,r2 [--unit SPOC] [--name N]',
  summary: 'create an account; prints a generated password once',
  async run(args) {
    const { values } = parseArgs({ args, options: { username: { type: 'string' }, roles: { type: 'string' }, unit: { type: 'string', default: 'SPOC' }, name: { type: 'string' } } });
    if (!values.username || !values.roles) throw new Error('--username and --roles are required');
    const roles = values.roles.split(',').map((r) => r.trim());
    const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}; roles are ${ROLES.join(', ')}`);
    const password = randomBytes(12).toString('base64url');
    await withDatabase((ctx) => createUser(ctx, { username: values.username!, displayName: values.name ?? values.username!, password, roles: roles as Role[], unitCode: values.unit!, locale: 'sv' }, { mustChangePassword: true }));
    console.log(`Created "${values.username}" with password "${password}" (shown once; it must be changed at first login).`);
  },
};
