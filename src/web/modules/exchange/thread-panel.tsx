/** The request's thread: messages with their attachments, a message box and an upload. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatBytes, formatDateTime } from '../../ui/format.ts';
import { FieldErrorText } from '../../ui/field.tsx';
import type { RequestDetail } from './types.ts';

interface Props {
  r: RequestDetail;
  onChanged(message: string): void;
}

export function ThreadPanel({ r, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const zone = browserZone();
  const canWrite = r.allowedActions.includes('add_message');
  const canUpload = r.allowedActions.includes('add_attachment');

  return (
    <section className="card thread" aria-labelledby="thread-title">
      <h2 id="thread-title">{t('exchange.detail.thread.title')}</h2>
      {r.messages.length === 0 ? (
        <p className="muted">{t('exchange.detail.thread.empty')}</p>
      ) : (
        <ol className="messages">
          {r.messages.map((m) => (
            <li key={m.id} className={`message message-${m.direction}`}>
              <p className="message-head">
                <span className="badge">{t(`exchange.detail.thread.directions.${m.direction}`)}</span>{' '}
                <strong>{t(`exchange.detail.thread.kinds.${m.kind}`, { defaultValue: t('exchange.detail.thread.kinds.note') })}</strong>
                {m.author && <span> · {m.author.displayName}</span>}
                <span className="muted small"> · {formatDateTime(m.createdAt, lang, zone)}</span>
              </p>
              {m.body && <p className="prose">{m.kind.startsWith('receipt_') ? receiptText(m.body, lang) : m.body}</p>}
              {m.attachments.length > 0 && (
                <ul className="attachments" aria-label={t('exchange.detail.thread.attachments')}>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${encodeURIComponent(a.id)}`} download={a.filename}>
                        <span aria-hidden="true">📎 </span>
                        {a.filename}
                      </a>{' '}
                      <span className="muted small">({formatBytes(a.size, lang)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && <MessageBox requestId={r.id} onSent={() => onChanged(t('exchange.detail.thread.sent'))} />}
      {canUpload && <UploadBox requestId={r.id} onUploaded={(name) => onChanged(t('exchange.detail.thread.uploaded', { name }))} />}
    </section>
  );
}

/** A receipt's body is `<country>: <node> <instant>`; the instant is already in the head, the country in words. */
function receiptText(body: string, lang: ReturnType<typeof currentLanguage>): string {
  const m = /^([A-Z]{2}): (.*?)(?: \S+Z)?$/.exec(body);
  return m ? `${countryName(m[1], lang)}: ${m[2]}` : body;
}

function MessageBox({ requestId, onSent }: { requestId: string; onSent(): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError(t('exchange.detail.thread.bodyRequired'));
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api(`/api/requests/${encodeURIComponent(requestId)}/messages`, { method: 'POST', body: { body } });
      setBody('');
      setError('');
      onSent();
    } catch (err) {
      setError(err instanceof ApiError && err.fields[0] ? err.fields[0].message : errorMessage(err));
      ref.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="compose" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="msg-body">{t('exchange.detail.thread.newMessage')}</label>
      <p id="msg-help" className="help">
        {t('exchange.detail.thread.newMessageHelp')}
      </p>
      <textarea
        id="msg-body"
        ref={ref}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'msg-help msg-err' : 'msg-help'}
      />
      {error && <FieldErrorText id="msg-err" message={error} />}
      <button type="submit" className="button" disabled={busy}>
        {t('exchange.detail.thread.send')}
      </button>
    </form>
  );
}

function UploadBox({ requestId, onUploaded }: { requestId: string; onUploaded(name: string): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t('exchange.detail.thread.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    const fd = new FormData();
    fd.append('file', file, file.name);
    setBusy(true);
    try {
      await api(`/api/requests/${encodeURIComponent(requestId)}/attachments`, { method: 'POST', body: fd });
      setError('');
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onUploaded(file.name);
    } catch (err) {
      let msg = errorMessage(err);
      // Without a JSON error body (e.g. a proxy's limit), say what 413/415 mean ourselves.
      if (err instanceof ApiError && err.code.startsWith('http_')) {
        if (err.status === 413) msg = t('exchange.detail.thread.tooLarge');
        if (err.status === 415) msg = t('exchange.detail.thread.unsupported');
      }
      setError(msg);
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="compose" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="upload-file">{t('exchange.detail.thread.upload')}</label>
      <input
        id="upload-file"
        ref={inputRef}
        type="file"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'upload-err' : undefined}
      />
      {error && <FieldErrorText id="upload-err" message={error} />}
      <button type="submit" className="button button-secondary" disabled={busy}>
        {busy ? t('common.saving') : t('exchange.detail.thread.uploadButton')}
      </button>
    </form>
  );
}
