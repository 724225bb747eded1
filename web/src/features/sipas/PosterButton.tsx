/**
 * "In poster QR": the printable posters (PDF) that carry the QR code of the public form for each
 * counter. Shown when the campaign takes answers by QR code.
 */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Address of the poster PDF of a campaign (one A4 page per unit and field; channel-routes.ts). */
export function posterUrl(campaignId: number): string {
  return `/api/v1/sipas/campaigns/${campaignId}/posters.pdf`;
}

/** The button, or nothing when there is no poster to print. */
export function PosterButton({
  campaignId,
  channels,
}: {
  campaignId: number;
  channels: readonly string[];
}) {
  const { t } = useTranslation();
  const url = posterUrl(campaignId);
  if (!channels.includes('qr')) return null;
  return (
    <Button variant="default" component="a" href={url} target="_blank" rel="noopener">
      {t('sipas.poster')}
    </Button>
  );
}
