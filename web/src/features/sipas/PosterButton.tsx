/**
 * "In poster QR": the printable posters (PDF) that carry the QR code of the public form for each
 * counter. Shown when the campaign takes answers by QR code and the server serves the posters.
 */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Address of the poster PDF of a campaign, or null while the server has no poster route.
 * The poster route belongs to the collection channels (src/server/features/sipas/channel-routes.ts);
 * set this to its address once it is served.
 */
export function posterUrl(campaignId: number): string | null {
  void campaignId;
  return null;
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
  if (!url || !channels.includes('qr')) return null;
  return (
    <Button variant="default" component="a" href={url} target="_blank" rel="noopener">
      {t('sipas.poster')}
    </Button>
  );
}
