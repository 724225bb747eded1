/** Switches between Vietnamese and English; the choice is remembered on this browser. */
import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { useLanguage } from '../lib/use-language.ts';

/** Two buttons: Tiếng Việt / English. */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  return (
    <SegmentedControl
      aria-label={t('nav.language')}
      size="xs"
      fullWidth={fullWidth}
      value={language}
      onChange={(value) => {
        const language = LANGUAGES.find((l) => l === value);
        if (!language) return;
        // Failed answers carry the server's message in the old language: ask again.
        void changeLanguage(language).then(() =>
          client.invalidateQueries({ predicate: (query) => query.state.status === 'error' }),
        );
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
