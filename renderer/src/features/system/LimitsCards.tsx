import { useEffect, useMemo, useState } from 'react';
import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS } from '../../../../media-core/contracts/audit-retention';
import type { SettingsKind } from '../../store';
import { settingsSelectors, useConsoleStore } from '../../store';
import { changedNumbers, draftOf, draftProblems, type NumberFieldSpec } from './settingsForm';
import { NumberFields, SaveBar, SettingsCard } from './SettingsParts';

/** A flat document of numbers (access limits, retention): fields, validation, save. */
function FlatNumbersForm({ kind, value, fields, hint }: { kind: 'limits' | 'retention'; value: object; fields: NumberFieldSpec[]; hint: string }) {
  const canEdit = useConsoleStore(settingsSelectors.canEdit);
  const saving = useConsoleStore((s) => s.settings[kind].saving);
  const save = useConsoleStore((s) => s.saveSettings);
  const stored = value as Record<string, unknown>;
  const initial = useMemo(() => draftOf(stored, fields), [stored, fields]);
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial), [initial]);

  const problems = draftProblems(draft, fields);
  const valid = Object.keys(problems).length === 0;
  const changed = valid ? changedNumbers(stored, draft, fields) : {};
  const send = () => (kind === 'retention' ? save('retention', { retentionDays: Number(draft.retentionDays) }) : save('limits', changed));

  return (
    <>
      <p className="form-hint settings__hint">{hint}</p>
      <NumberFields name={kind} fields={fields} draft={draft} problems={problems} disabled={!canEdit} onChange={(key, text) => setDraft((d) => ({ ...d, [key]: text }))} />
      <SaveBar canEdit={canEdit} dirty={JSON.stringify(draft) !== JSON.stringify(initial)} valid={valid} saving={saving} onSave={send} onUndo={() => setDraft(initial)} />
    </>
  );
}

const LIMIT_FIELDS: NumberFieldSpec[] = [
  { key: 'authPerSec', label: 'Authentications per second', min: 0.01, max: 10000 },
  { key: 'authBurst', label: 'Authentication burst', min: 1, max: 10000, integer: true },
  { key: 'segmentsPerSec', label: 'Stream requests per second', min: 0.01, max: 100000 },
  { key: 'segmentBurst', label: 'Segment burst', min: 1, max: 100000, integer: true },
  { key: 'connectionsPerIp', label: 'Connections per address', min: 1, max: 100000, integer: true },
  { key: 'sessionIdleSec', label: 'Idle session ends after', min: 5, max: 3600, integer: true, unit: 's' },
];

const RETENTION_FIELDS: NumberFieldSpec[] = [
  { key: 'retentionDays', label: 'Keep the audit trail for', min: AUDIT_RETENTION_MIN_DAYS, max: AUDIT_RETENTION_MAX_DAYS, integer: true, unit: 'days' },
];

function FlatCard({ kind, title, testId, fields, hint }: { kind: SettingsKind & ('limits' | 'retention'); title: string; testId: string; fields: NumberFieldSpec[]; hint: string }) {
  return (
    <SettingsCard kind={kind} title={title} testId={testId}>
      {(value) => <FlatNumbersForm kind={kind} value={value} fields={fields} hint={hint} />}
    </SettingsCard>
  );
}

/** Rate limits of the partner listener, the defaults for every partner. */
export function AccessLimitsCard() {
  return <FlatCard kind="limits" title="Access limits" testId="settings-limits" fields={LIMIT_FIELDS} hint="Rate limits the partner listener applies to every partner and client address." />;
}

/** How long access decisions and partner sessions are kept before they are pruned. */
export function RetentionCard() {
  return (
    <FlatCard
      kind="retention"
      title="Audit retention"
      testId="settings-retention"
      fields={RETENTION_FIELDS}
      hint={`Older access decisions and ended sessions are deleted every hour (${AUDIT_RETENTION_MIN_DAYS} to ${AUDIT_RETENTION_MAX_DAYS} days).`}
    />
  );
}
