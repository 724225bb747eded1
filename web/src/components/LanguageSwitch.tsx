/** Switches between Vietnamese and English; the choice is remembered on this browser. */
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n.ts';
import { useLanguage } from '../lib/use-language.ts';

/** Two buttons: Tiếng Việt / English. */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      aria-label={t('nav.language')}
      size="xs"
      fullWidth={fullWidth}
      value={language}
      onChange={(value) => void changeLanguage(value as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
