import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMirror } from '../state/useMirror';
import { runConsoleLine } from '../console/runCommand';
import { CNI_PLUGINS, type ClusterSettings as Settings } from '../../sim/settings';
import './ClusterSettings.css';

/**
 * The on/off add-ons the learner can install or remove, each with the Kube Orchestra console
 * subcommand that does it. A new switch (say, encryption at rest for Secrets) is one more
 * line here plus its two strings.
 */
export const SETTING_SWITCHES: readonly { key: 'loadBalancer' | 'ingressController' | 'encryptionAtRest'; command: string }[] = [
  { key: 'loadBalancer', command: 'load-balancer' },
  { key: 'ingressController', command: 'ingress-controller' },
  { key: 'encryptionAtRest', command: 'encryption-at-rest' },
];

/** The console line that changes one setting: the dialog has no other way to change it. */
export function settingCommand(command: string, value: string | boolean): string {
  return `cluster ${command} ${typeof value === 'boolean' ? (value ? 'on' : 'off') : value}`;
}

const GearIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="2.3" stroke="currentColor" strokeWidth="1.5" />
    <path
      d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    />
  </svg>
);

/**
 * The top bar's "Cluster settings" button and its dialog: the CNI plugin, Weave's
 * encryption, and the add-ons. Every change is typed into the console as the `cluster ...`
 * line (so the console's history shows it and a learner can repeat it by hand); the dialog
 * only reflects `mirror.settings`, so it never disagrees with the cluster.
 */
export function ClusterSettingsButton() {
  const { t } = useTranslation('shell');
  const settings = useMirror((s) => s.settings);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    // showModal makes the rest of the page inert (the focus trap) and Escape closes it.
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const send = async (command: string, value: string | boolean) => {
    setBusy(true);
    try {
      await runConsoleLine(settingCommand(command, value));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className="btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        title={t('settings.openTitle')}
        data-testid="cluster-settings-button"
      >
        <GearIcon />
        {t('settings.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="ko-settings"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-testid="cluster-settings"
        onClose={() => {
          setOpen(false);
          openerRef.current?.focus();
        }}
        onKeyDown={(e) => {
          // Escape closes the dialog only: the details panel must not also take it as "deselect".
          if (e.key === 'Escape') e.stopPropagation();
        }}
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself, outside its box) closes it.
          if (e.target === e.currentTarget) setOpen(false);
        }}
      >
        {open && <SettingsForm settings={settings} busy={busy} send={send} onClose={() => setOpen(false)} id={id} />}
      </dialog>
    </>
  );
}

interface FormProps {
  settings: Settings;
  busy: boolean;
  send: (command: string, value: string | boolean) => Promise<void>;
  onClose: () => void;
  id: string;
}

function SettingsForm({ settings, busy, send, onClose, id }: FormProps) {
  const { t } = useTranslation('shell');
  const weave = settings.cni === 'weave';
  return (
    <div className="ko-settings-box" aria-busy={busy}>
      <header className="ko-settings-head">
        <h2 id={`${id}-title`}>{t('settings.title')}</h2>
        <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('settings.close')} title={t('settings.closeTitle')}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <p id={`${id}-desc`} className="ko-settings-desc">
        {t('settings.description')}
      </p>
      <fieldset className="ko-settings-group" data-setting="cni">
        <legend>{t('settings.cni.legend')}</legend>
        {CNI_PLUGINS.map((cni) => (
          <label key={cni} className="ko-settings-radio" data-cni-option={cni}>
            <input type="radio" name={`${id}-cni`} value={cni} checked={settings.cni === cni} disabled={busy} onChange={() => void send('cni', cni)} aria-describedby={`${id}-cni-${cni}`} />
            <span className="ko-settings-text">
              <span className="ko-settings-name">{t(`settings.cni.${cni}.name`)}</span>
              <span className="ko-settings-hint" id={`${id}-cni-${cni}`}>
                {t(`settings.cni.${cni}.hint`)}
              </span>
            </span>
          </label>
        ))}
        <label className={`ko-settings-check${weave ? '' : ' ko-settings-disabled'}`}>
          <input
            type="checkbox"
            checked={settings.weaveEncryption}
            disabled={!weave || busy}
            onChange={(e) => void send('weave-encryption', e.target.checked)}
            aria-describedby={`${id}-weave-enc`}
            data-setting="weaveEncryption"
          />
          <span className="ko-settings-text">
            <span className="ko-settings-name">{t('settings.weaveEncryption.name')}</span>
            <span className="ko-settings-hint" id={`${id}-weave-enc`}>
              {weave ? t('settings.weaveEncryption.hint') : t('settings.weaveEncryption.onlyWeave')}
            </span>
          </span>
        </label>
      </fieldset>
      <fieldset className="ko-settings-group">
        <legend>{t('settings.addons')}</legend>
        <ul className="ko-settings-switches">
          {SETTING_SWITCHES.map(({ key, command }) => (
            <li key={key}>
              <label className="ko-settings-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={settings[key]}
                  disabled={busy}
                  onChange={(e) => void send(command, e.target.checked)}
                  aria-describedby={`${id}-${key}`}
                  data-setting={key}
                />
                <span className="ko-switch-track" aria-hidden="true" />
                <span className="ko-settings-text">
                  <span className="ko-settings-name">
                    {t(`settings.${key}.name`)}
                    <span className="ko-settings-state">{settings[key] ? t('settings.on') : t('settings.off')}</span>
                  </span>
                  <span className="ko-settings-hint" id={`${id}-${key}`}>
                    {t(`settings.${key}.hint`)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="ko-settings-foot">{t('settings.consoleNote')}</p>
    </div>
  );
}
