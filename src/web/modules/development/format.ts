/** Amounts in the project currency (SEK), in the UI language. */
export function money(n: number, lang: string, currency = 'SEK'): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}

export function number(n: number | null, lang: string): string {
  return n == null ? '–' : new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}
