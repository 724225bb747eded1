-- The offline field app collects sociological-survey questionnaires too (ADR 46): each one carries
-- the id the device gave it when it was saved, unique per survey, so a questionnaire sent again
-- (an answer lost on the way back) is recognised and counted once. Its channel is 'field'.
ALTER TABLE social_survey_responses ADD COLUMN client_id text;
ALTER TABLE social_survey_responses DROP CONSTRAINT social_survey_responses_channel_check;
ALTER TABLE social_survey_responses ADD CONSTRAINT social_survey_responses_channel_check
  CHECK (channel IN ('link', 'paper', 'import', 'field'));
CREATE UNIQUE INDEX social_survey_responses_client_idx
  ON social_survey_responses (survey_id, client_id) WHERE client_id IS NOT NULL;
