import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, useErrorMessage } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SeverityBadge, StatusBadge } from '../../../shared/components/Badges';
import { CATEGORIES, SEVERITIES, type Category, type Room, type Severity, type Visibility } from '../../../shared/api/types';
import { createRoom, getRoom, joinRoom, roomKeys, roomQueries } from '../api/queries';
import { afterCreateError, allowsDuplicate, parseEmails, type CreateStep } from '../lib/duplicate';

interface Form {
  templateId: string;
  title: string;
  description: string;
  line: string;
  station: string;
  equipment: string;
  workOrder: string;
  category: Category | '';
  severity: Severity | '';
  visibility: Visibility;
  members: string;
}

const EMPTY: Form = {
  templateId: '',
  title: '',
  description: '',
  line: '',
  station: '',
  equipment: '',
  workOrder: '',
  category: '',
  severity: '',
  visibility: 'open',
  members: '',
};

/** "New incident": from a template or blank, with the duplicate warning the server may answer. */
export function NewIncidentDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery({ ...roomQueries.templates(api), enabled: opened });
  const [form, setForm] = useState<Form>(EMPTY);
  const [step, setStep] = useState<CreateStep>({ step: 'form' });
  const [touched, setTouched] = useState(false);
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));
  const emails = parseEmails(form.members);
  const template = templates.data?.find((tp) => tp.id === form.templateId);

  const existing = useQuery({
    queryKey: ['rooms', 'duplicate', step.step === 'duplicate' ? step.roomId : ''],
    queryFn: () => getRoom(api, (step as { roomId: string }).roomId),
    enabled: step.step === 'duplicate',
  });

  const close = () => {
    setForm(EMPTY);
    setStep({ step: 'form' });
    setTouched(false);
    create.reset();
    onClose();
  };

  const opened_ = (room: Room) => {
    void queryClient.invalidateQueries({ queryKey: roomKeys.all });
    close();
    navigate(`/rooms/${room.id}`);
  };

  const create = useMutation({
    mutationFn: (forced: boolean) =>
      createRoom(api, {
        title: form.title.trim(),
        description: form.description.trim() || undefined,
        line: form.line.trim(),
        station: form.station.trim() || undefined,
        equipment: form.equipment.trim() || undefined,
        work_order: form.workOrder.trim() || undefined,
        // Without a template the server needs both; the fields show these defaults as placeholders.
        category: form.category || (form.templateId ? undefined : 'other'),
        severity: form.severity || (form.templateId ? undefined : 'medium'),
        visibility: form.visibility,
        template_id: form.templateId || undefined,
        member_emails: emails.valid,
        allow_duplicate: forced || undefined,
      }),
    onSuccess: opened_,
    onError: (e) => setStep((s) => afterCreateError(s, e)),
  });

  const join = useMutation({
    mutationFn: async (room: Room) => {
      if (!room.my_role) await joinRoom(api, room.id);
      return room;
    },
    onSuccess: opened_,
  });

  const titleMissing = !form.title.trim() && !template?.title_prefix;
  const invalid = titleMissing || !form.line.trim() || emails.invalid.length > 0;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!invalid) create.mutate(allowsDuplicate(step));
  };

  const pickTemplate = (id: string | null) => {
    const tp = templates.data?.find((x) => x.id === id);
    set({
      templateId: id ?? '',
      category: tp ? tp.category : form.category,
      severity: tp ? tp.default_severity : form.severity,
      description: tp && !form.description ? (tp.description ?? '') : form.description,
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('newRoom.title')} size="lg" fullScreen={false} centered>
      {step.step === 'duplicate' ? (
        <Stack data-testid="duplicate-warning">
          <Alert color="orange" title={t('newRoom.duplicateTitle')}>
            {t('newRoom.duplicateBody')}
          </Alert>
          {existing.data && (
            <Stack gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
              <Text fw={700}>{existing.data.title}</Text>
              <Group gap="xs">
                <StatusBadge status={existing.data.status} />
                <SeverityBadge severity={existing.data.severity} />
                <Text size="sm" c="dimmed">
                  {[existing.data.line, existing.data.equipment].filter(Boolean).join(' · ')}
                </Text>
              </Group>
            </Stack>
          )}
          {join.error && <Alert color="red">{errorText(join.error)}</Alert>}
          <Group justify="flex-end" wrap="wrap">
            <Button variant="default" onClick={() => setStep({ step: 'form' })}>
              {t('newRoom.back')}
            </Button>
            <Button
              variant="light"
              onClick={() => {
                setStep({ step: 'forced' });
                create.mutate(true);
              }}
              loading={create.isPending}
            >
              {t('newRoom.createAnyway')}
            </Button>
            <Button onClick={() => existing.data && join.mutate(existing.data)} disabled={!existing.data} loading={join.isPending}>
              {t('newRoom.joinExisting')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select
              label={t('newRoom.template')}
              placeholder={t('newRoom.blank')}
              data={(templates.data ?? []).map((tp) => ({ value: tp.id, label: tp.name }))}
              value={form.templateId || null}
              onChange={pickTemplate}
              clearable
              searchable
            />
            {template && (template.checklist.length > 0 || template.default_member_emails.length > 0) && (
              <Text size="sm" c="dimmed">
                {t('newRoom.templateAdds', { steps: template.checklist.length, people: template.default_member_emails.length })}
              </Text>
            )}
            <TextInput
              label={t('room.fields.title')}
              description={template?.title_prefix ? t('newRoom.prefix', { prefix: template.title_prefix }) : undefined}
              value={form.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              maxLength={120}
              required={!template?.title_prefix}
              error={touched && titleMissing ? t('newRoom.required') : undefined}
              data-autofocus
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('room.fields.line')}
                value={form.line}
                onChange={(e) => set({ line: e.currentTarget.value })}
                maxLength={120}
                required
                error={touched && !form.line.trim() ? t('newRoom.required') : undefined}
              />
              <TextInput label={t('room.fields.station')} value={form.station} onChange={(e) => set({ station: e.currentTarget.value })} maxLength={120} />
              <TextInput label={t('room.fields.equipment')} value={form.equipment} onChange={(e) => set({ equipment: e.currentTarget.value })} maxLength={120} />
              <TextInput label={t('room.fields.workOrder')} value={form.workOrder} onChange={(e) => set({ workOrder: e.currentTarget.value })} maxLength={120} />
              <Select
                label={t('room.fields.category')}
                data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                value={form.category || null}
                onChange={(v) => set({ category: (v as Category) ?? '' })}
                placeholder={t('category.other')}
              />
              <Select
                label={t('room.fields.severity')}
                data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                value={form.severity || null}
                onChange={(v) => set({ severity: (v as Severity) ?? '' })}
                placeholder={t('severity.medium')}
              />
            </SimpleGrid>
            <Textarea
              label={t('room.fields.description')}
              value={form.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
              maxLength={4000}
              autosize
              minRows={2}
              maxRows={6}
            />
            <Select
              label={t('room.fields.visibility')}
              data={[
                { value: 'open', label: t('visibility.open') },
                { value: 'restricted', label: t('visibility.restricted') },
              ]}
              value={form.visibility}
              onChange={(v) => set({ visibility: (v as Visibility) ?? 'open' })}
              allowDeselect={false}
            />
            <Textarea
              label={t('newRoom.members')}
              description={t('newRoom.membersHint')}
              value={form.members}
              onChange={(e) => set({ members: e.currentTarget.value })}
              autosize
              minRows={1}
              error={emails.invalid.length > 0 ? t('newRoom.badEmails', { emails: emails.invalid.join(', ') }) : undefined}
            />
            {create.error && !afterCreateError({ step: 'form' }, create.error).step.startsWith('dup') && (
              <Alert color="red" role="alert">
                {errorText(create.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('newRoom.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
