/**
 * The flag on a hit whose target is a wanted person under a running surrender clock: FAST officers see which
 * clock and when it falls due (Europe/Stockholm); others only that FAST holds such a record and must be contacted.
 */
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { hitView } from '../../../shared/exchange.schemas.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';

export function WantedClockFlag({ flag }: { flag: z.infer<typeof hitView>['wantedClock'] }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <div className="alert alert-warning" role="note" data-testid="hit-wanted-clock">
      <p>
        <strong>
          <span aria-hidden="true">⏱ </span>
          {t('matching.hits.wantedClock.title')}
        </strong>
      </p>
      {flag.clock && <p>{t(`matching.hits.wantedClock.${flag.clock}`, { due: formatDateTime(flag.dueAt, currentLanguage()) })}</p>}
      <p>{t('matching.hits.wantedClock.contact')}</p>
    </div>
  );
}
