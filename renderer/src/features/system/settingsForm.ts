// Pure helpers of the settings cards: which fields a document has, what an operator typed,
// and what of it to send.

/** One numeric setting as a form shows it. */
export interface NumberFieldSpec {
  key: string;
  label: string;
  min: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}

/** "maxPerMinute" -> "Max per minute". */
export function labelFor(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Why the text typed in a number field is not acceptable, or null when it is. */
export function numberProblem(text: string, spec: Pick<NumberFieldSpec, 'min' | 'max' | 'integer'>): string | null {
  if (text.trim() === '') return 'Enter a number.';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'Enter a number.';
  if (spec.integer && !Number.isInteger(n)) return 'Enter a whole number.';
  if (n < spec.min) return `At least ${spec.min}.`;
  if (spec.max !== undefined && n > spec.max) return `At most ${spec.max}.`;
  return null;
}

/** The numeric fields of one section of a settings document, in their order. */
export function numberFieldsOf(section: Record<string, unknown>, rules: Record<string, Partial<NumberFieldSpec>> = {}): NumberFieldSpec[] {
  return Object.entries(section)
    .filter(([, v]) => typeof v === 'number')
    .map(([key, v]) => ({ key, label: labelFor(key), min: 0, integer: Number.isInteger(v), ...rules[key] }));
}

/** Text drafts for number fields, from the stored values. */
export function draftOf(section: Record<string, unknown>, fields: readonly NumberFieldSpec[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, String(section[f.key])]));
}

/** The problems of a draft, by field key; empty when it may be saved. */
export function draftProblems(draft: Record<string, string>, fields: readonly NumberFieldSpec[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const problem = numberProblem(draft[f.key] ?? '', f);
    if (problem) problems[f.key] = problem;
  }
  return problems;
}

/** The fields whose typed value differs from the stored one, as numbers. */
export function changedNumbers(section: Record<string, unknown>, draft: Record<string, string>, fields: readonly NumberFieldSpec[]): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const f of fields) {
    const n = Number(draft[f.key]);
    if (n !== section[f.key]) changed[f.key] = n;
  }
  return changed;
}

/** "a@x.org, b@y.org" (commas, spaces or new lines) -> the addresses. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailListProblem(text: string): string | null {
  const bad = splitList(text).filter((a) => !EMAIL.test(a));
  return bad.length === 0 ? null : `Not an e-mail address: ${bad.join(', ')}`;
}

export function webhookUrlProblem(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'Use an http:// or https:// address.';
  } catch {
    return 'Enter a full address, e.g. https://hooks.example.com/wink.';
  }
}
