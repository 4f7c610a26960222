/**
 * The other records a person is known to be (merged by officers' confirmed hits): kind and reference, and the
 * name where the user has need-to-know (the server withholds it otherwise).
 */
import { useTranslation } from 'react-i18next';
import type { LinkedRecord } from '../../../shared/matching.schemas.ts';

export function LinkedRecords({ linked }: { linked: LinkedRecord[] }) {
  const { t } = useTranslation();
  if (!linked.length) return null;
  return (
    <p className="small linked-records" data-testid="linked-records">
      <span className="linked-label">{t('matching.hits.linked')}:</span>{' '}
      {linked.map((l, i) => (
        <span key={`${l.kind}-${l.id}`} data-testid="linked-record">
          {i > 0 && '; '}
          {t('matching.hits.linkedItem', { kind: t(`matching.kinds.${l.kind}`, { defaultValue: l.kind }), reference: l.reference })}
          {l.name && (
            <>
              {' · '}
              <bdi>{l.name}</bdi>
            </>
          )}
        </span>
      ))}
    </p>
  );
}
