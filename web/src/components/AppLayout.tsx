// The signed-in frame: header (name, organization switcher, user menu), navigation, and the page.
// Below the sm breakpoint the navigation collapses behind a burger.
import { useState } from 'react';
import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Select, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuilding,
  IconChevronDown,
  IconClipboardList,
  IconGauge,
  IconHistory,
  IconLogout,
  IconMapPin,
  IconReportAnalytics,
  IconSettings,
  IconShieldCheck,
  IconUsers,
} from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/auth';
import { OrgIdContext } from '../api/orgScope';
import { useSession } from '../features/auth/session';
import { NewOrganizationModal } from '../features/organizations/NewOrganizationModal';
import { NoOrganizationPage } from '../features/organizations/NoOrganizationPage';
import { notifyError } from '../lib/errors';
import { RoleBadge } from './StatusBadge';

const NEW_ORGANIZATION = '__new__';

const navItems = [
  { to: '/', label: 'Dashboard', icon: IconGauge, end: true },
  { to: '/locations', label: 'Locations', icon: IconMapPin },
  { to: '/insureds', label: 'Insureds', icon: IconUsers },
  { to: '/requirement-sets', label: 'Requirement sets', icon: IconClipboardList },
  { to: '/compliance-report', label: 'Compliance report', icon: IconReportAnalytics },
  { to: '/insurers', label: 'Insurers', icon: IconShieldCheck },
  { to: '/audit-log', label: 'Audit log', icon: IconHistory },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const [newOrgOpened, setNewOrgOpened] = useState(false);
  const { session, currentOrg, selectOrganization } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();

  const switchTo = (orgId: string) => {
    if (orgId === currentOrg?.id) return;
    selectOrganization(orgId);
    // the page open now belongs to the previous organization
    navigate('/');
  };

  const orgOptions = [
    ...(session?.organizations ?? []).map((o) => ({ value: o.id, label: o.name })),
    { value: NEW_ORGANIZATION, label: '+ New organization' },
  ];

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (err) => notifyError(err, 'Could not log out'),
    });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} c="blue" size="lg" visibleFrom="xs">
              coi-tracker
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {currentOrg && (
              <Select
                aria-label="Organization"
                data-testid="org-switcher"
                data={orgOptions}
                value={currentOrg.id}
                onChange={(value) => (value === NEW_ORGANIZATION ? setNewOrgOpened(true) : value && switchTo(value))}
                allowDeselect={false}
                leftSection={<IconBuilding size={16} />}
                w={{ base: 170, sm: 240 }}
                comboboxProps={{ width: 260, position: 'bottom-end' }}
              />
            )}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="User menu" data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                      {session?.user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session?.user.email}</Menu.Label>
                {currentOrg && (
                  <Menu.Item disabled>
                    Role in {currentOrg.name}: <RoleBadge role={currentOrg.role} size="xs" />
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={14} />} onClick={onLogout}>
                  Log out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {navItems.map((item) => {
            const active = item.end ? location.pathname === item.to : location.pathname.startsWith(item.to);
            return (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.5} />}
                active={active}
                onClick={nav.close}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {currentOrg ? (
          // remount pages on switch so no state from the previous organization lingers
          <OrgIdContext.Provider value={currentOrg.id} key={currentOrg.id}>
            <Outlet />
          </OrgIdContext.Provider>
        ) : (
          <NoOrganizationPage onCreate={() => setNewOrgOpened(true)} />
        )}
      </AppShell.Main>

      <NewOrganizationModal opened={newOrgOpened} onClose={() => setNewOrgOpened(false)} onCreated={switchTo} />
    </AppShell>
  );
}
