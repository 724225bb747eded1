/** The language in use, re-rendering when the user switches it. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n.ts';

/** The current language as one of ours. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'vi';
}
