/**
 * Adding a sub-unit or editing (and moving) a unit. Problems the server finds are shown under the
 * field they concern (a code already taken, an end of validity before its start…).
 */
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import type { Unit, UnitKind } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useCreateUnit, useUpdateUnit } from './hooks.ts';
import { DateField } from '../../components/DateField.tsx';

const FIELDS = ['code', 'name', 'kind', 'parentId', 'validFrom', 'validTo'] as const;

export type UnitFormTarget =
  | { mode: 'create'; parent: { id: number; name: string } }
  | { mode: 'edit'; unit: Unit; parent: PickedUnit | null };

interface UnitFormModalProps {
  target: UnitFormTarget | null;
  kinds: readonly UnitKind[];
  onClose: () => void;
  onSaved: (unit: Unit, mode: UnitFormTarget['mode']) => void;
}

/** The modal around the unit form; the form is rebuilt for each opening. */
export function UnitFormModal({ target, kinds, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const title =
    target?.mode === 'create'
      ? t('units.addChildTitle', { parent: target.parent.name })
      : target?.mode === 'edit'
        ? t('units.editTitle', { name: target.unit.name })
        : '';
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target ? (
        <UnitForm target={target} kinds={kinds} onCancel={onClose} onSaved={onSaved} />
      ) : null}
    </Modal>
  );
}

function UnitForm({
  target,
  kinds,
  onCancel,
  onSaved,
}: {
  target: UnitFormTarget;
  kinds: readonly UnitKind[];
  onCancel: () => void;
  onSaved: UnitFormModalProps['onSaved'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const initial = target.mode === 'edit' ? target.unit : null;
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<string | null>(initial?.kind ?? null);
  const [validFrom, setValidFrom] = useState(initial?.validFrom ?? '');
  const [validTo, setValidTo] = useState(initial?.validTo ?? '');
  const [parent, setParent] = useState<PickedUnit | null>(
    target.mode === 'edit' ? target.parent : null,
  );
  const [problems, setProblems] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const create = useCreateUnit();
  const update = useUpdateUnit(initial?.id ?? 0);
  const mutation = target.mode === 'create' ? create : update;
  const error = mutation.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!code.trim()) found.code = t('units.codeRequired');
    if (!name.trim()) found.name = t('units.nameRequired');
    if (!kind) found.kind = t('units.kindRequired');
    setProblems(found);
    if (Object.keys(found).length > 0 || !kind) return;
    const input = {
      code: code.trim(),
      name: name.trim(),
      kind,
      parentId: target.mode === 'create' ? target.parent.id : (parent?.id ?? null),
      validFrom: validFrom || null,
      validTo: validTo || null,
    };
    if (target.mode === 'create') {
      create.mutate(input, { onSuccess: (unit) => onSaved(unit, 'create') });
    } else {
      update.mutate(
        { ...input, version: target.unit.version },
        { onSuccess: (unit) => onSaved(unit, 'edit') },
      );
    }
  };

  const errorOf = (field: (typeof FIELDS)[number]) => problems[field] ?? fieldError(error, field);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('units.code')}
            description={t('units.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errorOf('code')}
            required
            autoComplete="off"
            data-autofocus
          />
          <Select
            label={t('units.kind')}
            data={kinds.map((k) => ({
              value: k.code,
              label: language === 'vi' ? k.nameVi : k.nameEn,
            }))}
            value={kind}
            onChange={setKind}
            error={errorOf('kind')}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TextInput
          label={t('units.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorOf('name')}
          required
          autoComplete="off"
        />
        {target.mode === 'edit' ? (
          <UnitPicker
            label={t('units.parent')}
            description={t('units.parentHint')}
            placeholder={t('units.parentNone')}
            value={parent}
            onChange={setParent}
            error={errorOf('parentId')}
            excludeIds={[target.unit.id]}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('units.validFrom')}
            value={validFrom}
            onChange={setValidFrom}
            error={errorOf('validFrom')}
          />
          <DateField
            label={t('units.validTo')}
            value={validTo}
            onChange={setValidTo}
            error={errorOf('validTo')}
          />
        </SimpleGrid>
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
