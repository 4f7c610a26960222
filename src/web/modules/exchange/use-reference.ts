/** Authorities, users and units for pickers (`GET /api/reference`), fetched once per page load. */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Reference } from './types.ts';

const EMPTY: Reference = { authorities: [], users: [], units: [] };
let cache: Promise<Reference> | null = null;

export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>(EMPTY);
  useEffect(() => {
    let alive = true;
    cache ??= api<Reference>('/api/reference').catch((err: unknown) => {
      cache = null; // try again next time
      throw err;
    });
    cache.then((r) => alive && setRef({ ...EMPTY, ...r })).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return ref;
}
