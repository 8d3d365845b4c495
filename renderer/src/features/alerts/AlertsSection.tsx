import { AlertsIcon } from '../../components/icons';
import { PlannedSection } from '../../components/PlannedSection';

export function AlertsSection() {
  return (
    <PlannedSection
      icon={<AlertsIcon size={22} />}
      title="Alerts"
      summary="What the abuse monitor finds in partner traffic, as it happens, with the response it applied."
      capabilities={[
        'Credential sharing: one token from more than three addresses within an hour',
        'Bandwidth abuse, rapid segment downloading and reverse-proxy or CDN signatures',
        'Authentication failures, connection floods and attempts on cameras not granted',
        'The response level applied (warning, throttle, suspend, terminate) and temporary IP blocks',
        'Acknowledge an alert, lift a block or escalate to a partner suspension',
      ]}
    />
  );
}
