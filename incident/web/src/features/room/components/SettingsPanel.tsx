import { Button, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notify, useApi, useAuth, useErrorMessage } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, SEVERITIES, type Room } from '../../../shared/api/types';
import { roomKeys, updateRoom } from '../api/queries';

type Editable = Pick<Room, 'title' | 'description' | 'line' | 'station' | 'equipment' | 'work_order' | 'category' | 'severity' | 'visibility'>;

function editable(room: Room): Editable {
  const { title, description, line, station, equipment, work_order, category, severity, visibility } = room;
  return { title, description, line, station, equipment, work_order, category, severity, visibility };
}

/** The fields owners and admins may change (PATCH); others see nothing here. */
export function SettingsPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useAuth();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Editable>(() => editable(room));
  const set = (c: Partial<Editable>) => setForm((f) => ({ ...f, ...c }));
  const save = useMutation({
    mutationFn: () =>
      updateRoom(api, room.id, {
        ...form,
        title: form.title.trim(),
        line: form.line.trim(),
        description: form.description ?? '',
        station: form.station ?? '',
        equipment: form.equipment ?? '',
        work_order: form.work_order ?? '',
      }),
    onSuccess: (r) => {
      queryClient.setQueryData<Room>(roomKeys.room(room.id), (old) => ({ ...r, my_role: old?.my_role ?? r.my_role }));
      notify({ color: 'teal', message: t('settings.saved') });
    },
    onError: (e) => notify({ color: 'red', message: errorText(e) }),
  });
  if (!user?.is_admin && room.my_role !== 'owner') return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap={6} data-testid="settings-panel">
        <Title order={2} size="h5">
          {t('settings.title')}
        </Title>
        <TextInput size="sm" label={t('room.fields.title')} value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} maxLength={120} required />
        <TextInput size="sm" label={t('room.fields.line')} value={form.line} onChange={(e) => set({ line: e.currentTarget.value })} maxLength={120} required />
        <TextInput size="sm" label={t('room.fields.station')} value={form.station ?? ''} onChange={(e) => set({ station: e.currentTarget.value })} maxLength={120} />
        <TextInput size="sm" label={t('room.fields.equipment')} value={form.equipment ?? ''} onChange={(e) => set({ equipment: e.currentTarget.value })} maxLength={120} />
        <TextInput size="sm" label={t('room.fields.workOrder')} value={form.work_order ?? ''} onChange={(e) => set({ work_order: e.currentTarget.value })} maxLength={120} />
        <Select
          size="sm"
          label={t('room.fields.category')}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={form.category}
          onChange={(v) => v && set({ category: v as Room['category'] })}
          allowDeselect={false}
        />
        <Select
          size="sm"
          label={t('room.fields.severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={form.severity}
          onChange={(v) => v && set({ severity: v as Room['severity'] })}
          allowDeselect={false}
        />
        <Select
          size="sm"
          label={t('room.fields.visibility')}
          data={[
            { value: 'open', label: t('visibility.open') },
            { value: 'restricted', label: t('visibility.restricted') },
          ]}
          value={form.visibility}
          onChange={(v) => v && set({ visibility: v as Room['visibility'] })}
          allowDeselect={false}
        />
        <Textarea size="sm" label={t('room.fields.description')} value={form.description ?? ''} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
        <Button type="submit" size="sm" loading={save.isPending} disabled={!form.title.trim() || !form.line.trim()}>
          {t('settings.save')}
        </Button>
      </Stack>
    </form>
  );
}
