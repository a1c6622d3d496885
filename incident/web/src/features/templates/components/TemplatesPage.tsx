import { Alert, Button, Card, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, notify, useApi, useErrorMessage, usePageTitle } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SeverityBadge } from '../../../shared/components/Badges';
import { CATEGORIES, SEVERITIES, type Category, type Severity, type Template } from '../../../shared/api/types';
import { EMPTY_TEMPLATE, toBody, toForm, type TemplateForm } from '../lib/templateForm';

const KEY = ['templates'];

/** Admins keep the templates a new incident can start from. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  usePageTitle(t('templates.title'));
  const list = useQuery({ queryKey: KEY, queryFn: () => api.request<{ templates: Template[] }>('/api/v2/templates'), select: (a) => a.templates });
  const [editing, setEditing] = useState<{ id: string | null; form: TemplateForm } | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [bad, setBad] = useState<string[]>([]);
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: KEY });
    notify({ color: 'teal', message });
  };
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Record<string, unknown> }) =>
      api.request<Template>(id ? `/api/v2/templates/${encodeURIComponent(id)}` : '/api/v2/templates', { method: id ? 'PATCH' : 'POST', json: body }),
    onSuccess: () => {
      setEditing(null);
      done(t('templates.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.request<void>(`/api/v2/templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setDeleting(null);
      done(t('templates.deleted'));
    },
    onError: (e) => notify({ color: 'red', message: errorText(e) }),
  });
  const set = (c: Partial<TemplateForm>) => setEditing((e) => (e ? { ...e, form: { ...e.form, ...c } } : e));
  const submit = () => {
    if (!editing) return;
    const { body, bad: wrong } = toBody(editing.form);
    setBad(wrong);
    if (body) save.mutate({ id: editing.id, body });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('templates.title')}</Title>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => {
            setBad([]);
            save.reset();
            setEditing({ id: null, form: EMPTY_TEMPLATE });
          }}
        >
          {t('templates.new')}
        </Button>
      </Group>
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.error && <Alert color="red">{errorText(list.error)}</Alert>}
      {list.data?.length === 0 && <Text c="dimmed">{t('templates.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.data?.map((tp) => (
          <Card key={tp.id} withBorder data-testid="template-card">
            <Stack gap={6}>
              <Text fw={700}>{tp.name}</Text>
              <Group gap="xs">
                <SeverityBadge severity={tp.default_severity} />
                <Text size="sm">{t(`category.${tp.category}`)}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('templates.summary', { steps: tp.checklist.length, people: tp.default_member_emails.length, escalations: tp.escalation.length })}
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setBad([]);
                    save.reset();
                    setEditing({ id: tp.id, form: toForm(tp) });
                  }}
                  aria-label={t('templates.editOne', { name: tp.name })}
                >
                  {t('templates.edit')}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(tp)} aria-label={t('templates.deleteOne', { name: tp.name })}>
                  {t('templates.delete')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.id ? t('templates.edit') : t('templates.new')} size="lg">
        {editing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack>
              <TextInput label={t('templates.name')} value={editing.form.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={120} data-autofocus />
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <Select
                  label={t('room.fields.category')}
                  data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                  value={editing.form.category}
                  onChange={(v) => v && set({ category: v as Category })}
                  allowDeselect={false}
                />
                <Select
                  label={t('templates.defaultSeverity')}
                  data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                  value={editing.form.default_severity}
                  onChange={(v) => v && set({ default_severity: v as Severity })}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <TextInput label={t('templates.titlePrefix')} value={editing.form.title_prefix} onChange={(e) => set({ title_prefix: e.currentTarget.value })} maxLength={60} />
              <Textarea label={t('room.fields.description')} value={editing.form.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
              <Textarea label={t('templates.checklist')} description={t('templates.oneALine')} value={editing.form.checklist} onChange={(e) => set({ checklist: e.currentTarget.value })} autosize minRows={3} />
              <Textarea label={t('templates.members')} description={t('templates.oneALine')} value={editing.form.members} onChange={(e) => set({ members: e.currentTarget.value })} autosize minRows={2} />
              <Textarea
                label={t('templates.escalation')}
                description={t('templates.escalationHint')}
                value={editing.form.escalation}
                onChange={(e) => set({ escalation: e.currentTarget.value })}
                autosize
                minRows={2}
              />
              {bad.length > 0 && <Alert color="red">{t('templates.badLines', { lines: bad.join(' · ') })}</Alert>}
              {save.error && <Alert color="red">{errorText(save.error)}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('templates.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('templates.deleteTitle')}
        message={t('templates.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('templates.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
