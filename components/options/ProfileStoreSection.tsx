/**
 * The options page's "Profile store" section: how many people, organizations,
 * places and source documents the store holds, and whether the shipped bundle
 * is still loading or failed to load.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Result, StoreStatus } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/send';
import { t } from '@/lib/i18n/i18n';
import { Message } from '@/components/shared/Message';
import { ImportProgress } from '@/components/shared/ImportProgress';
import { isStillLoading, storeStatusMessage } from './store-status-message';

/** How often to ask again while the bundle is loading; imports take seconds, not minutes. */
const POLL_MS = 500;

/** Asks the background for the store status, again every {@link POLL_MS} while the bundle loads. */
export function useStoreStatus(): Result<StoreStatus> | null {
  const [status, setStatus] = useState<Result<StoreStatus> | null>(null);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const next = await sendMessage('getStoreStatus', {});
      if (cancelled) return;
      setStatus(next);
      if (isStillLoading(next)) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}

const numberFormat = new Intl.NumberFormat();

/** The counts as a description list: each term is what is counted. */
function StoreCountsList({ status }: { status: StoreStatus }) {
  const { counts, bundle } = status;
  const rows: Array<[string, number]> = [
    [t('kindPeople'), counts.people],
    [t('kindOrganizations'), counts.organizations],
    [t('kindPlaces'), counts.places],
    [t('sourceDocuments'), counts.documents],
  ];
  return (
    <>
      <dl class="counts">
        {rows.map(([label, value]) => (
          <div key={label} class="count">
            <dt>{label}</dt>
            <dd>{numberFormat.format(value)}</dd>
          </div>
        ))}
      </dl>
      {bundle && (
        <p class="bundle-info">
          <Message
            id="bundleInfo"
            parts={[
              <code title={bundle.hash}>{bundle.hash.slice(0, 12)}</code>,
              bundle.formatVersion,
              new Date(bundle.importedAt).toLocaleString(),
            ]}
          />
        </p>
      )}
    </>
  );
}

/** The section as shown for a given status; `null` while the first answer is on its way. */
export function ProfileStoreView({ status }: { status: Result<StoreStatus> | null }) {
  const message = storeStatusMessage(status);
  return (
    <section
      class="card"
      aria-labelledby="profile-store-heading"
      aria-busy={isStillLoading(status)}
    >
      <h2 id="profile-store-heading">{t('profileStoreHeading')}</h2>
      <p class="lead">{t('profileStoreLede')}</p>
      {message && (
        <p class={`message ${message.tone}`} role={message.tone === 'problem' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ImportProgress state={status?.ok ? status.value.import : null} />
      {status?.ok && <StoreCountsList status={status.value} />}
    </section>
  );
}

/** The section, connected to the background. */
export function ProfileStoreSection() {
  return <ProfileStoreView status={useStoreStatus()} />;
}
