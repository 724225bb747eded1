/** Starting next year's set as a copy of an existing one (frozen or not). */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import type { CriteriaSet, CriteriaSetDetail } from './api.ts';
import { useCopySet } from './hooks.ts';

const FIELDS = ['year', 'name'] as const;

interface CopySetModalProps {
  source: CriteriaSet | null;
  onClose: () => void;
  onCopied: (detail: CriteriaSetDetail) => void;
}

/** The modal; the form inside is rebuilt for each source. */
export function CopySetModal({ source, onClose, onCopied }: CopySetModalProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={source !== null}
      onClose={onClose}
      title={t('criteria.copyTitle')}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {source ? (
        <CopySetForm key={source.id} source={source} onCancel={onClose} onCopied={onCopied} />
      ) : null}
    </Modal>
  );
}

/** The source's name with its year replaced by the new one (or the year added). */
function nameForYear(name: string, from: number, to: number): string {
  return name.includes(String(from))
    ? name.replaceAll(String(from), String(to))
    : `${name} (${to})`;
}

function CopySetForm({
  source,
  onCancel,
  onCopied,
}: {
  source: CriteriaSet;
  onCancel: () => void;
  onCopied: (detail: CriteriaSetDetail) => void;
}) {
  const { t } = useTranslation();
  const copy = useCopySet();
  const [year, setYear] = useState(String(source.year + 1));
  const [name, setName] = useState(nameForYear(source.name, source.year, source.year + 1));
  const [problems, setProblems] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});

  const changeYear = (text: string) => {
    const next = Number(text);
    const previous = Number(year);
    if (Number.isInteger(next) && Number.isInteger(previous) && name.includes(String(previous))) {
      setName(name.replaceAll(String(previous), String(next)));
    }
    setYear(text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    const yearNumber = Number(year);
    if (!Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100)
      found.year = t('criteria.yearInvalid');
    if (!name.trim()) found.name = t('criteria.nameRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    copy.mutate({ id: source.id, year: yearNumber, name: name.trim() }, { onSuccess: onCopied });
  };
  const errorOf = (field: (typeof FIELDS)[number]) =>
    problems[field] ?? fieldError(copy.error, field);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('criteria.copyIntro', { name: source.name })}</Text>
        <ErrorAlert error={copy.error} fields={FIELDS} />
        <TextInput
          label={t('criteria.copyYear')}
          value={year}
          inputMode="numeric"
          onChange={(e) => changeYear(e.currentTarget.value)}
          error={errorOf('year')}
          required
          data-autofocus
        />
        <TextInput
          label={t('criteria.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorOf('name')}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={copy.isPending}>
            {t('criteria.copySubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
