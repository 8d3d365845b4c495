import { useId } from 'react';
import { WEEKDAYS } from '../../../../media-core/contracts/partners';
import type { AccessHours, AccessWindow, Weekday } from '../../../../media-core/contracts/partners';
import { PlusIcon, TrashIcon } from '../../components/icons';

const DAY_LABELS: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const OFFICE_HOURS: AccessWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' };

interface AccessHoursEditorProps {
  value: AccessHours;
  onChange: (value: AccessHours) => void;
  error?: string | undefined;
  windowsError?: string | undefined;
  disabled?: boolean;
}

/** When the partner may watch: around the clock, or weekly windows in a time zone.
 *  A window whose end is at or before its start runs past midnight. */
export function AccessHoursEditor({ value, onChange, error, windowsError, disabled = false }: AccessHoursEditorProps) {
  const zonesId = useId();
  const weekly = value.mode === 'weekly' ? value : null;
  const setWindows = (windows: AccessWindow[]) => weekly && onChange({ ...weekly, windows });
  const setWindow = (index: number, change: Partial<AccessWindow>) =>
    weekly && setWindows(weekly.windows.map((w, i) => (i === index ? { ...w, ...change } : w)));

  return (
    <div className="access-hours" data-testid="access-hours">
      <div className="segmented" role="radiogroup" aria-label="Access hours">
        <label className={`segmented__option${weekly ? '' : ' segmented__option--on'}`}>
          <input type="radio" name={`${zonesId}-mode`} checked={!weekly} onChange={() => onChange({ mode: 'always' })} disabled={disabled} />
          24/7
        </label>
        <label className={`segmented__option${weekly ? ' segmented__option--on' : ''}`}>
          <input
            type="radio"
            name={`${zonesId}-mode`}
            checked={weekly !== null}
            onChange={() => onChange({ mode: 'weekly', timeZone: localZone(), windows: [OFFICE_HOURS] })}
            disabled={disabled}
          />
          Weekly windows
        </label>
      </div>
      {weekly && (
        <>
          <label className="field field--compact">
            <span className="field__label">Time zone (IANA)</span>
            <input
              className="field__input"
              list={zonesId}
              value={weekly.timeZone}
              onChange={(e) => onChange({ ...weekly, timeZone: e.target.value })}
              aria-invalid={error !== undefined}
              disabled={disabled}
              placeholder="Europe/Berlin"
            />
            <datalist id={zonesId}>
              {timeZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            {error && <span className="field__error">{error}</span>}
          </label>
          <ul className="access-hours__windows">
            {weekly.windows.map((w, index) => (
              <li key={index} className="access-hours__window" data-testid="access-window">
                <div className="access-hours__days" role="group" aria-label={`Days of window ${index + 1}`}>
                  {WEEKDAYS.map((day) => (
                    <button
                      key={day}
                      type="button"
                      className="access-hours__day"
                      aria-pressed={w.days.includes(day)}
                      disabled={disabled}
                      onClick={() => setWindow(index, { days: w.days.includes(day) ? w.days.filter((d) => d !== day) : WEEKDAYS.filter((d) => d === day || w.days.includes(d)) })}
                    >
                      {DAY_LABELS[day]}
                    </button>
                  ))}
                </div>
                <input className="field__input access-hours__time mono" value={w.start} onChange={(e) => setWindow(index, { start: e.target.value })} aria-label={`Start of window ${index + 1}`} placeholder="08:00" disabled={disabled} />
                <span className="access-hours__to">to</span>
                <input className="field__input access-hours__time mono" value={w.end} onChange={(e) => setWindow(index, { end: e.target.value })} aria-label={`End of window ${index + 1}`} placeholder="18:00" disabled={disabled} />
                {w.end <= w.start && w.end !== '' && <span className="access-hours__note">next day</span>}
                <button type="button" className="button button--ghost button--icon" onClick={() => setWindows(weekly.windows.filter((_, i) => i !== index))} aria-label={`Remove window ${index + 1}`} disabled={disabled}>
                  <TrashIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
          {windowsError && <span className="field__error">{windowsError}</span>}
          <button type="button" className="button button--small access-hours__add" onClick={() => setWindows([...weekly.windows, OFFICE_HOURS])} disabled={disabled}>
            <PlusIcon size={14} /> Add window
          </button>
          <p className="form-hint">End a window at 24:00 for midnight; an end at or before its start runs into the next day. Sessions end when a window closes.</p>
        </>
      )}
    </div>
  );
}
