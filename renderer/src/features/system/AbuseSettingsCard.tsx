import { useEffect, useMemo, useState } from 'react';
import type { AbuseSettings } from '../../../../media-core/contracts/alerts';
import type { SettingsUpdates } from '../../store';
import { settingsSelectors, useConsoleStore } from '../../store';
import { changedNumbers, draftOf, draftProblems, numberFieldsOf, type NumberFieldSpec } from './settingsForm';
import { NumberFields, SaveBar, SettingsCard } from './SettingsParts';

type Section = keyof AbuseSettings;

/** The detectors in the order an operator thinks of them, with their names. */
const GROUPS: { title: string; sections: [Section, string][] }[] = [
  { title: 'Credential sharing', sections: [['tokenManyIps', 'One token, many addresses'], ['geoImpossible', 'Impossible travel'], ['userAgentChanged', 'Player changed'], ['duplicateStreams', 'Duplicate streams']] },
  { title: 'Bandwidth and downloading', sections: [['bandwidthSustained', 'Sustained bandwidth'], ['bandwidthSpike', 'Bandwidth spike'], ['downloadPattern', 'Download pattern']] },
  { title: 'Re-serving', sections: [['reverseProxy', 'Reverse proxy'], ['cdnHeaders', 'CDN headers']] },
  { title: 'Probing', sections: [['authFailures', 'Authentication failures'], ['connectionRate', 'Connection rate'], ['ungrantedCamera', 'Ungranted cameras']] },
  { title: 'Responses', sections: [['escalation', 'Escalation'], ['ipBlocks', 'IP blocks']] },
];

const RULES: Record<string, Partial<NumberFieldSpec>> = {
  startLevel: { max: 4, integer: true, label: 'Start level (0-4)' },
  maxAutoLevel: { max: 4, integer: true, label: 'Highest automatic level (0-4)' },
  throttleFactor: { max: 0.99, label: 'Throttle factor (0-1)' },
};

type Drafts = Record<string, Record<string, string>>;
const record = (v: unknown) => v as Record<string, unknown>;

function fieldsOf(settings: AbuseSettings): Record<string, NumberFieldSpec[]> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, numberFieldsOf(record(v), RULES)]));
}

function AbuseForm({ value }: { value: AbuseSettings }) {
  const canEdit = useConsoleStore(settingsSelectors.canEdit);
  const saving = useConsoleStore((s) => s.settings.abuse.saving);
  const save = useConsoleStore((s) => s.saveSettings);
  const fields = useMemo(() => fieldsOf(value), [value]);
  const initial = useMemo(
    () => ({
      numbers: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, draftOf(record(v), fields[k]!)])) as Drafts,
      enabled: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, record(v).enabled])) as Record<string, boolean | undefined>,
    }),
    [value, fields],
  );
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial), [initial]);

  const problems = Object.fromEntries(Object.keys(fields).map((k) => [k, draftProblems(draft.numbers[k]!, fields[k]!)]));
  const valid = Object.values(problems).every((p) => Object.keys(p).length === 0);
  const update: SettingsUpdates['abuse'] = {};
  for (const k of Object.keys(fields) as Section[]) {
    const changed: Record<string, unknown> = valid ? changedNumbers(record(value[k]), draft.numbers[k]!, fields[k]!) : {};
    if (draft.enabled[k] !== undefined && draft.enabled[k] !== record(value[k]).enabled) changed.enabled = draft.enabled[k];
    if (Object.keys(changed).length > 0) (update as Record<string, unknown>)[k] = changed;
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  const setNumber = (section: string, key: string, text: string) =>
    setDraft((d) => ({ ...d, numbers: { ...d.numbers, [section]: { ...d.numbers[section], [key]: text } } }));
  const setEnabled = (section: string, on: boolean) => setDraft((d) => ({ ...d, enabled: { ...d.enabled, [section]: on } }));

  return (
    <>
      <p className="form-hint settings__hint">A detector that fires starts its partner at the level shown; higher levels are reached by repeat findings.</p>
      {GROUPS.map((group) => (
        <div key={group.title} className="settings__group">
          <h3 className="settings__group-title">{group.title}</h3>
          {group.sections.map(([section, title]) => (
            <fieldset key={section} className="settings__section" data-testid={`abuse-${section}`}>
              <legend className="settings__legend">
                {draft.enabled[section] !== undefined ? (
                  <label className="settings__toggle">
                    <input type="checkbox" checked={draft.enabled[section]} disabled={!canEdit} onChange={(e) => setEnabled(section, e.target.checked)} />
                    {title}
                  </label>
                ) : (
                  title
                )}
              </legend>
              {fields[section]!.length > 0 ? (
                <NumberFields name={section} fields={fields[section]!} draft={draft.numbers[section]!} problems={problems[section]!} disabled={!canEdit} onChange={(key, text) => setNumber(section, key, text)} />
              ) : (
                <p className="system__muted">No thresholds: it fires on what it sees.</p>
              )}
            </fieldset>
          ))}
        </div>
      ))}
      <SaveBar canEdit={canEdit} dirty={dirty} valid={valid} saving={saving} onSave={() => save('abuse', update)} onUndo={() => setDraft(initial)} label="Save thresholds" />
    </>
  );
}

/** Thresholds of the abuse detectors and of the automatic responses. */
export function AbuseSettingsCard() {
  return (
    <SettingsCard kind="abuse" title="Abuse thresholds" testId="settings-abuse" wide>
      {(value) => <AbuseForm value={value} />}
    </SettingsCard>
  );
}
