// The route table. Public pages (log in, sign up, invitation) sit outside the signed-in frame.
// Signed-in pages load on first visit, so the charts library and editors stay out of the first download.
import { lazy, Suspense, type ComponentType } from 'react';
import { Center, Loader } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { InvitePage } from './features/auth/InvitePage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { SessionProvider } from './features/auth/session';
import { SignupPage } from './features/auth/SignupPage';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const DashboardPage = page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const LocationsPage = page(() => import('./features/locations/LocationsPage'), 'LocationsPage');
const LocationPage = page(() => import('./features/locations/LocationPage'), 'LocationPage');
const InsuredsPage = page(() => import('./features/insureds/InsuredsPage'), 'InsuredsPage');
const InsuredPage = page(() => import('./features/insureds/InsuredPage'), 'InsuredPage');
const CertificatePage = page(() => import('./features/certificates/CertificatePage'), 'CertificatePage');
const RequirementSetsPage = page(() => import('./features/requirementSets/RequirementSetsPage'), 'RequirementSetsPage');
const RequirementSetPage = page(() => import('./features/requirementSets/RequirementSetPage'), 'RequirementSetPage');
const ComplianceReportPage = page(() => import('./features/compliance/ComplianceReportPage'), 'ComplianceReportPage');
const InsurersPage = page(() => import('./features/compliance/InsurersPage'), 'InsurersPage');
const AuditLogPage = page(() => import('./features/audit/AuditLogPage'), 'AuditLogPage');
const SettingsPage = page(() => import('./features/settings/SettingsPage'), 'SettingsPage');

function PageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading page" />
    </Center>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Lazy page={DashboardPage} />} />
          <Route path="locations" element={<Lazy page={LocationsPage} />} />
          <Route path="locations/:locationId" element={<Lazy page={LocationPage} />} />
          <Route path="insureds" element={<Lazy page={InsuredsPage} />} />
          <Route path="insureds/:insuredId" element={<Lazy page={InsuredPage} />} />
          <Route path="certificates/:certificateId" element={<Lazy page={CertificatePage} />} />
          <Route path="requirement-sets" element={<Lazy page={RequirementSetsPage} />} />
          <Route path="requirement-sets/new" element={<Lazy page={RequirementSetPage} />} />
          <Route path="requirement-sets/:requirementSetId" element={<Lazy page={RequirementSetPage} />} />
          <Route path="compliance-report" element={<Lazy page={ComplianceReportPage} />} />
          <Route path="insurers" element={<Lazy page={InsurersPage} />} />
          <Route path="audit-log" element={<Lazy page={AuditLogPage} />} />
          <Route path="settings" element={<Lazy page={SettingsPage} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}
