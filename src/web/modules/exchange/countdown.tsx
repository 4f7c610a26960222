/** The live time left to a legal deadline; "paused" and "overdue" are said in words, not only colour. */
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../ui/format.ts';
import { useServerNow } from './server-clock.ts';

interface CountdownProps {
  dueAt: string | null;
  paused: boolean;
  remainingMs: number | null;
  /** Show the warning style when less than this is left (default 2 h). */
  soonMs?: number;
  large?: boolean;
}

export function Countdown({ dueAt, paused, remainingMs, soonMs = 2 * 3600_000, large }: CountdownProps) {
  const { t } = useTranslation();
  const now = useServerNow();
  const cls = (state: string) => `countdown countdown-${state}${large ? ' countdown-large' : ''}`;

  if (paused) {
    return (
      <span className={cls('paused')} data-testid="countdown" data-state="paused">
        <span aria-hidden="true">‖ </span>
        {remainingMs !== null
          ? t('exchange.countdown.pausedWithLeft', { time: formatDuration(remainingMs, t) })
          : t('exchange.countdown.paused')}
      </span>
    );
  }
  if (!dueAt) {
    return (
      <span className={cls('none')} data-testid="countdown" data-state="none">
        {t('exchange.countdown.none')}
      </span>
    );
  }
  const left = Date.parse(dueAt) - now;
  if (left <= 0) {
    return (
      <span className={cls('overdue')} data-testid="countdown" data-state="overdue">
        <span aria-hidden="true">⚠ </span>
        {t('exchange.countdown.overdue', { time: formatDuration(-left, t) })}
      </span>
    );
  }
  const state = left < soonMs ? 'soon' : 'ok';
  return (
    <span className={cls(state)} data-testid="countdown" data-state="running" data-soon={state === 'soon' || undefined}>
      {state === 'soon' && <span aria-hidden="true">⏱ </span>}
      {t(state === 'soon' ? 'exchange.countdown.soon' : 'exchange.countdown.left', { time: formatDuration(left, t) })}
    </span>
  );
}
