import { describe, expect, it } from 'vitest';
import { partner } from '../../store/fakes/fakePartnersApi';
import { formFromPartner, patchFromForm, splitEntries, validatePartnerForm } from './partnerForm';

const form = () => formFromPartner(partner('news'));

describe('partner settings form', () => {
  it('accepts the partner as it is and changes nothing', () => {
    expect(validatePartnerForm(form())).toEqual({});
    expect(patchFromForm(form(), partner('news'))).toEqual({});
  });

  it('sends only what changed, with numbers and nulls as the API takes them', () => {
    const f = { ...form(), maxConnections: '3', bandwidthMbps: '', connectionsPerIp: '2', contactEmail: ' ops@news.example ' };
    expect(patchFromForm(f, partner('news'))).toEqual({ maxConnections: 3, bandwidthMbps: null, connectionsPerIp: 2, contactEmail: 'ops@news.example' });
  });

  it('validates IPv4 and IPv6 addresses and CIDRs on the allow-list', () => {
    expect(validatePartnerForm({ ...form(), ipAllowList: ['10.0.0.0/8', '2001:db8::/32', '192.168.1.7', '::1'] })).toEqual({});
    expect(validatePartnerForm({ ...form(), ipAllowList: ['10.0.0.0/33'] }).ipAllowList).toMatch(/10\.0\.0\.0\/33/);
    expect(validatePartnerForm({ ...form(), ipAllowList: ['2001:db8::/129'] }).ipAllowList).toBeDefined();
    expect(validatePartnerForm({ ...form(), ipAllowList: ['300.1.1.1'] }).ipAllowList).toBeDefined();
  });

  it('checks limits, token durations and the end of a temporary event', () => {
    const errors = validatePartnerForm({ ...form(), maxConnections: '0', tokenDefaultMinutes: '200', tokenMaxMinutes: '120', autoRevoke: true, validUntil: '' });
    expect(Object.keys(errors).sort()).toEqual(['maxConnections', 'tokenDefaultMinutes', 'validUntil']);
  });

  it('checks weekly access hours: an IANA zone, days and HH:MM times', () => {
    const weekly = (timeZone: string, start = '08:00', days = ['mon' as const]) => ({
      ...form(),
      accessHours: { mode: 'weekly' as const, timeZone, windows: [{ days, start, end: '24:00' }] },
    });
    expect(validatePartnerForm(weekly('Europe/Berlin'))).toEqual({});
    expect(validatePartnerForm(weekly('Mars/Olympus')).accessHours).toMatch(/IANA/);
    expect(validatePartnerForm(weekly('UTC', '8am')).windows).toMatch(/HH:MM/);
    expect(validatePartnerForm(weekly('UTC', '08:00', [])).windows).toMatch(/day/);
  });

  it('needs at least one auth method and real origins', () => {
    expect(validatePartnerForm({ ...form(), auth: [] }).auth).toBeDefined();
    expect(validatePartnerForm({ ...form(), allowedOrigins: ['https://news.example', '*'] })).toEqual({});
    expect(validatePartnerForm({ ...form(), allowedOrigins: ['news.example'] }).allowedOrigins).toBeDefined();
  });

  it('splits pasted lists on lines, commas and spaces', () => {
    expect(splitEntries('10.0.0.1, 10.0.0.2\n 2001:db8::/32;;')).toEqual(['10.0.0.1', '10.0.0.2', '2001:db8::/32']);
  });
});
