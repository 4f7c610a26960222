/**
 * The national instruction of a meeting: versions newest first, with their marking; a draft can be edited and is
 * approved by a supervisor who did not write it (the server decides who is offered "approve"); an approved
 * version is final — a new version is a new draft.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, type Classification } from '../../../shared/strategic.schemas.ts';
import { Checkbox } from '../../ui/field.tsx';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { CodeSelect, TextArea } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { AddForm } from '../wanted/wanted-work.tsx';
import type { Post } from './meeting-page.tsx';
import type { MeetingDetail } from './types.ts';

type Instruction = MeetingDetail['instructions'][number];

export function InstructionPanel({ m, post }: { m: MeetingDetail; post: Post }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const I = (k: string, p: Record<string, unknown> = {}) => t(`strategic.instruction.${k}`, p);
  return (
    <Panel id="strategic-instruction" title={I('title')}>
      {m.instructions.length === 0 && m.hiddenInstructions === 0 && <p className="muted">{I('none')}</p>}
      {m.hiddenInstructions > 0 && <p className="muted" data-testid="hidden-instructions">{I('hidden', { count: m.hiddenInstructions })}</p>}
      {m.instructions.map((i) => (
        <article key={i.id} className="card" data-testid="instruction" aria-label={I('number', { number: i.number })}>
          <p>
            <strong>{I('number', { number: i.number })}</strong>{' '}
            <span className={i.status === 'approved' ? 'badge badge-new' : 'badge'} data-testid="instruction-status">{t(`strategic.instructionStatus.${i.status}`)}</span>
            {i.classification !== 'none' && <span className="badge badge-urgent">{t(`strategic.classification.${i.classification}`)}</span>}
            {i.restricted && <span className="badge">{I('restricted')}</span>}
          </p>
          {editing === i.id ? (
            <InstructionForm id={`revise-${i.id}`} initial={i} submitLabel={I('revise')} onSubmit={async (body) => {
              await post(`/api/strategic/instructions/${i.id}/revise`, { ...body, version: i.version });
              setEditing(null);
            }} />
          ) : <p className="prose">{i.body}</p>}
          <p className="muted small">
            {I('draftedBy', { name: i.draftedBy.displayName })}
            {i.approvedBy && <> · {I('approvedBy', { name: i.approvedBy.displayName, at: formatDateTime(i.approvedAt, lang) })}</>}
          </p>
          {i.status === 'draft' && <p className="help">{I('fourEyes')}</p>}
          <p className="form-actions">
            {i.allowedActions.includes('revise') && editing !== i.id && (
              <button type="button" className="button button-secondary" onClick={() => setEditing(i.id)}>{I('edit')}</button>
            )}{' '}
            {i.allowedActions.includes('approve') && <ApproveButton i={i} post={post} />}
          </p>
        </article>
      ))}
      {m.allowedActions.includes('draft_instruction') && (
        <details open={m.instructions.length === 0}>
          <summary>{m.instructions.length ? I('newVersion') : I('draftTitle')}</summary>
          <InstructionForm id="draft-instruction" initial={m.instructions[0]} submitLabel={I('save')}
            onSubmit={(body) => post(`/api/strategic/meetings/${m.id}/instructions`, body)} />
        </details>
      )}
    </Panel>
  );
}

function ApproveButton({ i, post }: { i: Instruction; post: Post }) {
  const { t } = useTranslation();
  return (
    <AddForm id={`approve-${i.id}`} submitLabel={t('strategic.instruction.approve')} post={() => post(`/api/strategic/instructions/${i.id}/approve`, { version: i.version })}>
      {null}
    </AddForm>
  );
}

interface Body { body: string; classification: Classification; restricted: boolean }

function InstructionForm({ id, initial, submitLabel, onSubmit }: { id: string; initial?: Instruction; submitLabel: string; onSubmit(b: Body): Promise<void> }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Body>({ body: initial?.body ?? '', classification: initial?.classification ?? 'none', restricted: initial?.restricted ?? false });
  return (
    <AddForm id={id} submitLabel={submitLabel} post={() => onSubmit(v)}>
      <TextArea path={`${id}.body`} label={t('strategic.instruction.body')} value={v.body} onChange={(body) => setV({ ...v, body })} rows={6} required />
      <CodeSelect path={`${id}.classification`} label={t('strategic.instruction.classification')} value={v.classification}
        onChange={(c) => setV({ ...v, classification: (c || 'none') as Classification })} codes={CLASSIFICATIONS} labelPrefix="strategic.classification" />
      <Checkbox path={`${id}.restricted`} label={t('strategic.instruction.restricted')} help={t('strategic.instruction.restrictedHelp')} checked={v.restricted}
        onChange={(restricted) => setV({ ...v, restricted })} />
    </AddForm>
  );
}
