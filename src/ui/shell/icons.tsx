/** Small inline icons (no icon font, nothing fetched). Decorative: labels carry the meaning. */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true, focusable: false } as const;

export const StepIcon = () => (
  <svg {...common}>
    <path d="M3 3l7 5-7 5V3z" fill="currentColor" />
    <rect x="11" y="3" width="2" height="10" fill="currentColor" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5l9 5.5-9 5.5v-11z" fill="currentColor" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="2.5" width="3" height="11" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" fill="currentColor" />
  </svg>
);
export const SettleIcon = () => (
  <svg {...common}>
    <path d="M2 4l4 4-4 4M8 4l4 4-4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    <rect x="13" y="3" width="1.8" height="10" fill="currentColor" />
  </svg>
);
export const SunIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="3" fill="currentColor" />
    <path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);
export const MoonIcon = () => (
  <svg {...common}>
    <path d="M13 10.5A6 6 0 015.5 3a6 6 0 107.5 7.5z" fill="currentColor" />
  </svg>
);
export const ChevronIcon = ({ dir }: { dir: 'left' | 'right' | 'up' | 'down' }) => {
  const rotate = { right: 0, down: 90, left: 180, up: 270 }[dir];
  return (
    <svg {...common} style={{ transform: `rotate(${rotate}deg)` }}>
      <path d="M6 3l5 5-5 5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
};
export const CheckIcon = () => (
  <svg {...common}>
    <path d="M3 8.5l3 3 7-7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
export const ErrorIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeWidth="1.5" />
    <path d="M8 4.5v4.2M8 10.8v.7" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);
export const SpinnerIcon = () => (
  <svg {...common} className="spin">
    <path d="M8 1.5a6.5 6.5 0 106.5 6.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);

export const BrandMark = () => (
  <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <path d="M16 2l12.1 5.8 3 13.1-8.4 10.5H9.3L.9 20.9l3-13.1z" fill="var(--accent)" />
    <circle cx="16" cy="16.5" r="5.2" fill="none" stroke="var(--on-accent)" strokeWidth="2.2" />
    <path d="M16 6.5v4.8M16 21.7v4.8M6.6 13.4l4.6 1.5M20.8 18.1l4.6 1.5M9.4 24.5l3.1-3.6M19.5 12.1l3.1-3.6" stroke="var(--on-accent)" strokeWidth="2" strokeLinecap="round" />
  </svg>
);
