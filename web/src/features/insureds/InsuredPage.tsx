// One insured: its compliance at each location on top, then tabs: overview (its fields), contacts, locations,
// certificates and documents.
import { Anchor, Badge, Tabs } from '@mantine/core';
import { IconAddressBook, IconCertificate, IconFiles, IconInfoCircle, IconMapPin } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useInsured } from '../../api/insureds';
import type { Insured } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CoverageBadge } from '../../components/StatusBadge';
import { CompliancePanel } from '../compliance/CompliancePanel';
import { AssignmentsPanel } from './AssignmentsPanel';
import { CertificatesPanel } from './CertificatesPanel';
import { ContactsPanel } from './ContactsPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { InsuredOverview } from './InsuredOverview';

const tabs = ['overview', 'contacts', 'locations', 'certificates', 'documents'] as const;
type Tab = (typeof tabs)[number];

export function InsuredPage() {
  const { insuredId = '' } = useParams();
  const insured = useInsured(insuredId);
  return <QueryState query={insured}>{(data) => <InsuredDetail insured={data} />}</QueryState>;
}

function InsuredDetail({ insured }: { insured: Insured }) {
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((t) => t === params.get('tab')) ?? 'overview';

  return (
    <>
      <PageHeader
        title={insured.legalName}
        badge={
          <>
            <CoverageBadge state={insured.coverageState} size="lg" data-testid="insured-coverage" />
            {insured.status === 'archived' && <Badge color="gray">archived</Badge>}
          </>
        }
        description={
          <Anchor component={Link} to="/insureds" size="sm">
            ← All insureds
          </Anchor>
        }
      />
      <CompliancePanel insuredId={insured.id} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>
            Contacts
          </Tabs.Tab>
          <Tabs.Tab value="locations" leftSection={<IconMapPin size={16} />}>
            Locations
          </Tabs.Tab>
          <Tabs.Tab value="certificates" leftSection={<IconCertificate size={16} />}>
            Certificates ({insured.certificateCount})
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFiles size={16} />}>
            Documents
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <InsuredOverview insured={insured} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsPanel insuredId={insured.id} />
        </Tabs.Panel>
        <Tabs.Panel value="locations">
          <AssignmentsPanel insuredId={insured.id} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates">
          <CertificatesPanel insured={insured} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsPanel insuredId={insured.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
