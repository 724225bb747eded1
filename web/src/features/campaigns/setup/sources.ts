/**
 * The sources of survey points the set-up page names: the campaign's own (typed in, a file, a
 * SIPAS survey) and the sociological survey's answers. The server sends a source as text.
 */
export const SURVEY_POINT_SOURCES = ['entered', 'imported', 'sipas', 'survey'] as const;
export type SurveyPointSource = (typeof SURVEY_POINT_SOURCES)[number];

/** The key of a source's name in `campaignSetup.source`, or null for a source not known here. */
export function sourceKey(source: string): `campaignSetup.source.${SurveyPointSource}` | null {
  return (SURVEY_POINT_SOURCES as readonly string[]).includes(source)
    ? `campaignSetup.source.${source as SurveyPointSource}`
    : null;
}
