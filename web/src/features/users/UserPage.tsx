/**
 * One user: details and state, editing, disabling or enabling, resetting the password, and the
 * roles granted on units.
 */
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  DataList,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Role } from '@domain/access.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { User } from './api.ts';
import { useAddGrant, useRemoveGrant, useResetPassword, useUpdateUser, useUser } from './hooks.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import { UserStatus } from './UserStatus.tsx';

/** The page of one user. */
export function UserPage() {
  const { t } = useTranslation();
  const { userId } = useParams();
  const id = Number(userId);
  const user = useUser(Number.isInteger(id) ? id : 0);
  usePageTitle(user.data?.username ?? t('users.title'));
  if (!Number.isInteger(id) || id <= 0)
    return <Alert color="red">{t('errors.notFoundPage')}</Alert>;
  if (user.isLoading) return <LoadingState />;
  if (user.error || !user.data) return <ErrorAlert error={user.error} />;
  return <UserView key={id} user={user.data} />;
}

function UserView({ user }: { user: User }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'disable' | 'reset' | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const self = session.user.id === user.id;

  const setDisabled = (disabled: boolean) =>
    update.mutate(
      { fullName: user.fullName, email: user.email, disabled, version: user.version },
      {
        onSuccess: () => {
          setConfirm(null);
          setNotice(disabled ? t('users.disabledDone') : t('users.enabledDone'));
        },
      },
    );

  return (
    <Stack>
      <nav aria-label={t('nav.users')}>
        <Breadcrumbs>
          <Anchor component={Link} to="/users" size="sm">
            {t('users.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {user.username}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{user.fullName}</Title>
          <UserStatus user={user} />
        </Stack>
        <Group gap="xs">
          <Button size="sm" variant="default" onClick={() => setEditing(true)}>
            {t('users.edit')}
          </Button>
          {user.disabled ? (
            <Button
              size="sm"
              variant="default"
              onClick={() => setDisabled(false)}
              loading={update.isPending}
            >
              {t('users.enable')}
            </Button>
          ) : !self ? (
            <Button size="sm" variant="light" color="red" onClick={() => setConfirm('disable')}>
              {t('users.disable')}
            </Button>
          ) : null}
          <Button size="sm" variant="default" onClick={() => setConfirm('reset')}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Group>

      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      {confirm === null && update.error ? <ErrorAlert error={update.error} /> : null}
      {temporaryPassword ? (
        <TemporaryPassword username={user.username} password={temporaryPassword} />
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="user-details-title">
        <Title order={3} size="h4" id="user-details-title" mb="sm">
          {t('users.details')}
        </Title>
        <DataList labelWidth={160}>
          <DataList.Item>
            <DataList.ItemLabel>{t('users.username')}</DataList.ItemLabel>
            <DataList.ItemValue>{user.username}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('users.fullName')}</DataList.ItemLabel>
            <DataList.ItemValue>{user.fullName}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('users.email')}</DataList.ItemLabel>
            <DataList.ItemValue>{user.email ?? t('common.none')}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('users.createdAt')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatDateTime(user.createdAt, language)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>

      <GrantsSection user={user} onNotice={setNotice} />

      <EditUserModal
        user={user}
        opened={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setNotice(t('users.saved'));
        }}
      />
      <ConfirmDialog
        opened={confirm === 'disable'}
        title={t('users.disable')}
        message={t('users.disableConfirm', { username: user.username })}
        confirmLabel={t('users.disable')}
        color="red"
        loading={update.isPending}
        onConfirm={() => setDisabled(true)}
        onClose={() => setConfirm(null)}
      >
        <ErrorAlert error={update.error} />
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'reset'}
        title={t('users.resetPassword')}
        message={t('users.resetConfirm', { username: user.username })}
        confirmLabel={t('users.resetPassword')}
        loading={reset.isPending}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: (result) => {
              setConfirm(null);
              setTemporaryPassword(result.temporaryPassword);
            },
          })
        }
        onClose={() => setConfirm(null)}
      >
        <ErrorAlert error={reset.error} />
      </ConfirmDialog>
    </Stack>
  );
}

function GrantsSection({ user, onNotice }: { user: User; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const add = useAddGrant(user.id);
  const remove = useRemoveGrant(user.id);
  const [role, setRole] = useState<Role>('unit_officer');
  const [unit, setUnit] = useState<PickedUnit | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { role, unitId: unit?.id ?? null },
      {
        onSuccess: () => {
          setUnit(null);
          onNotice(t('users.grantAdded'));
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="grants-title">
      <Title order={3} size="h4" id="grants-title" mb="sm">
        {t('users.grants')}
      </Title>
      <Stack>
        <ErrorAlert error={remove.error} />
        {user.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.noGrants')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={mobile ? 320 : 560}>
            <Table aria-labelledby="grants-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.unit')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('users.revoke')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.grants.map((g) => {
                  const unitName = g.unitName ?? t('users.national');
                  return (
                    <Table.Tr key={g.id}>
                      <Table.Td>{t(`roles.${g.role}`)}</Table.Td>
                      <Table.Td>
                        {g.unitId !== null ? (
                          <Anchor component={Link} to={`/units/${g.unitId}`}>
                            {unitName}
                          </Anchor>
                        ) : (
                          unitName
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('users.revokeLabel', {
                            role: t(`roles.${g.role}`),
                            unit: unitName,
                          })}
                          loading={remove.isPending && remove.variables === g.id}
                          onClick={() =>
                            remove.mutate(g.id, { onSuccess: () => onNotice(t('users.revoked')) })
                          }
                        >
                          {t('users.revoke')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate aria-labelledby="add-grant-title">
          <Stack gap="xs">
            <Text fw={500} size="sm" id="add-grant-title">
              {t('users.addGrantTitle')}
            </Text>
            <ErrorAlert error={add.error} fields={['role', 'unitId']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <RoleSelect
                label={t('users.role')}
                value={role}
                onChange={setRole}
                error={fieldError(add.error, 'role')}
              />
              <UnitPicker
                label={t('users.unit')}
                description={t('users.unitHint')}
                value={unit}
                onChange={setUnit}
                error={fieldError(add.error, 'unitId')}
              />
            </SimpleGrid>
            <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('users.grantSubmit')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function EditUserModal({
  user,
  opened,
  onClose,
  onSaved,
}: {
  user: User;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.editTitle', { username: user.username })}
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <EditUserForm user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function EditUserForm({
  user,
  onCancel,
  onSaved,
}: {
  user: User;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateUser(user.id);
  const [fullName, setFullName] = useState(user.fullName);
  const [email, setEmail] = useState(user.email ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!fullName.trim());
    if (!fullName.trim()) return;
    mutation.mutate(
      {
        fullName: fullName.trim(),
        email: email.trim() || null,
        disabled: user.disabled,
        version: user.version,
      },
      { onSuccess: onSaved },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} fields={['fullName', 'email']} />
        <TextInput
          label={t('users.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={missing ? t('users.fullNameRequired') : fieldError(mutation.error, 'fullName')}
          required
          data-autofocus
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(mutation.error, 'email')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
