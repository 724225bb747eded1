/**
 * Correcting or removing a merger link recorded in error. Both take a reason, kept in the audit
 * log; the server checks that the user manages both units.
 */
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useCorrectMerger, useRemoveMerger } from './hooks.ts';
import { DateField } from '../../components/DateField.tsx';

const FIELDS = ['mergeType', 'effectiveDate', 'reason'] as const;

/** The link being changed, with the names shown to the user. */
export interface EditedLink {
  predecessorId: number;
  predecessorName: string;
  successorId: number;
  successorName: string;
  mergeType: 'full' | 'partial';
  effectiveDate: string | null;
  mode: 'correct' | 'remove';
}

export function MergerEditModal({
  link,
  onClose,
  onSaved,
}: {
  link: EditedLink | null;
  onClose: () => void;
  onSaved: (mode: 'correct' | 'remove') => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={link !== null}
      onClose={onClose}
      title={link?.mode === 'remove' ? t('units.mergerRemoveTitle') : t('units.mergerCorrectTitle')}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {link ? <EditForm link={link} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function EditForm({
  link,
  onCancel,
  onSaved,
}: {
  link: EditedLink;
  onCancel: () => void;
  onSaved: (mode: 'correct' | 'remove') => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectMerger();
  const remove = useRemoveMerger();
  const mutation = link.mode === 'remove' ? remove : correct;
  const [mergeType, setMergeType] = useState(link.mergeType);
  const [effectiveDate, setEffectiveDate] = useState(link.effectiveDate ?? '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed === '') return;
    const ids = { predecessorId: link.predecessorId, successorId: link.successorId };
    if (link.mode === 'remove')
      remove.mutate({ ...ids, reason: trimmed }, { onSuccess: () => onSaved('remove') });
    else
      correct.mutate(
        { ...ids, mergeType, effectiveDate: effectiveDate || null, reason: trimmed },
        { onSuccess: () => onSaved('correct') },
      );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('units.mergerLink', { from: link.predecessorName, to: link.successorName })}
        </Text>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        {link.mode === 'correct' ? (
          <>
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
          </>
        ) : (
          <Text size="sm">{t('units.mergerRemoveIntro')}</Text>
        )}
        <Textarea
          label={t('units.mergerReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? t('units.mergerReasonRequired') : fieldError(mutation.error, 'reason')}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={link.mode === 'remove' ? 'red' : undefined}
            loading={mutation.isPending}
          >
            {link.mode === 'remove' ? t('units.mergerRemove') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
