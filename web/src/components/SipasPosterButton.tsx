/**
 * The public SIPAS channels as staff screens offer them: the button that downloads a campaign's
 * QR posters (PDF, one A4 page per unit and field; GET /api/v1/sipas/campaigns/:id/posters.pdf)
 * and the addresses of the public form (/khao-sat/) and the field app (/thu-thap/).
 */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Which posters or form: a campaign, optionally one unit and one field. */
export interface SipasFormTarget {
  campaignId: number;
  unitId?: number | undefined;
  fieldId?: string | undefined;
}

/** The public form's address (absolute, on this server); `kiosk` for the counter tablet. */
export function publicSurveyUrl(
  target: SipasFormTarget,
  options: { kiosk?: boolean } = {},
): string {
  const query = new URLSearchParams({ c: String(target.campaignId) });
  if (target.unitId !== undefined) query.set('u', String(target.unitId));
  if (target.fieldId !== undefined) query.set('f', target.fieldId);
  if (options.kiosk) query.set('kiosk', '1');
  return `${window.location.origin}/khao-sat/?${query.toString()}`;
}

/** The address of the offline field-collection app. */
export const FIELD_APP_PATH = '/thu-thap/';

/** Downloads the QR posters of a campaign (the server checks the user's rights on each unit). */
export function SipasPosterButton(target: SipasFormTarget) {
  const { t } = useTranslation();
  const query = new URLSearchParams();
  if (target.unitId !== undefined) query.set('unit', String(target.unitId));
  if (target.fieldId !== undefined) query.set('field', target.fieldId);
  const search = query.toString();
  return (
    <Button
      component="a"
      variant="light"
      href={`/api/v1/sipas/campaigns/${target.campaignId}/posters.pdf${search ? `?${search}` : ''}`}
      download
      title={t('sipasChannels.postersHint')}
    >
      {t('sipasChannels.posters')}
    </Button>
  );
}
