/** The peace-operations pages under /peace, sharing the justification the officer gave in this tab. */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { CallPage } from './call-page.tsx';
import { CandidateFormPage } from './candidate-form-page.tsx';
import { CandidatePage } from './candidate-page.tsx';
import { DeploymentPage } from './deployment-page.tsx';
import { JustificationProvider } from './justification.tsx';
import { MissionFormPage } from './mission-form-page.tsx';
import { MissionPage } from './mission-page.tsx';
import { PeaceHomePage } from './peace-home-page.tsx';
import { RosterPage } from './roster-page.tsx';

// The charts library is large: the statistics page loads on first visit, not with the app.
const PeaceStatisticsPage = lazy(() => import('./statistics-page.tsx').then((m) => ({ default: m.PeaceStatisticsPage })));

export function PeaceRoutes() {
  return (
    <JustificationProvider>
      <Routes>
        <Route index element={<PeaceHomePage />} />
        <Route path="missions/new" element={<MissionFormPage />} />
        <Route path="missions/:id" element={<MissionPage />} />
        <Route path="calls/:id" element={<CallPage />} />
        <Route path="roster" element={<RosterPage />} />
        <Route path="roster/new" element={<CandidateFormPage />} />
        <Route path="roster/:id" element={<CandidatePage />} />
        <Route path="deployments/:id" element={<DeploymentPage />} />
        <Route path="statistics" element={<Suspense fallback={null}><PeaceStatisticsPage /></Suspense>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </JustificationProvider>
  );
}
