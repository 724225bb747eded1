/**
 * The audit log: who changed what and when, newest first, filtered by unit (with its sub-units),
 * user and dates. Filters live in the address, so a unit page can link to "its" log; when the
 * server refuses (a unit outside the user's scope) its explanation is shown as is.
 */
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { useSession } from '../../lib/session.tsx';
import { useUnitDetail, useUnitKinds } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { AuditList } from './AuditList.tsx';
import { useAuditLog } from './hooks.ts';
import { UserFilter } from './UserFilter.tsx';
import { DateField } from '../../components/DateField.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The audit log page. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const { kindName } = useUnitKinds(language);
  const [params, setParams] = useSearchParams();
  const unitId = positiveInt(params.get('unit'));
  const userId = positiveInt(params.get('user'));
  const userName =
    params.get('userName') ??
    (userId === session.user.id ? session.user.username : `#${userId ?? ''}`);
  const from = ISO_DATE.test(params.get('from') ?? '')
    ? (params.get('from') ?? undefined)
    : undefined;
  const to = ISO_DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined;
  const unit = useUnitDetail(unitId ?? null);
  const unitName = unit.data?.unit.name;
  const title = unitId && unitName ? t('audit.unitTitle', { name: unitName }) : t('audit.title');
  usePageTitle(title);

  const log = useAuditLog({ unitId, userId, from, to });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const setFilter = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const pickedUnit: PickedUnit | null = unit.data
    ? {
        id: unit.data.unit.id,
        code: unit.data.unit.code,
        name: unit.data.unit.name,
        parentName: unit.data.unit.parentName,
        validTo: unit.data.unit.validTo,
      }
    : null;
  const filtered =
    unitId !== undefined || userId !== undefined || from !== undefined || to !== undefined;

  return (
    <Stack>
      <div>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </div>

      <Paper withBorder p="md" component="section" aria-labelledby="audit-filters-title">
        <Text fw={500} size="sm" id="audit-filters-title" mb="xs">
          {t('audit.filters')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {unitId !== undefined && unit.isLoading ? (
            <LoadingState />
          ) : (
            <UnitPicker
              key={unitId ?? 'none'}
              label={t('audit.filterUnit')}
              value={pickedUnit}
              onChange={(picked) => setFilter({ unit: picked ? String(picked.id) : null })}
            />
          )}
          {session.permissions.manageUsers ? (
            <UserFilter
              key={userId ?? 'none'}
              value={userId !== undefined ? { id: userId, name: userName } : null}
              onChange={(user) =>
                setFilter({
                  user: user ? String(user.id) : null,
                  userName: user ? user.name : null,
                })
              }
            />
          ) : (
            <Stack gap={6} justify="flex-end">
              <Switch
                label={t('audit.onlyMine')}
                checked={userId === session.user.id}
                onChange={(e) =>
                  setFilter(
                    e.currentTarget.checked
                      ? { user: String(session.user.id), userName: session.user.username }
                      : { user: null, userName: null },
                  )
                }
              />
              {userId !== undefined && userId !== session.user.id ? (
                <Badge
                  variant="light"
                  size="lg"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={t('audit.removeUserFilter')}
                      onClick={() => setFilter({ user: null, userName: null })}
                    />
                  }
                >
                  {t('audit.userFilterChip', { name: userName })}
                </Badge>
              ) : null}
            </Stack>
          )}
          <DateField
            label={t('audit.from')}
            value={from ?? ''}
            onChange={(value) => setFilter({ from: value || null })}
          />
          <DateField
            label={t('audit.to')}
            value={to ?? ''}
            onChange={(value) => setFilter({ to: value || null })}
          />
        </SimpleGrid>
        {filtered ? (
          <Button
            variant="subtle"
            size="xs"
            mt="sm"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('audit.clearFilters')}
          </Button>
        ) : null}
      </Paper>

      {log.isLoading ? (
        <LoadingState />
      ) : log.error ? (
        <ErrorAlert error={log.error} title={t('audit.refusedTitle')} />
      ) : entries.length === 0 ? (
        <Alert variant="light" color="gray" role="status">
          {t('audit.empty')}
        </Alert>
      ) : (
        <>
          <AuditList
            entries={entries}
            kindName={kindName}
            onFilterActor={(actor) => setFilter({ user: String(actor.id), userName: actor.name })}
          />
          {log.hasNextPage ? (
            <Button
              variant="light"
              style={{ alignSelf: 'center' }}
              onClick={() => void log.fetchNextPage()}
              loading={log.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
