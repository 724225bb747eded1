/** Creating a campaign: name, year, a criteria set (its unit kind with it) and the five deadlines. */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { campaignApi, type Deadlines } from './api.ts';
import { points } from './format.ts';
import { useCreateCampaign } from './hooks.ts';
import { DateField } from '../../components/DateField.tsx';

export const DEADLINE_KEYS: ReadonlyArray<keyof Deadlines> = [
  'selfAssessment',
  'round1',
  'explanations',
  'round2',
  'publication',
];

/** The form of a new campaign. */
export function CreateCampaignModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const sets = useQuery({
    queryKey: ['campaigns', 'criteria-sets'],
    queryFn: ({ signal }) => campaignApi.criteriaSets(signal),
    enabled: opened,
  });
  const create = useCreateCampaign();
  const [name, setName] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [setId, setSetId] = useState<string | null>(null);
  const [deadlines, setDeadlines] = useState<Deadlines>({
    selfAssessment: '',
    round1: '',
    explanations: '',
    round2: '',
    publication: '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const set = sets.data?.items.find((s) => String(s.id) === setId);
    if (!set) return;
    create.mutate(
      { name, year, deadlines, criteriaSets: [{ unitKind: set.unitKind, criteriaSetId: set.id }] },
      { onSuccess: (d) => onCreated(d.campaign.id) },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('campaigns.create.title')}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert
            error={create.error}
            fields={['name', 'year', ...DEADLINE_KEYS.map((k) => `deadlines.${k}`)]}
          />
          <TextInput
            label={t('campaigns.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
          />
          <NumberInput
            label={t('campaigns.fields.year')}
            required
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(Number(v) || year)}
            error={fieldError(create.error, 'year')}
          />
          <Select
            label={t('campaigns.fields.criteriaSet')}
            required
            value={setId}
            onChange={setSetId}
            data={(sets.data?.items ?? []).map((s) => ({
              value: String(s.id),
              label: `${s.name} (${s.year}, ${points(s.maxHundredths)})`,
            }))}
            error={sets.error instanceof Error ? sets.error.message : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {DEADLINE_KEYS.map((key) => (
              <DateField
                key={key}
                required
                label={t(`campaigns.deadlines.${key}`)}
                value={deadlines[key]}
                onChange={(value) => setDeadlines((d) => ({ ...d, [key]: value }))}
                error={fieldError(create.error, `deadlines.${key}`)}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!setId}>
              {t('campaigns.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
