/**
 * A list of units: a table on office screens, cards on phones. Units no longer valid are greyed
 * with a badge. Loads more on demand.
 */
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '../../lib/dates.ts';
import { isExpired, type Unit } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { UnitValidity } from './UnitValidity.tsx';

interface UnitListProps {
  units: readonly Unit[];
  total: number;
  kindName: (code: string) => string;
  /** Accessible name of the table. */
  caption: string;
  showParent?: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Query string carried to unit pages (e.g. "?current=1"). */
  linkSearch?: string;
}

/** Units as a table or cards, with "show more". */
export function UnitList({
  units,
  total,
  kindName,
  caption,
  showParent = true,
  hasMore,
  loadingMore,
  onLoadMore,
  linkSearch = '',
}: UnitListProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const today = todayIso();
  const link = (unit: Unit) => `/units/${unit.id}${linkSearch}`;

  const body = mobile ? (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={caption}>
      {units.map((unit) => {
        const expired = isExpired(unit, today);
        return (
          <Card
            key={unit.id}
            component="li"
            withBorder
            padding="sm"
            bg={expired ? 'gray.0' : undefined}
          >
            <Anchor component={Link} to={link(unit)} fw={500} c={expired ? 'dimmed' : undefined}>
              {unit.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('units.code')}: {unit.code} · {kindName(unit.kind)}
            </Text>
            {showParent && unit.parentName ? (
              <Text size="sm" c="dimmed">
                {t('units.parent')}: {unit.parentName}
              </Text>
            ) : null}
            {unit.childCount > 0 ? (
              <Text size="sm" c="dimmed">
                {t('units.childCount')}: {t('units.childCountValue', { count: unit.childCount })}
              </Text>
            ) : null}
            <UnitValidity unit={unit} />
          </Card>
        );
      })}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('units.code')}</Table.Th>
            <Table.Th scope="col">{t('units.name')}</Table.Th>
            <Table.Th scope="col">{t('units.kind')}</Table.Th>
            {showParent ? <Table.Th scope="col">{t('units.parent')}</Table.Th> : null}
            <Table.Th scope="col">{t('units.childCount')}</Table.Th>
            <Table.Th scope="col">{t('units.validity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id} className={isExpired(unit, today) ? 'row-expired' : undefined}>
              <Table.Td>{unit.code}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={link(unit)}
                  c={isExpired(unit, today) ? 'dimmed' : undefined}
                >
                  {unit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{kindName(unit.kind)}</Table.Td>
              {showParent ? <Table.Td>{unit.parentName ?? t('common.none')}</Table.Td> : null}
              <Table.Td>{unit.childCount > 0 ? unit.childCount : t('common.none')}</Table.Td>
              <Table.Td>
                <UnitValidity unit={unit} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack gap="sm">
      {body}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('common.shownOfTotal', { shown: units.length, total })}
        </Text>
        {hasMore ? (
          <Button variant="light" onClick={onLoadMore} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
