import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';

type Stringify = (value: unknown) => string;
let cached: Stringify | null = null;

/** The live object as YAML. The `yaml` package loads on first use, off the first paint. */
export function YamlView({ object }: { object: KubeObject }) {
  const { t } = useTranslation('views');
  const [stringify, setStringify] = useState<Stringify | null>(() => cached);
  useEffect(() => {
    if (cached) return;
    let alive = true;
    void import('yaml').then((m) => {
      cached = (v: unknown) => m.stringify(v, { lineWidth: 0 });
      if (alive) setStringify(() => cached);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!stringify) return <p className="ko-hint">{t('yaml.loading')}</p>;
  return (
    <pre className="ko-yaml" data-testid="details-yaml" tabIndex={0} aria-label={t('yaml.label')}>
      {stringify(object)}
    </pre>
  );
}
