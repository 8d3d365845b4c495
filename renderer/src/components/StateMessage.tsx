import type { ReactNode } from 'react';

interface StateMessageProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  /** A way forward: a retry button, a link. */
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  role?: 'alert' | 'status';
}

/** The one way the console shows "nothing here", "loading" or "this failed". */
export function StateMessage({ icon, title, children, action, tone = 'neutral', role }: StateMessageProps) {
  return (
    <div className={`state-message state-message--${tone}`} role={role}>
      {icon && <div className="state-message__icon">{icon}</div>}
      <h2 className="state-message__title">{title}</h2>
      {children && <div className="state-message__body">{children}</div>}
      {action && <div className="state-message__action">{action}</div>}
    </div>
  );
}
