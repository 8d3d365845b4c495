import { AuditIcon } from '../../components/icons';
import { PlannedSection } from '../../components/PlannedSection';

export function AuditSection() {
  return (
    <PlannedSection
      icon={<AuditIcon size={22} />}
      title="Audit log"
      summary="An append-only record of every access decision and every partner session. It survives crashes and cannot be edited."
      capabilities={[
        'Who asked for which camera, over which protocol, when and from where',
        'Whether access was granted or denied, and why',
        'How long each session lasted, how many bytes it carried and how it ended',
        'Operator actions on partners, tokens and cameras',
        'Search by partner, camera, address or time, and export for a review',
      ]}
    />
  );
}
