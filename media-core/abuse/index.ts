// The abuse monitor: detectors, the response ladder, progressive IP blocks, alerts and
// their notifications. core/ builds an AbuseService and adapts the access plane to it.
export { AbuseService, type AbuseServiceOptions } from './service';
export type { AbuseActions, AbuseInput, AuditSink, AlertEventSink, AlertConsoleEvent, PartnerFacts, SegmentFetch, UsageSample, Finding } from './types';
export type { Sealer, ConfigStore } from './notify/notification-config';
export { ABUSE_HEADER_NAMES, classifyHeaders } from './headers';
export { AUTH_FAILURE_CODES } from './detectors/system-abuse';
export { webhookSignature } from './notify/senders';
