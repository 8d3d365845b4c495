import { describe, expect, it } from 'vitest';
import { changedNumbers, draftOf, draftProblems, emailListProblem, labelFor, numberFieldsOf, numberProblem, splitList, webhookUrlProblem } from './settingsForm';

describe('settings form helpers', () => {
  it('labels camelCase keys as words', () => {
    expect(labelFor('maxPerMinute')).toBe('Max per minute');
    expect(labelFor('windowMinutes')).toBe('Window minutes');
  });

  it('checks a typed number against its range', () => {
    const days = { min: 7, max: 3650, integer: true };
    expect(numberProblem('', days)).toBe('Enter a number.');
    expect(numberProblem('abc', days)).toBe('Enter a number.');
    expect(numberProblem('6', days)).toBe('At least 7.');
    expect(numberProblem('3651', days)).toBe('At most 3650.');
    expect(numberProblem('30.5', days)).toBe('Enter a whole number.');
    expect(numberProblem('90', days)).toBeNull();
  });

  it('takes the numeric fields of a section and sends only what changed', () => {
    const section = { enabled: true, startLevel: 1, maxPerMinute: 10, ratio: 1.5, scope: 'token' };
    const fields = numberFieldsOf(section, { startLevel: { max: 4 } });
    expect(fields.map((f) => f.key)).toEqual(['startLevel', 'maxPerMinute', 'ratio']);
    expect(fields[0]).toMatchObject({ max: 4, integer: true });

    const draft = { ...draftOf(section, fields), maxPerMinute: '25' };
    expect(draftProblems(draft, fields)).toEqual({});
    expect(changedNumbers(section, draft, fields)).toEqual({ maxPerMinute: 25 });
    expect(draftProblems({ ...draft, startLevel: '9' }, fields)).toEqual({ startLevel: 'At most 4.' });
  });

  it('reads recipient lists and checks addresses and webhook URLs', () => {
    expect(splitList('a@x.org, b@y.org\nc@z.org')).toEqual(['a@x.org', 'b@y.org', 'c@z.org']);
    expect(emailListProblem('a@x.org, nope')).toBe('Not an e-mail address: nope');
    expect(emailListProblem('')).toBeNull();
    expect(webhookUrlProblem('https://hooks.example.com/x')).toBeNull();
    expect(webhookUrlProblem('ftp://x')).toBe('Use an http:// or https:// address.');
    expect(webhookUrlProblem('hooks')).toContain('full address');
  });
});
