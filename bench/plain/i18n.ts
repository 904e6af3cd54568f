// The baseline for measuring issue 11's mechanism: English only, no language resolution, no
// locale loading, no Intl, no overrides. `npm run bench` builds the script-tag bundle with this
// module and plain-language.ts in place of the real ones and reports the difference.
import { en, type MessageId, type Text } from '../../src/i18n/messages.js';

export { en };
export const format = (text: Text, _lang?: string, _overrides?: unknown): string => {
  if ('raw' in text) return text.raw;
  const params = text.params ?? {};
  let message = en[text.id as MessageId] as string | { one?: string; other: string };
  if (typeof message !== 'string') message = (params.count === 1 && message.one) || message.other;
  return message.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key]));
};
export const formatList = (items: string[], _lang?: string): string => items.join(', ');
export const isRtl = (_lang?: string): boolean => false;
export const canonical = (lang: string): string => lang;
export const moduleFor = (_lang?: string): string | undefined => undefined;
