import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui';
import { useMirror } from '../state/useMirror';
import type { Language, Speed } from '../state/slices';
import { SPEEDS } from '../state/slices';
import { settle, step, togglePlaying } from '../state/playback';
import { formatSimTime } from './simTime';
import { ClusterSettingsButton } from './ClusterSettings';
import { BrandMark, CheckIcon, MoonIcon, PauseIcon, PlayIcon, SettleIcon, SpinnerIcon, StepIcon, SunIcon } from './icons';

const LANGUAGES: { id: Language; label: string }[] = [
  { id: 'ko', label: '한국어' },
  { id: 'en', label: 'English' },
];

export function TopBar() {
  const { t } = useTranslation('shell');
  const tick = useMirror((s) => s.tick);
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const settling = useUi((s) => s.settling);
  const settled = useUi((s) => s.settled);
  const setSpeed = useUi((s) => s.setSpeed);
  const language = useUi((s) => s.language);
  const setLanguage = useUi((s) => s.setLanguage);
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);

  return (
    <header className="topbar">
      <div className="brand">
        <BrandMark />
        <span>{t('app.name')}</span>
      </div>
      <div className="tick-controls" role="toolbar" aria-label={t('controls.label')}>
        <button type="button" className="btn" onClick={() => void step()} title={t('controls.stepTitle')} aria-keyshortcuts=".">
          <StepIcon />
          {t('controls.step')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={togglePlaying}
          aria-pressed={playing}
          title={t('controls.playTitle')}
          aria-keyshortcuts="Space"
          style={{ minWidth: 96 }}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          {playing ? t('controls.pause') : t('controls.play')}
        </button>
        <label className="visually-hidden" htmlFor="speed-select">
          {t('controls.speed')}
        </label>
        <select
          id="speed-select"
          className="select"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
          title={t('controls.speed')}
        >
          {SPEEDS.map((n) => (
            <option key={n} value={n}>
              {t('controls.speedOption', { count: n })}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => void settle()} disabled={settling} title={t('controls.settleTitle')}>
          {settling ? <SpinnerIcon /> : <SettleIcon />}
          {settling ? t('controls.settling') : t('controls.settle')}
        </button>
        <div className="tick-readout" aria-live="off">
          <span>
            {t('controls.tick')} <strong data-testid="tick">{tick}</strong>
          </span>
          <span title={t('controls.simTime')} data-testid="sim-time">
            {formatSimTime(tick)}
          </span>
          {settled && (
            <span className="status-pill" data-state="settled">
              <CheckIcon />
              {t('controls.settled')}
            </span>
          )}
        </div>
      </div>
      <div className="topbar-spacer" />
      <div className="prefs">
        <ClusterSettingsButton />
        <div className="lang-switch" role="group" aria-label={t('prefs.language')}>
          {LANGUAGES.map((l) => (
            <button key={l.id} type="button" lang={l.id} aria-pressed={language === l.id} onClick={() => setLanguage(l.id)}>
              {l.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={theme === 'dark' ? t('prefs.toLight') : t('prefs.toDark')}
          title={theme === 'dark' ? t('prefs.toLight') : t('prefs.toDark')}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
      </div>
    </header>
  );
}
