/** English texts of the public SIPAS channels as staff screens show them (posters, links). */
import type { sipasChannelsVi } from './sipasChannels.vi.ts';

export const sipasChannelsEn: typeof sipasChannelsVi = {
  posters: 'Download QR posters (PDF)',
  postersHint: 'One page per unit and field, to print on A4 and put up at the counter.',
  formLink: 'Public form link',
  kioskLink: 'Link for the counter tablet (kiosk mode)',
  fieldApp: 'Offline collection app for enumerators',
};
