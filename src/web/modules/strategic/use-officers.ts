/** The strategic officers, for choosing delegates and action owners. */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Officer } from './types.ts';

export function useOfficers(): Officer[] {
  const [items, setItems] = useState<Officer[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    api<{ items: Officer[] }>('/api/strategic/officers', { signal: ctl.signal }).then((r) => setItems(r.items), () => setItems([]));
    return () => ctl.abort();
  }, []);
  return items;
}
