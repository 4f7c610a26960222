/** The register's API types as the web app receives them (inferred from the shared zod schemas). */
import type { z } from 'zod';
import type { clocksList, publicWantedList, wantedList } from '../../../shared/wanted.schemas.ts';

export type { WantedDetail, WantedActionName, WarrantKind } from '../../../shared/wanted.schemas.ts';
export type WantedList = z.infer<typeof wantedList>;
export type ClocksList = z.infer<typeof clocksList>;
export type PublicWantedList = z.infer<typeof publicWantedList>;
