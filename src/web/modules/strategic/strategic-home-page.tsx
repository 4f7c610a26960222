/** Strategic cooperation at /strategic: my coming meetings and action items, the groups, and a new group. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GROUP_KINDS, type GroupKind } from '../../../shared/strategic.schemas.ts';
import { api, ApiError, downloadHref, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { AddForm } from '../wanted/wanted-work.tsx';
import type { GroupDetail, GroupList, MyWork } from './types.ts';

export function StrategicHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('strategic.title'));
  const [groups, setGroups] = useState<GroupList | null>(null);
  const [my, setMy] = useState<MyWork | null>(null);
  const [error, setError] = useState('');
  const [notFound, setNotFound] = useState(false);

  const load = useCallback(async () => {
    try {
      const [g, m] = await Promise.all([api<GroupList>('/api/strategic/groups'), api<MyWork>('/api/strategic/my')]);
      setGroups(g);
      setMy(m);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (notFound) return <NotFoundPage backTo="/desk" />;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('strategic.title')}</h1>
        <div className="page-head-actions">
          <a className="button button-secondary" href={downloadHref('/api/strategic/my/calendar.ics')} download="my-meetings.ics" data-testid="my-calendar">
            {t('strategic.home.calendarMine')}
          </a>
        </div>
      </div>
      <p className="lead">{t('strategic.lead')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {!groups && !error && <p className="muted">{t('strategic.loading')}</p>}
      {my && <MyWorkPanels my={my} />}
      {groups && <GroupsTable groups={groups} />}
      {groups && <NewGroupForm groups={groups} />}
    </div>
  );
}

function MyWorkPanels({ my }: { my: MyWork }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="detail-grid">
      <div className="detail-main">
        <Panel id="strategic-my-meetings" title={t('strategic.home.myMeetings')}>
          {my.meetings.length === 0 && <p className="muted">{t('strategic.home.noMeetings')}</p>}
          <ul className="plain-list">
            {my.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/strategic/meetings/${m.id}`}>{m.groupCode}: {m.title}</Link>{' '}
                <span className="muted small">{formatDateTime(m.startsAt, lang)} · {t(`strategic.place.${m.place}`)}</span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      <div className="detail-side">
        <Panel id="strategic-my-actions" title={t('strategic.home.myActions')}>
          {my.actions.length === 0 && <p className="muted">{t('strategic.home.noActions')}</p>}
          <ul className="plain-list">
            {my.actions.map((a) => (
              <li key={a.id}>
                <Link to={`/strategic/meetings/${a.meetingId}`}>{a.title}</Link>{' '}
                <span className="muted small">{a.groupCode} · {t('strategic.actions.due', { date: a.dueDate })}</span>
                {a.overdue && <span className="badge badge-overdue">{t('strategic.actions.overdue')}</span>}
              </li>
            ))}
          </ul>
        </Panel>
      </div>
    </div>
  );
}

function GroupsTable({ groups }: { groups: GroupList }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby="strategic-groups-title">
      <h2 id="strategic-groups-title">{t('strategic.home.groups')}</h2>
      {groups.items.length === 0 ? <p className="muted">{t('strategic.home.noGroups')}</p> : (
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">{t('strategic.columns.code')}</th>
              <th scope="col">{t('strategic.columns.name')}</th>
              <th scope="col">{t('strategic.columns.kind')}</th>
              <th scope="col">{t('strategic.columns.nextMeeting')}</th>
              <th scope="col">{t('strategic.columns.myRole')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.items.map((g) => (
              <tr key={g.id} data-testid="strategic-group-row">
                <td><Link to={`/strategic/groups/${g.id}`}>{g.code}</Link></td>
                <td>{g.parentCode && <span className="muted small">{g.parentCode} › </span>}{g.name}</td>
                <td>{t(`strategic.kind.${g.kind}`)}</td>
                <td>{g.nextMeetingAt ? formatDateTime(g.nextMeetingAt, lang) : '–'}</td>
                <td>{g.myRole ? t(`strategic.role.${g.myRole}`) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const EMPTY = { code: '', name: '', kind: 'council_working_party' as GroupKind | '', parentId: '', description: '' };

function NewGroupForm({ groups }: { groups: GroupList }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [v, setV] = useState(EMPTY);
  const id = 'new-group';
  const priorities = groups.items.filter((g) => g.kind === 'empact_priority');
  return (
    <Panel id="strategic-new-group" title={t('strategic.group.new')}>
      <AddForm id={id} submitLabel={t('strategic.group.create')} post={async () => {
        const body = { code: v.code, name: v.name, kind: v.kind, parentId: v.parentId || null, description: v.description.trim() || null };
        const g = await api<GroupDetail>('/api/strategic/groups', { body });
        navigate(`/strategic/groups/${g.id}`);
      }}>
        <TextInput path={`${id}.code`} label={t('strategic.group.code')} help={t('strategic.group.codeHelp')} value={v.code} onChange={(code) => setV({ ...v, code })} required />
        <TextInput path={`${id}.name`} label={t('strategic.group.name')} value={v.name} onChange={(name) => setV({ ...v, name })} required />
        <CodeSelect path={`${id}.kind`} label={t('strategic.group.kind')} value={v.kind} onChange={(kind) => setV({ ...v, kind })} codes={GROUP_KINDS} labelPrefix="strategic.kind" required />
        {v.kind === 'empact_oap' && (
          <CodeSelect path={`${id}.parentId`} label={t('strategic.group.parent')} help={t('strategic.group.parentHelp')} value={v.parentId}
            onChange={(parentId) => setV({ ...v, parentId })} codes={priorities.map((p) => p.id)} labelPrefix="" placeholder required
            optionLabel={(pid) => { const p = priorities.find((x) => x.id === pid)!; return `${p.code} – ${p.name}`; }} />
        )}
        <TextArea path={`${id}.description`} label={t('strategic.group.description')} value={v.description} onChange={(description) => setV({ ...v, description })} rows={2} />
      </AddForm>
    </Panel>
  );
}
