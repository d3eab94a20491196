import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useUser } from '../../auth';
import { useCreateShareLink } from '../api/create-share-link';
import type { ShareTarget } from '../types';
import { ShareDialog } from './share-dialog';

/**
 * "Share & earn": makes (or fetches) the signed-in person's link for the target and opens the
 * share sheet. Guests are sent to sign in first, since a link has to belong to someone.
 */
export function ShareButton({ target, earn }: { target: ShareTarget; earn?: number }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const location = useLocation();
  const create = useCreateShareLink();
  const [open, setOpen] = useState(false);

  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Link className="btn btn-outline share-button" to={`/signin?next=${next}`} data-testid="share-sign-in">
        {t('share.signInToShare')}
      </Link>
    );
  }

  function share() {
    create.mutate(target, { onSuccess: () => setOpen(true) });
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-outline share-button"
        onClick={share}
        disabled={create.isPending}
        data-testid="share-button"
      >
        {create.isPending ? t('common.working') : t('share.shareAndEarn')}
      </button>
      <ErrorMessage error={create.error} />
      <ShareDialog link={create.data} open={open} onClose={() => setOpen(false)} earn={earn} />
    </>
  );
}
