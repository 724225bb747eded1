/** Picks one of the roles, named in the user's language. */
import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@domain/access.ts';

/** A select of roles. */
export function RoleSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: ReactNode;
  value: Role;
  onChange: (role: Role) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      value={value}
      onChange={(next) => {
        const role = ROLES.find((r) => r === next);
        if (role) onChange(role);
      }}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      allowDeselect={false}
      error={error}
      required
      comboboxProps={{ withinPortal: true }}
    />
  );
}
