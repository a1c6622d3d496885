import { describe, expect, it } from 'vitest';
import { EMPTY_TEMPLATE, parseEscalation, toBody, toForm } from './templateForm';

describe('template form', () => {
  it('reads escalation steps, one a line, sorted by minutes', () => {
    expect(parseEscalation('30: boss@x.com\n15 min: lead@x.com, shift@x.com\nnonsense\n0: a@x.com')).toEqual({
      steps: [
        { after_minutes: 15, notify_emails: ['lead@x.com', 'shift@x.com'] },
        { after_minutes: 30, notify_emails: ['boss@x.com'] },
      ],
      bad: ['nonsense', '0: a@x.com'],
    });
  });

  it('round-trips a template and refuses bad lines', () => {
    const tp = {
      id: 't', name: 'Press', category: 'machine_down' as const, default_severity: 'high' as const, title_prefix: '[P]', description: null,
      default_member_emails: ['a@x.com'], checklist: ['Stop', 'Lock out'], escalation: [{ after_minutes: 10, notify_emails: ['b@x.com'] }], updated_at: '',
    };
    expect(toBody(toForm(tp)).body).toEqual({
      name: 'Press', category: 'machine_down', default_severity: 'high', title_prefix: '[P]', description: null,
      default_member_emails: ['a@x.com'], checklist: ['Stop', 'Lock out'], escalation: [{ after_minutes: 10, notify_emails: ['b@x.com'] }],
    });
    expect(toBody({ ...EMPTY_TEMPLATE, name: 'x', members: 'nope' }).bad).toEqual(['nope']);
    expect(toBody(EMPTY_TEMPLATE).body).toBeNull();
  });
});
