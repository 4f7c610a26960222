/** A modal dialog on the native <dialog>: focus moves in on open, is trapped, and returns to the opener. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /** False: no close button and Escape does nothing (the dialog ends by its own buttons). */
  closable?: boolean;
  /** Extra class on the <dialog> (e.g. an opaque backdrop). */
  className?: string;
}

export function Dialog({ title, onClose, children, wide, closable = true, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const closableRef = useRef(closable);
  closableRef.current = closable;

  useEffect(() => {
    const dlg = ref.current;
    if (!dlg) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dlg.open) dlg.showModal();
    const first = dlg.querySelector<HTMLElement>(
      '[data-autofocus], input:not([type=hidden]), select, textarea, button:not(.dialog-close)',
    );
    first?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      if (closableRef.current) closeRef.current();
    };
    dlg.addEventListener('cancel', onCancel);
    return () => {
      dlg.removeEventListener('cancel', onCancel);
      if (dlg.open) dlg.close();
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={['dialog', wide ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        {closable && (
          <button type="button" className="dialog-close button-plain" onClick={onClose} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {children}
    </dialog>
  );
}
