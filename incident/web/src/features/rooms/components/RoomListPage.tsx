import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Collapse,
  Group,
  Loader,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconArrowDown, IconArrowUp, IconLock, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { formatRelative, useApi, useErrorMessage, usePageTitle } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEVERITY_COLOR, SeverityBadge, StatusBadge } from '../../../shared/components/Badges';
import { CATEGORIES, SEVERITIES, STATUSES, type Room } from '../../../shared/api/types';
import { useNow } from '../../../shared/lib/time';
import { roomQueries } from '../api/queries';
import { activeFilterCount, filtersToParams, PAGE_SIZE, parseFilters, SORTS, withFilter, type RoomFilters } from '../lib/roomFilters';
import { NewIncidentDialog } from './NewIncidentDialog';

function RoomRow({ room, now }: { room: Room; now: number }) {
  const { t, i18n } = useTranslation();
  const context = [room.line, room.station, room.equipment].filter(Boolean).join(' · ');
  return (
    <Card
      component={Link}
      to={`/rooms/${room.id}`}
      withBorder
      padding="sm"
      data-testid="room-row"
      className="room-row"
      style={{ borderLeft: `6px solid var(--mantine-color-${SEVERITY_COLOR[room.severity]}-filled)` }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={700} lineClamp={2}>
            {room.visibility === 'restricted' && <IconLock size={14} aria-label={t('visibility.restricted')} style={{ marginRight: 4 }} />}
            {room.title}
          </Text>
          <Group gap={6} wrap="wrap">
            <StatusBadge status={room.status} />
            <SeverityBadge severity={room.severity} />
            <Text size="sm" c="dimmed">
              {t(`category.${room.category}`)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {context}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          {room.unread_count > 0 && (
            <Badge color="red" variant="filled" data-testid="unread-badge" aria-label={t('rooms.unread', { count: room.unread_count })}>
              {room.unread_count > 99 ? '99+' : room.unread_count}
            </Badge>
          )}
          <Text size="xs" c="dimmed" title={new Date(room.reported_at).toLocaleString(i18n.language)}>
            {formatRelative(room.reported_at, i18n.language, now)}
          </Text>
          <Group gap={2} c="dimmed">
            <IconUsers size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              <span className="visually-hidden">{t('rooms.members')} </span>
              {room.member_count}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

export function RoomListPage() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const [creating, { open, close }] = useDisclosure(false);
  const now = useNow(30_000);
  const rooms = useQuery(roomQueries.list(api, filters));
  usePageTitle(t('rooms.title'));

  const update = (change: Partial<RoomFilters>) => setParams(filtersToParams(withFilter(filters, change)));
  const [q, setQ] = useState(filters.q);
  const [line, setLine] = useState(filters.line);
  const pushText = useDebouncedCallback((change: Partial<RoomFilters>) => update(change), 350);

  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const active = activeFilterCount(filters);
  const lineInput = (
    <TextInput
      label={t('room.fields.line')}
      value={line}
      onChange={(e) => {
        setLine(e.currentTarget.value);
        pushText({ line: e.currentTarget.value });
      }}
      style={phone ? undefined : { flex: '0 1 140px' }}
    />
  );

  const total = rooms.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = params.toString() !== '';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('rooms.title')}</Title>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open} data-testid="new-incident">
          {t('rooms.new')}
        </Button>
      </Group>

      <Stack gap="xs" component="section" aria-label={t('rooms.filters')}>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('rooms.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              pushText({ q: e.currentTarget.value });
            }}
            style={{ flex: '1 1 180px', minWidth: 0 }}
            type="search"
          />
          {phone ? (
            <Button
              variant="default"
              onClick={toggleFilters}
              aria-expanded={filtersOpen}
              aria-controls="room-filters"
              leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
              rightSection={
                active > 0 ? (
                  <Badge size="sm" circle aria-hidden>
                    {active}
                  </Badge>
                ) : undefined
              }
              style={{ flexShrink: 0 }}
              data-testid="filters-toggle"
            >
              {t('rooms.filtersButton')}
              {active > 0 && <span className="visually-hidden"> ({t('rooms.filtersActive', { count: active })})</span>}
            </Button>
          ) : (
            lineInput
          )}
        </Group>
        {/* On a phone the rest folds away under the button; the address keeps every filter either way. */}
        <Collapse in={!phone || filtersOpen} id="room-filters" data-testid="room-filters">
          <Stack gap="xs">
            {phone && lineInput}
            <Chip.Group multiple value={filters.status} onChange={(v) => update({ status: v as RoomFilters['status'] })}>
              <Group gap={6} wrap="wrap" role="group" aria-label={t('rooms.status')}>
                <Text size="sm" fw={500}>
                  {t('rooms.status')}:
                </Text>
                {STATUSES.map((s) => (
                  <Chip key={s} value={s} size="xs" variant="outline">
                    {t(`status.${s}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <Select
                label={t('room.fields.severity')}
                data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                value={filters.severity}
                onChange={(v) => update({ severity: v as RoomFilters['severity'] })}
                placeholder={t('rooms.any')}
                clearable
              />
              <Select
                label={t('room.fields.category')}
                data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                value={filters.category}
                onChange={(v) => update({ category: v as RoomFilters['category'] })}
                placeholder={t('rooms.any')}
                clearable
              />
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <Select
                  label={t('rooms.sort')}
                  data={SORTS.map((s) => ({ value: s, label: t(`rooms.sorts.${s}`) }))}
                  value={filters.sort}
                  onChange={(v) => v && update({ sort: v as RoomFilters['sort'] })}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                />
                <Tooltip label={filters.desc ? t('rooms.descending') : t('rooms.ascending')}>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    mb={1}
                    onClick={() => update({ desc: !filters.desc })}
                    aria-label={filters.desc ? t('rooms.descending') : t('rooms.ascending')}
                  >
                    {filters.desc ? <IconArrowDown size={18} /> : <IconArrowUp size={18} />}
                  </ActionIcon>
                </Tooltip>
              </Group>
            </SimpleGrid>
            <Switch label={t('rooms.mine')} checked={filters.mine} onChange={(e) => update({ mine: e.currentTarget.checked })} />
          </Stack>
        </Collapse>
        <Group gap="md" wrap="wrap">
          {filtered && (
            <UnstyledButton
              className="link-button"
              onClick={() => {
                setQ('');
                setLine('');
                setParams(new URLSearchParams());
              }}
            >
              {t('rooms.clear')}
            </UnstyledButton>
          )}
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="room-count">
            {rooms.data ? t('rooms.count', { count: total }) : ''}
          </Text>
        </Group>
      </Stack>

      {rooms.isPending && <Loader aria-label={t('common.loading')} />}
      {rooms.error && (
        <Alert color="red" role="alert">
          {errorText(rooms.error)}
        </Alert>
      )}
      {rooms.data && rooms.data.rooms.length === 0 && (
        <Text c="dimmed" data-testid="rooms-empty">
          {filtered ? t('rooms.emptyFiltered') : t('rooms.empty')}
        </Text>
      )}
      <Stack gap="xs" component="ul" aria-label={t('rooms.title')} className="plain-list">
        {rooms.data?.rooms.map((room) => (
          <li key={room.id}>
            <RoomRow room={room} now={now} />
          </li>
        ))}
      </Stack>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={filters.page}
          onChange={(page) => update({ page })}
          getControlProps={(control) => ({ 'aria-label': t(`rooms.pageControl.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('rooms.pageN', { page }) })}
        />
      )}
      <NewIncidentDialog opened={creating} onClose={close} />
    </Stack>
  );
}
