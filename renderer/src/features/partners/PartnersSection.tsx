import { PartnersIcon } from '../../components/icons';
import { PlannedSection } from '../../components/PlannedSection';

export function PartnersSection() {
  return (
    <PlannedSection
      icon={<PartnersIcon size={22} />}
      title="Partners"
      summary="The outside agencies this router shares cameras with. Each partner sees only the cameras granted to it, within its limits."
      capabilities={[
        'Create, suspend and remove partners, with a technical contact for each',
        'Grant cameras per partner and choose the protocols: HLS, RTSP, RTMP, SRT',
        'Issue and revoke OTP tokens, IP allow-lists, SRT passphrases and JWT keys',
        'Set maximum connections, bandwidth caps, access hours and the reshare flag',
        'See who is watching right now and cut a session instantly',
      ]}
    />
  );
}
