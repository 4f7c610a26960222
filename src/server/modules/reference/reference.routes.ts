/** Reference data for forms: authorities, units, assignable users. */
import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { requireActor, requireRole } from '../../http/auth.ts';
import { listAllUnits, listUnitUsers } from '../identity/index.ts';
import { authorityInput, listAuthorities, saveAuthority } from './reference.service.ts';

const authority = z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() });

export async function registerReferenceRoutes(app: App) {
  app.get('/api/reference', {
    schema: {
      tags: ['reference'],
      response: { 200: z.object({ authorities: z.array(authority), units: z.array(z.object({ id: z.uuid(), name: z.string() })), users: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) },
    },
  }, async (request) => {
    const ctx = requireActor(request);
    const [authorities, units, users] = await Promise.all([listAuthorities(ctx), listAllUnits(ctx), listUnitUsers(ctx, ctx.actor.unitId)]);
    return { authorities, units: units.map((u) => ({ id: u.id, name: u.name })), users: users.map((u) => ({ id: u.id, displayName: u.displayName })) };
  });

  app.put('/api/admin/authorities', { schema: { tags: ['admin'], body: authorityInput, response: { 200: z.object({ id: z.uuid() }) } } },
    async (request) => ({ id: (await saveAuthority(requireRole(request, 'administrator'), request.body)).id }));
}
