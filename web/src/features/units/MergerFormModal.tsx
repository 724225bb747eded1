/** Recording that an older unit went, wholly or partly, into this one. */
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import type { Unit } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useAddMerger } from './hooks.ts';
import { DateField } from '../../components/DateField.tsx';

const FIELDS = ['predecessorId', 'successorId', 'mergeType', 'effectiveDate'] as const;

interface MergerFormModalProps {
  successor: Unit;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** The merger form in a modal. */
export function MergerFormModal({ successor, opened, onClose, onSaved }: MergerFormModalProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('units.mergerTitle', { name: successor.name })}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <MergerForm successor={successor} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function MergerForm({
  successor,
  onCancel,
  onSaved,
}: {
  successor: Unit;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useAddMerger();
  const [predecessor, setPredecessor] = useState<PickedUnit | null>(null);
  const [mergeType, setMergeType] = useState<'full' | 'partial'>('full');
  const [effectiveDate, setEffectiveDate] = useState(successor.validFrom ?? '');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(predecessor === null);
    if (!predecessor) return;
    mutation.mutate(
      {
        predecessorId: predecessor.id,
        successorId: successor.id,
        mergeType,
        effectiveDate: effectiveDate || null,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('units.mergerIntro', { name: successor.name })}</Text>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <UnitPicker
          label={t('units.predecessor')}
          value={predecessor}
          onChange={setPredecessor}
          error={
            missing ? t('units.predecessorRequired') : fieldError(mutation.error, 'predecessorId')
          }
          excludeIds={[successor.id]}
          required
        />
        <Radio.Group
          label={t('units.mergeType')}
          value={mergeType}
          onChange={(value) => setMergeType(value === 'partial' ? 'partial' : 'full')}
          error={fieldError(mutation.error, 'mergeType')}
        >
          <Group mt="xs">
            <Radio value="full" label={t('units.mergeTypeFull')} />
            <Radio value="partial" label={t('units.mergeTypePartial')} />
          </Group>
        </Radio.Group>
        <DateField
          label={t('units.effectiveDate')}
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={fieldError(mutation.error, 'effectiveDate')}
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
