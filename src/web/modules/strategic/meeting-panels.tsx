/** The follow-up of a meeting: the report back, the action items with owner and due day, and the documents. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Field } from '../../ui/field.tsx';
import { currentLanguage } from '../../i18n.ts';
import { formatBytes, formatDateTime } from '../../ui/format.ts';
import { CodeSelect, TextArea, TextInput, useFieldError } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { AddForm } from '../wanted/wanted-work.tsx';
import type { Post } from './meeting-page.tsx';
import type { MeetingDetail } from './types.ts';
import { useOfficers } from './use-officers.ts';

interface Props { m: MeetingDetail; post: Post }

export function ReportPanel({ m, post }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [body, setBody] = useState('');
  const R = (k: string, p: Record<string, unknown> = {}) => t(`strategic.report.${k}`, p);
  return (
    <Panel id="strategic-report" title={R('title')}>
      {m.report && (
        <>
          <p className="prose" data-testid="report-body">{m.report.body}</p>
          <p className="muted small">{R('by', { name: m.report.reportedBy.displayName, at: formatDateTime(m.report.reportedAt, lang) })}</p>
        </>
      )}
      {!m.report && !m.allowedActions.includes('report') && <p className="muted">{R('notYet')}</p>}
      {m.allowedActions.includes('report') && (
        <AddForm id="report" submitLabel={R('save')} post={() => post(`/api/strategic/meetings/${m.id}/report`, { version: m.version, body })}>
          <TextArea path="report.body" label={R('body')} value={body} onChange={setBody} rows={6} required />
        </AddForm>
      )}
    </Panel>
  );
}

export function ActionsPanel({ m, post }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const officers = useOfficers();
  const [v, setV] = useState({ title: '', ownerId: '', dueDate: '' });
  const A = (k: string, p: Record<string, unknown> = {}) => t(`strategic.actions.${k}`, p);
  const id = 'add-action';
  return (
    <Panel id="strategic-actions" title={A('title')}>
      {m.actions.length === 0 && <p className="muted">{A('none')}</p>}
      <ul className="plain-list">
        {m.actions.map((a) => (
          <li key={a.id} data-testid="action-item">
            <strong>{a.title}</strong> <span className="muted small">{a.owner.displayName} · {A('due', { date: a.dueDate })}</span>{' '}
            {a.overdue && <span className="badge badge-overdue">{A('overdue')}</span>}
            {a.doneAt && <span className="badge badge-new" data-testid="action-done">{A('done', { at: formatDateTime(a.doneAt, lang) })}</span>}
            {a.allowedActions.includes('complete') && (
              <AddForm id={`complete-${a.id}`} submitLabel={A('complete', { title: a.title })} post={() => post(`/api/strategic/actions/${a.id}/complete`, { version: a.version })}>
                {null}
              </AddForm>
            )}
          </li>
        ))}
      </ul>
      {m.allowedActions.includes('add_action') && (
        <AddForm id={id} submitLabel={A('add')} post={async () => {
          await post(`/api/strategic/meetings/${m.id}/actions`, v);
          setV({ title: '', ownerId: '', dueDate: '' });
        }}>
          <TextInput path={`${id}.title`} label={A('itemTitle')} value={v.title} onChange={(title) => setV({ ...v, title })} required />
          <CodeSelect path={`${id}.ownerId`} label={A('owner')} value={v.ownerId} onChange={(ownerId) => setV({ ...v, ownerId })} codes={officers.map((o) => o.id)}
            labelPrefix="" placeholder required optionLabel={(uid) => officers.find((o) => o.id === uid)?.displayName ?? uid} />
          <TextInput path={`${id}.dueDate`} type="date" label={A('dueDate')} value={v.dueDate} onChange={(dueDate) => setV({ ...v, dueDate })} required />
        </AddForm>
      )}
    </Panel>
  );
}

export function AttachmentsPanel({ m, onChange }: { m: MeetingDetail; onChange(next: MeetingDetail): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [file, setFile] = useState<File | null>(null);
  const id = 'add-attachment';
  return (
    <Panel id="strategic-attachments" title={t('strategic.attachments.title')}>
      {m.attachments.length === 0 && <p className="muted">{t('strategic.attachments.none')}</p>}
      <ul className="plain-list">
        {m.attachments.map((a) => (
          <li key={a.id}>
            <a href={`/api/strategic/attachments/${a.id}`} download={a.filename}>{a.filename}</a>{' '}
            <span className="muted small">{formatBytes(a.size, lang)}</span>
          </li>
        ))}
      </ul>
      {m.allowedActions.includes('add_attachment') && (
        <AddForm id={id} submitLabel={t('strategic.attachments.upload')} post={async () => {
          const form = new FormData();
          if (file) form.append('file', file);
          onChange(await api<MeetingDetail>(`/api/strategic/meetings/${m.id}/attachments`, { method: 'POST', body: form }));
          setFile(null);
        }}>
          <FileInput path={`${id}.file`} onChange={setFile} />
        </AddForm>
      )}
    </Panel>
  );
}

function FileInput({ path, onChange }: { path: string; onChange(f: File | null): void }) {
  const { t } = useTranslation();
  return (
    <Field path={path} label={t('strategic.attachments.file')} help={t('strategic.attachments.fileHelp')} error={useFieldError(path)}>
      {(c) => <input {...c} type="file" onChange={(e) => onChange(e.target.files?.[0] ?? null)} />}
    </Field>
  );
}
