/**
 * Creating a user with their first roles. When no password is typed the server generates a
 * temporary one, shown here once.
 */
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@domain/access.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import type { User } from './api.ts';
import { useCreateUser } from './hooks.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

interface GrantRow {
  key: number;
  role: Role;
  unit: PickedUnit | null;
}

/** The modal: the form, then the result. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.createTitle')}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <CreateUserFlow onClose={onClose} /> : null}
    </Modal>
  );
}

function CreateUserFlow({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ user: User; temporaryPassword: string | null } | null>(
    null,
  );
  if (!created) return <CreateUserForm onCancel={onClose} onCreated={setCreated} />;
  return (
    <Stack>
      <SuccessNotice onClose={onClose}>
        {t('users.created', { username: created.user.username })}
      </SuccessNotice>
      {created.temporaryPassword ? (
        <TemporaryPassword username={created.user.username} password={created.temporaryPassword} />
      ) : null}
      <Group justify="flex-end">
        <Button
          variant="default"
          component={Link}
          to={`/users/${created.user.id}`}
          onClick={onClose}
        >
          {t('users.openUser')}
        </Button>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}

function CreateUserForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (result: { user: User; temporaryPassword: string | null }) => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateUser();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantRow[]>([{ key: 1, role: 'unit_officer', unit: null }]);
  const [problems, setProblems] = useState<{ username?: string; fullName?: string }>({});
  const error = mutation.error;
  const grantFields = grants.flatMap((_, i) => [
    `grants.${i}.role`,
    `grants.${i}.unitId`,
    `grants.${i}`,
  ]);
  const fields = ['username', 'fullName', 'email', 'password', 'grants', ...grantFields];

  const setGrant = (key: number, change: Partial<GrantRow>) =>
    setGrants((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(username.trim() ? {} : { username: t('users.usernameRequired') }),
      ...(fullName.trim() ? {} : { fullName: t('users.fullNameRequired') }),
    };
    setProblems(found);
    if (found.username || found.fullName) return;
    mutation.mutate(
      {
        username: username.trim(),
        fullName: fullName.trim(),
        email: email.trim() || null,
        ...(password ? { password } : {}),
        grants: grants.map((g) => ({ role: g.role, unitId: g.unit?.id ?? null })),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} fields={fields} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={problems.username ?? fieldError(error, 'username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
          />
          <TextInput
            label={t('users.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={problems.fullName ?? fieldError(error, 'fullName')}
            autoComplete="off"
            required
          />
          <TextInput
            label={t('users.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(error, 'email')}
            autoComplete="off"
          />
          <PasswordField
            label={t('users.password')}
            description={t('users.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(error, 'password')}
            autoComplete="new-password"
          />
        </SimpleGrid>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm">
            {t('users.grants')}
          </Text>
          {fieldError(error, 'grants') ? (
            <Text c="red" size="sm">
              {fieldError(error, 'grants')}
            </Text>
          ) : null}
          {grants.map((grant, index) => (
            <Paper key={grant.key} withBorder p="sm">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                  <RoleSelect
                    label={t('users.role')}
                    value={grant.role}
                    onChange={(role) => setGrant(grant.key, { role })}
                    error={fieldError(error, `grants.${index}.role`)}
                  />
                  <UnitPicker
                    label={t('users.unit')}
                    description={t('users.unitHint')}
                    value={grant.unit}
                    onChange={(unit) => setGrant(grant.key, { unit })}
                    error={
                      fieldError(error, `grants.${index}.unitId`) ??
                      fieldError(error, `grants.${index}`)
                    }
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('users.removeGrantRow', { index: index + 1 })}
                  onClick={() => setGrants((rows) => rows.filter((row) => row.key !== grant.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Button
            variant="light"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              setGrants((rows) => [
                ...rows,
                {
                  key: Math.max(0, ...rows.map((r) => r.key)) + 1,
                  role: 'unit_officer',
                  unit: null,
                },
              ])
            }
          >
            {t('users.addGrantRow')}
          </Button>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
