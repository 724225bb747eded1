/**
 * The frame of every signed-in page: a header with the app name, the language switch and sign-out,
 * and a side menu that folds behind a burger button on phones.
 */
import {
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { permissionsOf } from '@domain/access.ts';
import { useLogout } from '../features/auth/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { isNationalAdmin } from './RequirePermission.tsx';
import { useIsMobile } from '../lib/use-is-mobile.ts';

/** Header, menu and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure(false);
  const mobile = useIsMobile();
  const restricted = session.user.mustChangePassword;

  const links = [
    { to: '/', label: t('home.nav'), shown: !restricted },
    { to: '/units', label: t('nav.units'), shown: !restricted },
    { to: '/criteria', label: t('nav.criteria'), shown: !restricted },
    { to: '/campaigns', label: t('campaigns.nav'), shown: !restricted },
    { to: '/dossiers', label: t('dossiers.nav'), shown: !restricted },
    { to: '/sipas', label: t('sipas.nav'), shown: !restricted },
    {
      to: '/remediation',
      label: t('remediation.nav'),
      shown:
        !restricted &&
        session.grants.some((g) => permissionsOf(g.role).includes('remediation.read')),
    },
    { to: '/users', label: t('nav.users'), shown: !restricted && session.permissions.manageUsers },
    { to: '/audit', label: t('nav.audit'), shown: !restricted && session.permissions.readAudit },
    { to: '/outbox', label: t('outbox.nav'), shown: !restricted && isNationalAdmin(session) },
    {
      to: '/documents/templates',
      label: t('documents.nav'),
      shown:
        !restricted &&
        session.grants.some((g) => permissionsOf(g.role).includes('document.template')),
    },
  ].filter((l) => l.shown);

  const signOut = () => logout.mutate();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" onClick={close}>
              <Title order={1} size="h4">
                {t('app.name')}
              </Title>
            </UnstyledButton>
          </Group>
          {!restricted && (
            <Group gap="xs" wrap="nowrap" ml="auto" mr={mobile ? 0 : 'md'}>
              <NotificationBell />
            </Group>
          )}
          <Group gap="md" visibleFrom="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" truncate maw={260} title={session.user.username}>
              {session.user.fullName}
            </Text>
            <Button variant="default" size="xs" onClick={signOut} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        component="nav"
        aria-label={t('nav.main')}
        // Folded away on a phone: out of the tab order and of screen readers too.
        inert={mobile && !opened}
      >
        <AppShell.Section grow>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              active={
                link.to === '/'
                  ? location.pathname === '/'
                  : location.pathname === link.to || location.pathname.startsWith(`${link.to}/`)
              }
              onClick={close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component={Link}
            to="/change-password"
            label={t('nav.changePassword')}
            active={location.pathname === '/change-password'}
            onClick={close}
          />
          <Stack gap="xs" mt="sm" hiddenFrom="sm">
            <Text size="sm" fw={500}>
              {session.user.fullName}
            </Text>
            <LanguageSwitch fullWidth />
            <Button variant="default" onClick={signOut} loading={logout.isPending}>
              {t('nav.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
