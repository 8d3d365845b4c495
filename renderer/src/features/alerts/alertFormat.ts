import { DETECTOR_INFO, RESPONSE_LEVEL_NAMES } from '../../../../media-core/contracts/alerts';
import type { AbuseCategory, Alert, AlertAction, AlertSeverity } from '../../../../media-core/contracts/alerts';

export const SEVERITY_TONE: Record<AlertSeverity, 'info' | 'warning' | 'danger'> = {
  info: 'info',
  warning: 'warning',
  high: 'danger',
  critical: 'danger',
};

export const CATEGORY_LABEL: Record<AbuseCategory, string> = {
  credential_sharing: 'Credential sharing',
  bandwidth: 'Bandwidth',
  redistribution: 'Redistribution',
  system: 'System abuse',
};

export function detectorLabel(detector: string): string {
  return DETECTOR_INFO[detector as keyof typeof DETECTOR_INFO]?.label ?? detector;
}

export function detectorCategory(detector: string): string {
  const info = DETECTOR_INFO[detector as keyof typeof DETECTOR_INFO];
  return info ? CATEGORY_LABEL[info.category] : 'Other';
}

/** "Level 2 · throttle". */
export function levelText(level: number): string {
  return `Level ${level} · ${RESPONSE_LEVEL_NAMES[level] ?? 'unknown'}`;
}

/** The addresses the response blocked, for "lift block". */
export function blockedIps(alert: Alert): string[] {
  return alert.response.actions.filter((a): a is Extract<AlertAction, { kind: 'ip_block' }> => a.kind === 'ip_block').map((a) => a.ip);
}

/** Figures behind a finding as "key: value" pairs, in a stable order. */
export function metricPairs(metrics: Record<string, number | string>): [string, string][] {
  return Object.entries(metrics)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => [key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase(), typeof value === 'number' ? String(Math.round(value * 100) / 100) : value]);
}
