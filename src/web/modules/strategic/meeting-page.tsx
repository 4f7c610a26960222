/** A meeting at /strategic/meetings/:id: when and where (Stockholm time), agenda, instruction, report, actions, documents. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionsPanel, AttachmentsPanel, ReportPanel } from './meeting-panels.tsx';
import { InstructionPanel } from './instruction-panel.tsx';
import type { MeetingDetail } from './types.ts';

/** Posts an action on the meeting; on a conflict (someone else was first) the meeting is reloaded before the error shows. */
export type Post = (url: string, body: unknown) => Promise<void>;

export function MeetingPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [notFound, setNotFound] = useState(false);
  useDocumentTitle(m ? `${m.groupCode}: ${m.title}` : t('strategic.title'));

  const load = useCallback(async () => {
    try {
      setM(await api<MeetingDetail>(`/api/strategic/meetings/${id}`));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const post: Post = async (url, body) => {
    try {
      setM(await api<MeetingDetail>(url, { body }));
      setNotice(t('strategic.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) await load();
      setNotice('');
      throw err;
    }
  };

  if (notFound) return <NotFoundPage backTo="/strategic" />;
  if (!m) return <div className="page">{error ? <p className="alert alert-error" role="alert">{error}</p> : <p className="muted">{t('strategic.loading')}</p>}</div>;
  return (
    <div className="page detail">
      <p className="breadcrumb">
        <Link to="/strategic">{t('strategic.title')}</Link> › <Link to={`/strategic/groups/${m.groupId}`}>{m.groupCode}</Link>
      </p>
      <header className="detail-head">
        <h1><span className="ref">{m.groupCode}</span> {m.title}</h1>
        <dl className="facts">
          <dt>{t('strategic.meeting.when')}</dt>
          <dd data-testid="meeting-when">{formatDateTime(m.startsAt, lang)} – {formatDateTime(m.endsAt, lang)}</dd>
          <dt>{t('strategic.meeting.where')}</dt>
          <dd>{t(`strategic.place.${m.place}`)}{m.placeDetail ? `, ${m.placeDetail}` : ''}</dd>
          <dt>{t('strategic.meeting.group')}</dt>
          <dd>{m.groupName}</dd>
        </dl>
      </header>
      {notice && <p className="alert" role="status">{notice}</p>}
      <div className="detail-grid">
        <div className="detail-main">
          <Panel id="strategic-agenda" title={t('strategic.meeting.agenda')}>
            {m.agenda.length === 0 ? <p className="muted">{t('strategic.meeting.noAgenda')}</p> : (
              <ol>{m.agenda.map((a) => <li key={a.id}>{a.title}{a.note && <span className="muted small"> – {a.note}</span>}</li>)}</ol>
            )}
          </Panel>
          <InstructionPanel m={m} post={post} />
          <ReportPanel m={m} post={post} />
        </div>
        <div className="detail-side">
          <ActionsPanel m={m} post={post} />
          <AttachmentsPanel m={m} onChange={setM} />
        </div>
      </div>
    </div>
  );
}
