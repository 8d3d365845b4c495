import type { ReactNode } from 'react';

interface PlannedSectionProps {
  icon: ReactNode;
  title: string;
  summary: string;
  /** What the section will let an operator do, one capability per item. */
  capabilities: string[];
}

/** A section that exists in the navigation but not yet in the product: it says plainly
 *  what will be here instead of showing an empty page. */
export function PlannedSection({ icon, title, summary, capabilities }: PlannedSectionProps) {
  return (
    <section className="planned" aria-labelledby="planned-title">
      <div className="planned__card">
        <div className="planned__icon">{icon}</div>
        <div className="planned__tag">Not available yet</div>
        <h2 id="planned-title" className="planned__title">
          {title}
        </h2>
        <p className="planned__summary">{summary}</p>
        <ul className="planned__list">
          {capabilities.map((capability) => (
            <li key={capability}>{capability}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
