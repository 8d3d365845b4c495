/** What the core accepts as a layout or group name (routes-layouts.ts), checked before
 *  asking it; the name is trimmed before it is sent. */
export function nameProblem(name: string, what: 'layout' | 'group', max: number): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return `Give the ${what} a name.`;
  if (trimmed.length > max) return `At most ${max} characters.`;
  if (trimmed.includes('/')) return 'A name cannot contain "/".';
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'A name cannot contain control characters.';
  return null;
}
