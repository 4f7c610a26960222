/** The public start page: what the Swedish Police do internationally and how to reach them. No login. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const AREAS = ['operational', 'strategic', 'development', 'peace', 'wanted'] as const;

const PHONES = [
  { key: 'emergency', tel: '112', display: '112' },
  { key: 'other', tel: '11414', display: '114 14' },
  { key: 'abroad', tel: '+46771141400', display: '+46 77 114 14 00' },
] as const;

export function PublicPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.title'));
  return (
    <div className="page public-page">
      <section aria-labelledby="public-title" className="public-hero">
        <h1 id="public-title">{t('public.title')}</h1>
        <p className="lead">{t('public.lead')}</p>
        <p>{t('public.areasIntro')}</p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title" className="visually-hidden">
          {t('public.areasTitle')}
        </h2>
        <ul className="area-list">
          {AREAS.map((a) => (
            <li key={a} className="card area">
              <h3>{t(`public.areas.${a}.title`)}</h3>
              <p>{t(`public.areas.${a}.body`)}</p>
              {a === 'wanted' && <p className="muted">{t('public.areas.wanted.fast')}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="contact-title" className="card contact">
        <h2 id="contact-title">{t('public.contact.title')}</h2>
        <ul className="contact-list">
          {PHONES.map((p) => (
            <li key={p.key} className={p.key === 'emergency' ? 'contact-emergency' : undefined}>
              <a href={`tel:${p.tel}`} className="phone">
                {p.display}
              </a>{' '}
              <span>{t(`public.contact.${p.key}`)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="staff-title" className="staff">
        <h2 id="staff-title">{t('public.staff.title')}</h2>
        <p>{t('public.staff.body')}</p>
        <p>
          <Link to="/login" className="button">
            {t('public.staff.login')}
          </Link>
        </p>
      </section>
    </div>
  );
}
