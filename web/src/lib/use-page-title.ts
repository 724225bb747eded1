/** Sets the browser tab title for a page: "<page> · Chỉ số CCHC". */
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Names the current page in the tab and in the browser history. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} · ${t('app.name')}` : t('app.name'));
}
