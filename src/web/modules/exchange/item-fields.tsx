/** One information item in the request form, with its Europol Art 29 evaluation codes. */
import { useTranslation } from 'react-i18next';
import { INFO_ACCURACY, ITEM_NATURES, SOURCE_RELIABILITY } from '../../../shared/domain.ts';
import { CodeSelect, TextArea } from './form-controls.tsx';
import type { ItemState } from './form-state.ts';

interface Props {
  index: number;
  item: ItemState;
  onChange(i: ItemState): void;
  onRemove(): void;
}

export function ItemFields({ index, item, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const base = `items.${index}`;
  const f = (k: string) => t(`exchange.form.item.${k}`);
  const set = <K extends keyof ItemState>(k: K, v: ItemState[K]) => onChange({ ...item, [k]: v });
  return (
    <fieldset className="repeat">
      <legend>{t('exchange.form.item.title', { n: index + 1 })}</legend>
      <TextArea path={`${base}.content`} label={f('content')} help={f('contentHelp')} required value={item.content} onChange={(v) => set('content', v)} />
      <div className="grid-3">
        <CodeSelect path={`${base}.nature`} label={f('nature')} required placeholder codes={ITEM_NATURES} labelPrefix="domain.itemNatures" value={item.nature} onChange={(v) => set('nature', v)} />
        <CodeSelect path={`${base}.reliability`} label={f('reliability')} required placeholder codes={SOURCE_RELIABILITY} labelPrefix="domain.reliability" value={item.reliability} onChange={(v) => set('reliability', v)} />
        <CodeSelect path={`${base}.accuracy`} label={f('accuracy')} required placeholder codes={INFO_ACCURACY} labelPrefix="domain.accuracy" value={item.accuracy} onChange={(v) => set('accuracy', v)} />
      </div>
      <p className="repeat-actions">
        <button type="button" className="button-link danger" onClick={onRemove}>
          {t('exchange.form.item.remove', { n: index + 1 })}
        </button>
      </p>
    </fieldset>
  );
}
