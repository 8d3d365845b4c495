import { DETECTOR_INFO, RESPONSE_LEVEL_NAMES, type Alert, type AlertCreatedWebhook } from '../../contracts/alerts';
import type { EmailMessage } from './senders';

const actionText = (a: Alert['response']['actions'][number]): string => {
  switch (a.kind) {
    case 'warn':
      return 'warning sent';
    case 'throttle':
      return `bandwidth reduced to ${Math.round(a.factor * 100)} %`;
    case 'suspend':
      return 'access suspended pending manual review';
    case 'terminate':
      return 'partnership terminated, every token revoked, flagged for legal review';
    case 'ip_block':
      return `address ${a.ip} blocked ${a.until ? `until ${a.until}` : 'until lifted by an operator'}`;
    case 'none':
      return a.why;
  }
};

function evidenceLines(alert: Alert, max = 10): string[] {
  return alert.evidence.slice(-max).map((e) => {
    const at = new Date(e.at).toISOString();
    return `  ${at}  ${e.protocol} ${e.camera ?? '-'}  ${e.ip}  ${e.result}/${e.code}  ${e.userAgent ?? ''}`.trimEnd();
  });
}

/** The operators' message: everything the console would show. */
export function operatorEmail(alert: Alert, to: string, consoleUrl: string): EmailMessage {
  const d = DETECTOR_INFO[alert.detector];
  const lines = [
    `Alert #${alert.id} (${alert.severity}) — ${d.label}`,
    '',
    alert.summary,
    '',
    `Partner:   ${alert.partnerName ?? alert.partnerId ?? '(unknown client)'}`,
    `Address:   ${alert.ip ?? '-'}`,
    `Camera:    ${alert.camera ?? '-'}`,
    `Detected:  ${alert.createdAt}`,
    `Response:  level ${alert.response.level} (${RESPONSE_LEVEL_NAMES[alert.response.level]}) — ${alert.response.summary}`,
    ...(alert.response.actions.length ? ['', 'Actions taken:', ...alert.response.actions.map((a) => `  - ${actionText(a)}`)] : []),
    '',
    'Figures:',
    ...Object.entries(alert.metrics).map(([k, v]) => `  ${k}: ${v}`),
    ...(alert.evidence.length ? ['', 'Evidence (latest access events):', ...evidenceLines(alert)] : []),
    '',
    consoleUrl ? `Review it in the console: ${consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}` : 'Review it in the operator console (Alerts).',
  ];
  return { to, subject: `[WINK alert ${alert.severity}] ${d.label}${alert.partnerName ? ` — ${alert.partnerName}` : ''}`, text: lines.join('\n') };
}

/** The partner's technical contact: what we saw and what we did, no internals. */
export function partnerEmail(alert: Alert, to: string): EmailMessage {
  const d = DETECTOR_INFO[alert.detector];
  const level = alert.response.level;
  const lines = [
    `Hello,`,
    '',
    `The WINK Media Router that shares cameras with ${alert.partnerName ?? 'your organisation'} noticed a usage pattern that breaks the terms of your access:`,
    '',
    `  ${d.label}`,
    `  ${alert.summary}`,
    '',
    `Response: ${RESPONSE_LEVEL_NAMES[level]}${alert.response.actions.length ? ` — ${alert.response.actions.map(actionText).join('; ')}` : ''}.`,
    '',
    level >= 3
      ? 'Access stays blocked until the camera owner has reviewed it. Please contact them.'
      : 'Repeated findings lead to reduced bandwidth, suspension and, in the end, termination of access. If this was expected, please tell the camera owner why.',
    '',
    `Reference: alert #${alert.id}, ${alert.createdAt}`,
  ];
  return { to, subject: `Camera sharing: ${RESPONSE_LEVEL_NAMES[level]} — ${d.label}`, text: lines.join('\n') };
}

export function webhookBody(alert: Alert, event: AlertCreatedWebhook['event'] = 'alert.created'): string {
  const { notifications: _n, history: _h, ...rest } = alert;
  const body: AlertCreatedWebhook = { event, deliveredFor: `alert-${alert.id}`, alert: rest };
  return JSON.stringify(body);
}
