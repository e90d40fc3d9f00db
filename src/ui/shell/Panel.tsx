import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronIcon } from './icons';

interface Props {
  id: string;
  title: string;
  collapsed?: boolean;
  /** Where the panel folds to: decides the chevron's direction. */
  side?: 'left' | 'right' | 'bottom';
  onToggle?: () => void;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled region with an optional collapse button; collapsed panels keep only their header. */
export function Panel({ id, title, collapsed = false, side = 'left', onToggle, actions, children, className }: Props) {
  const { t } = useTranslation('shell');
  const chevron = {
    left: collapsed ? 'right' : 'left',
    right: collapsed ? 'left' : 'right',
    bottom: collapsed ? 'up' : 'down',
  } as const;
  const titleId = `${id}-title`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={titleId} data-collapsed={collapsed} data-panel={id} data-side={side}>
      <div className="panel-header">
        {side !== 'right' || !onToggle ? null : (
          <button type="button" className="btn btn-ghost btn-icon" onClick={onToggle} aria-expanded={!collapsed} aria-controls={`${id}-body`} aria-label={t(collapsed ? 'panels.expand' : 'panels.collapse', { name: title })} title={t(collapsed ? 'panels.expand' : 'panels.collapse', { name: title })}>
            <ChevronIcon dir={chevron[side]} />
          </button>
        )}
        <h2 className="panel-title" id={titleId}>
          {title}
        </h2>
        {!collapsed && actions}
        {side === 'right' || !onToggle ? null : (
          <button type="button" className="btn btn-ghost btn-icon" onClick={onToggle} aria-expanded={!collapsed} aria-controls={`${id}-body`} aria-label={t(collapsed ? 'panels.expand' : 'panels.collapse', { name: title })} title={t(collapsed ? 'panels.expand' : 'panels.collapse', { name: title })}>
            <ChevronIcon dir={chevron[side]} />
          </button>
        )}
      </div>
      <div className="panel-body" id={`${id}-body`} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
