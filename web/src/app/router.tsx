/**
 * The routes of the app. Each feature page is its own chunk, fetched when first visited, so the
 * units list loads without the code of the administration screens. The sign-in page (/login) is
 * not among them: a light page of its own, served by the server (ADR 41).
 */
import { createBrowserRouter } from 'react-router';
import { LoadingState } from '../components/LoadingState.tsx';
import { AppLayout } from './AppLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireNationalAdmin, RequirePermission } from './RequirePermission.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RouteError } from './RouteError.tsx';

/** Builds the browser router. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      // Citizens rate their dossier without signing in.
      path: '/public/danh-gia-ho-so',
      ErrorBoundary: RouteError,
      HydrateFallback: LoadingState,
      lazy: async () => ({
        Component: (await import('../features/dossiers/PublicRatingPage.tsx')).PublicRatingPage,
      }),
    },
    {
      element: <RequireSession />,
      ErrorBoundary: RouteError,
      HydrateFallback: LoadingState,
      children: [
        {
          element: <AppLayout />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('../features/home/HomePage.tsx')).HomePage,
              }),
            },
            {
              path: 'units',
              lazy: async () => ({
                Component: (await import('../features/units/UnitsPage.tsx')).UnitsPage,
              }),
            },
            {
              path: 'units/:unitId',
              lazy: async () => ({
                Component: (await import('../features/units/UnitPage.tsx')).UnitPage,
              }),
            },
            {
              path: 'criteria',
              lazy: async () => ({
                Component: (await import('../features/criteria/CriteriaSetsPage.tsx'))
                  .CriteriaSetsPage,
              }),
            },
            {
              path: 'criteria/:setId',
              lazy: async () => ({
                Component: (await import('../features/criteria/CriteriaSetPage.tsx'))
                  .CriteriaSetPage,
              }),
            },
            {
              path: 'criteria/:setId/mapping',
              lazy: async () => ({
                Component: (await import('../features/criteria/MappingPage.tsx')).MappingPage,
              }),
            },
            {
              path: 'users',
              lazy: async () => {
                const { UsersPage } = await import('../features/users/UsersPage.tsx');
                return {
                  Component: () => (
                    <RequirePermission permission="manageUsers">
                      <UsersPage />
                    </RequirePermission>
                  ),
                };
              },
            },
            {
              path: 'users/:userId',
              lazy: async () => {
                const { UserPage } = await import('../features/users/UserPage.tsx');
                return {
                  Component: () => (
                    <RequirePermission permission="manageUsers">
                      <UserPage />
                    </RequirePermission>
                  ),
                };
              },
            },
            {
              path: 'audit',
              lazy: async () => {
                const { AuditPage } = await import('../features/audit/AuditPage.tsx');
                return {
                  Component: () => (
                    <RequirePermission permission="readAudit">
                      <AuditPage />
                    </RequirePermission>
                  ),
                };
              },
            },
            {
              path: 'outbox',
              lazy: async () => {
                const { OutboxPage } = await import('../features/outbox/OutboxPage.tsx');
                return {
                  Component: () => (
                    <RequireNationalAdmin>
                      <OutboxPage />
                    </RequireNationalAdmin>
                  ),
                };
              },
            },
            {
              path: 'remediation',
              lazy: async () => ({
                Component: (await import('../features/remediation/RemediationPage.tsx'))
                  .RemediationPage,
              }),
            },
            {
              path: 'remediation/plans/:planId',
              lazy: async () => ({
                Component: (await import('../features/remediation/PlanPage.tsx')).PlanPage,
              }),
            },
            {
              path: 'remediation/supervisions/:supervisionId',
              lazy: async () => ({
                Component: (await import('../features/remediation/SupervisionPage.tsx'))
                  .SupervisionPage,
              }),
            },
            {
              path: 'documents/templates',
              lazy: async () => ({
                Component: (await import('../features/documents/TemplatesPage.tsx')).TemplatesPage,
              }),
            },
            {
              path: 'campaigns',
              lazy: async () => ({
                Component: (await import('../features/campaigns/CampaignsPage.tsx')).CampaignsPage,
              }),
            },
            {
              path: 'campaigns/:id',
              lazy: async () => ({
                Component: (await import('../features/campaigns/CampaignPage.tsx')).CampaignPage,
              }),
            },
            {
              path: 'campaigns/:id/units/:unitId',
              lazy: async () => ({
                Component: (await import('../features/campaigns/SheetPage.tsx')).SheetPage,
              }),
            },
            {
              path: 'campaigns/:id/units/:unitId/scorecard',
              lazy: async () => ({
                Component: (await import('../features/campaigns/ScorecardPage.tsx')).ScorecardPage,
              }),
            },
            {
              path: 'campaigns/:id/setup',
              lazy: async () => ({
                Component: (await import('../features/campaigns/setup/CampaignSetupPage.tsx'))
                  .CampaignSetupPage,
              }),
            },
            {
              path: 'campaigns/:id/queue',
              lazy: async () => ({
                Component: (await import('../features/campaigns/QueuePage.tsx')).QueuePage,
              }),
            },
            {
              path: 'campaigns/:id/social-survey',
              lazy: async () => ({
                Component: (await import('../features/social-survey/SocialSurveyPage.tsx'))
                  .SocialSurveyPage,
              }),
            },
            {
              path: 'campaigns/:id/results',
              lazy: async () => ({
                Component: (await import('../features/campaigns/ResultsPage.tsx')).ResultsPage,
              }),
            },
            {
              path: 'sipas',
              lazy: async () => ({
                Component: (await import('../features/sipas/SipasCampaignsPage.tsx'))
                  .SipasCampaignsPage,
              }),
            },
            {
              path: 'sipas/questionnaires',
              lazy: async () => ({
                Component: (await import('../features/sipas/QuestionnairesPage.tsx'))
                  .QuestionnairesPage,
              }),
            },
            {
              path: 'sipas/questionnaires/new',
              lazy: async () => ({
                Component: (await import('../features/sipas/QuestionnaireEditorPage.tsx'))
                  .QuestionnaireEditorPage,
              }),
            },
            {
              path: 'sipas/questionnaires/:questionnaireId/edit',
              lazy: async () => ({
                Component: (await import('../features/sipas/QuestionnaireEditorPage.tsx'))
                  .QuestionnaireEditorPage,
              }),
            },
            {
              path: 'sipas/:id',
              lazy: async () => ({
                Component: (await import('../features/sipas/SipasCampaignPage.tsx'))
                  .SipasCampaignPage,
              }),
            },
            {
              path: 'sipas/:id/indexes',
              lazy: async () => ({
                Component: (await import('../features/sipas/SipasIndexesPage.tsx'))
                  .SipasIndexesPage,
              }),
            },
            {
              path: 'sipas/:id/paper',
              lazy: async () => ({
                Component: (await import('../features/sipas/PaperEntryPage.tsx')).PaperEntryPage,
              }),
            },
            {
              path: 'sipas/:id/import',
              lazy: async () => ({
                Component: (await import('../features/sipas/ImportPage.tsx')).ImportPage,
              }),
            },
            {
              path: 'dossiers',
              lazy: async () => ({
                Component: (await import('../features/dossiers/QuarterPage.tsx')).QuarterPage,
              }),
            },
            {
              path: 'dossiers/import',
              lazy: async () => ({
                Component: (await import('../features/dossiers/ImportPage.tsx')).ImportPage,
              }),
            },
            {
              path: 'dossiers/list',
              lazy: async () => ({
                Component: (await import('../features/dossiers/DossierListPage.tsx'))
                  .DossierListPage,
              }),
            },
            {
              path: 'dossiers/rating',
              lazy: async () => ({
                Component: (await import('../features/dossiers/RatingEntryPage.tsx'))
                  .RatingEntryPage,
              }),
            },
            {
              path: 'dossiers/dashboard',
              lazy: async () => ({
                Component: (await import('../features/dossiers/DashboardPage.tsx')).DashboardPage,
              }),
            },
            {
              path: 'dossiers/bands',
              lazy: async () => ({
                Component: (await import('../features/dossiers/BandsPage.tsx')).BandsPage,
              }),
            },
            {
              path: 'dossiers/method',
              lazy: async () => ({
                Component: (await import('../features/dossiers/MethodPage.tsx')).MethodPage,
              }),
            },
            {
              path: 'dossiers/postal-catalogue',
              lazy: async () => ({
                Component: (await import('../features/dossiers/PostalCataloguePage.tsx'))
                  .PostalCataloguePage,
              }),
            },
            {
              path: 'dossiers/officials',
              lazy: async () => ({
                Component: (await import('../features/dossiers/OfficialsPage.tsx')).OfficialsPage,
              }),
            },
            {
              path: 'change-password',
              lazy: async () => ({
                Component: (await import('../features/auth/ChangePasswordPage.tsx'))
                  .ChangePasswordPage,
              }),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
