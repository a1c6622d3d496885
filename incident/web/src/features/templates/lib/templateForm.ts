import type { Category, EscalationStep, Severity, Template } from '../../../shared/api/types';

/** A template as the admin edits it: lists as lines of text. */
export interface TemplateForm {
  name: string;
  category: Category;
  default_severity: Severity;
  title_prefix: string;
  description: string;
  members: string;
  checklist: string;
  escalation: string;
}

export const EMPTY_TEMPLATE: TemplateForm = {
  name: '',
  category: 'machine_down',
  default_severity: 'high',
  title_prefix: '',
  description: '',
  members: '',
  checklist: '',
  escalation: '',
};

export function toForm(t: Template): TemplateForm {
  return {
    name: t.name,
    category: t.category,
    default_severity: t.default_severity,
    title_prefix: t.title_prefix ?? '',
    description: t.description ?? '',
    members: t.default_member_emails.join('\n'),
    checklist: t.checklist.join('\n'),
    escalation: t.escalation.map((s) => `${s.after_minutes}: ${s.notify_emails.join(', ')}`).join('\n'),
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** One escalation step a line: `15: a@x.com, b@x.com` (minutes, then who to tell). */
export function parseEscalation(text: string): { steps: EscalationStep[]; bad: string[] } {
  const steps: EscalationStep[] = [];
  const bad: string[] = [];
  for (const line of lines(text)) {
    const m = /^(\d{1,5})\s*(?:min(?:utes?)?)?\s*[:：]\s*(.+)$/i.exec(line);
    const emails = m ? m[2].split(/[\s,;]+/).filter(Boolean) : [];
    const minutes = m ? Number(m[1]) : NaN;
    if (!m || minutes < 1 || minutes > 10080 || emails.length === 0 || emails.some((e) => !/^[^\s@]+@[^\s@]+$/.test(e))) bad.push(line);
    else steps.push({ after_minutes: minutes, notify_emails: emails.map((e) => e.toLowerCase()) });
  }
  return { steps: steps.sort((a, b) => a.after_minutes - b.after_minutes), bad };
}

/** The request body, or the lines that are wrong. */
export function toBody(f: TemplateForm): { body: Record<string, unknown> | null; bad: string[] } {
  const esc = parseEscalation(f.escalation);
  const members = lines(f.members.replace(/[,;]/g, '\n'));
  const badMembers = members.filter((e) => !/^[^\s@]+@[^\s@]+$/.test(e));
  const bad = [...esc.bad, ...badMembers];
  if (bad.length > 0 || !f.name.trim()) return { body: null, bad };
  return {
    body: {
      name: f.name.trim(),
      category: f.category,
      default_severity: f.default_severity,
      title_prefix: f.title_prefix.trim() || null,
      description: f.description.trim() || null,
      default_member_emails: members.map((e) => e.toLowerCase()),
      checklist: lines(f.checklist),
      escalation: esc.steps,
    },
    bad,
  };
}
