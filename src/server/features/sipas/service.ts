/**
 * SIPAS use-cases for staff: questionnaires (CRUD, JSON import/export), survey campaigns (CRUD with
 * units and sample targets), who may read which unit's answers, the indexes with their formulas,
 * the seed-000 table, progress against targets, suggestions, and the survey points a unit's index
 * becomes in the PAR index. The methodology itself is in src/domain/sipas/.
 *
 * This module is what the routes and the other features import; the use-cases live by concern in
 * questionnaires.service.ts, campaigns.service.ts (campaigns, who reads which unit's answers, the
 * cached campaign context) and indexes.service.ts (indexes, table, progress, suggestions, survey
 * points), with the audit entry they all append in audit.ts.
 */
export {
  type QuestionnaireView,
  listQuestionnaires,
  getQuestionnaire,
  createQuestionnaire,
  importQuestionnaireJson,
  importQuestionnaireFile,
  exportQuestionnaireXlsxFile,
  exportQuestionnaireJson,
  updateQuestionnaire,
  deleteQuestionnaire,
  ensureDefaultQuestionnaire,
} from './questionnaires.service.ts';
export {
  CHANNELS,
  type Channel,
  type CampaignContext,
  loadCampaignContext,
  canManageCampaign,
  readableUnitIds,
  type CampaignInput,
  type CampaignView,
  listCampaigns,
  getCampaign,
  createCampaign,
  updateCampaign,
  deleteCampaign,
  cachedCampaignContext,
  forgetCampaign,
} from './campaigns.service.ts';
export {
  campaignIndexes,
  type CampaignIndexesView,
  listCampaignResponses,
  surveyPointsForUnit,
  surveyPoints,
} from './indexes.service.ts';
export { audit as appendSipasAudit } from './audit.ts';
export { requireContext } from './campaigns.service.ts';
