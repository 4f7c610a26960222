/** A group at /strategic/groups/:id: its meetings and a new one, its operational action plans, its delegates. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MEETING_PLACES, type MeetingPlace } from '../../../shared/strategic.schemas.ts';
import { api, ApiError, downloadHref, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime, localInputToIso } from '../../ui/format.ts';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { AddForm } from '../wanted/wanted-work.tsx';
import { DelegatesPanel } from './delegates-panel.tsx';
import type { GroupDetail, MeetingDetail } from './types.ts';

export function GroupPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const [g, setG] = useState<GroupDetail | null>(null);
  const [error, setError] = useState('');
  const [notFound, setNotFound] = useState(false);
  useDocumentTitle(g ? `${g.code} – ${g.name}` : t('strategic.title'));

  const load = useCallback(async () => {
    try {
      setG(await api<GroupDetail>(`/api/strategic/groups/${id}`));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  if (notFound) return <NotFoundPage backTo="/strategic" />;
  if (!g) return <div className="page">{error ? <p className="alert alert-error" role="alert">{error}</p> : <p className="muted">{t('strategic.loading')}</p>}</div>;
  return (
    <div className="page detail">
      <p className="breadcrumb"><Link to="/strategic">{t('strategic.group.back')}</Link></p>
      <header className="detail-head">
        <h1><span className="ref">{g.code}</span> {g.name}</h1>
        <p className="detail-badges">
          <span className="badge">{t(`strategic.kind.${g.kind}`)}</span>
          {g.parentId && <Link to={`/strategic/groups/${g.parentId}`}>{g.parentCode}</Link>}
          {g.myRole && <span className="badge badge-new">{t(`strategic.role.${g.myRole}`)}</span>}
        </p>
        {g.description && <p className="prose">{g.description}</p>}
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <Panel id="strategic-meetings" title={t('strategic.group.meetings')}>
            <p><a href={downloadHref(`/api/strategic/groups/${g.id}/calendar.ics`)} download={`${g.code}.ics`}>{t('strategic.group.calendar')}</a></p>
            {g.meetings.length === 0 ? <p className="muted">{t('strategic.group.noMeetings')}</p> : (
              <table className="queue-table">
                <thead>
                  <tr>
                    <th scope="col">{t('strategic.columns.meeting')}</th>
                    <th scope="col">{t('strategic.columns.when')}</th>
                    <th scope="col">{t('strategic.columns.place')}</th>
                    <th scope="col">{t('strategic.columns.instruction')}</th>
                    <th scope="col">{t('strategic.columns.report')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.meetings.map((m) => (
                    <tr key={m.id} data-testid="strategic-meeting-row">
                      <td><Link to={`/strategic/meetings/${m.id}`}>{m.title}</Link></td>
                      <td>{formatDateTime(m.startsAt, lang)}</td>
                      <td>{t(`strategic.place.${m.place}`)}</td>
                      <td>{m.instructionStatus ? t(`strategic.instructionStatus.${m.instructionStatus}`) : '–'}</td>
                      <td>{m.reported ? t('strategic.reported') : t('strategic.notReported')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
          <NewMeetingForm groupId={g.id} />
        </div>
        <div className="detail-side">
          {g.children.length > 0 && (
            <Panel id="strategic-oaps" title={t('strategic.group.oaps')}>
              <ul className="plain-list">
                {g.children.map((c) => <li key={c.id}><Link to={`/strategic/groups/${c.id}`}>{c.code}</Link> {c.name}</li>)}
              </ul>
            </Panel>
          )}
          <DelegatesPanel g={g} onChange={setG} />
        </div>
      </div>
    </div>
  );
}

const EMPTY = { title: '', startsAt: '', endsAt: '', place: 'brussels' as MeetingPlace | '', placeDetail: '', agenda: '' };

function NewMeetingForm({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [v, setV] = useState(EMPTY);
  const id = 'new-meeting';
  const F = (k: string) => t(`strategic.meeting.${k}`);
  return (
    <Panel id="strategic-new-meeting" title={F('new')}>
      <AddForm id={id} submitLabel={F('create')} post={async () => {
        const body = {
          title: v.title, startsAt: localInputToIso(v.startsAt) ?? v.startsAt, endsAt: localInputToIso(v.endsAt) ?? v.endsAt, place: v.place,
          placeDetail: v.placeDetail.trim() || null, agenda: v.agenda.split('\n').map((x) => x.trim()).filter(Boolean).map((title) => ({ title })),
        };
        const m = await api<MeetingDetail>(`/api/strategic/groups/${groupId}/meetings`, { body });
        navigate(`/strategic/meetings/${m.id}`);
      }}>
        <TextInput path={`${id}.title`} label={F('title')} value={v.title} onChange={(title) => setV({ ...v, title })} required />
        <TextInput path={`${id}.startsAt`} type="datetime-local" label={F('startsAt')} help={F('timeHelp')} value={v.startsAt} onChange={(startsAt) => setV({ ...v, startsAt })} required />
        <TextInput path={`${id}.endsAt`} type="datetime-local" label={F('endsAt')} value={v.endsAt} onChange={(endsAt) => setV({ ...v, endsAt })} required />
        <CodeSelect path={`${id}.place`} label={F('place')} value={v.place} onChange={(place) => setV({ ...v, place })} codes={MEETING_PLACES} labelPrefix="strategic.place" required />
        <TextInput path={`${id}.placeDetail`} label={F('placeDetail')} value={v.placeDetail} onChange={(placeDetail) => setV({ ...v, placeDetail })} />
        <TextArea path={`${id}.agenda`} label={F('agenda')} help={F('agendaHelp')} value={v.agenda} onChange={(agenda) => setV({ ...v, agenda })} rows={4} />
      </AddForm>
    </Panel>
  );
}
