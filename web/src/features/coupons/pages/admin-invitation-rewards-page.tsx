import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Spinner } from '../../../components/spinner';
import { allItems } from '../../../lib/paged-query';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useAdminCoupons } from '../api/admin-coupons';
import { useInvitationRewardSetting, useSaveInvitationReward } from '../api/invitation-rewards';
import type { InvitationRewardKind, InvitationRewardSetting } from '../types';

const KINDS: readonly InvitationRewardKind[] = ['none', 'points', 'coupon'];

function RewardForm({ setting }: { setting: InvitationRewardSetting }) {
  const { t } = useTranslation();
  const save = useSaveInvitationReward();
  const coupons = allItems(useAdminCoupons().data).filter((c) => c.status === 'active');
  const [kind, setKind] = useState(setting.kind);
  const [points, setPoints] = useState(String(setting.points ?? 100));
  const [templateId, setTemplateId] = useState(setting.couponTemplateId ?? '');
  const serverFieldError = useFieldErrors(save.error);
  const errorAt = (path: string) => serverFieldError(path);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      kind,
      points: kind === 'points' ? Number(points) : null,
      couponTemplateId: kind === 'coupon' ? templateId : null,
    });
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="invitation-reward-form">
      <fieldset>
        <legend>{t('adminInvitations.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`adminInvitations.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'points' ? (
        <Field
          label={t('adminInvitations.pointsLabel')}
          name="points"
          inputMode="numeric"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          error={errorAt('/points')}
        />
      ) : null}
      {kind === 'coupon' ? (
        <div className={`field${errorAt('/couponTemplateId') ? ' field-invalid' : ''}`}>
          <label htmlFor="reward-coupon">{t('adminInvitations.couponLabel')}</label>
          <select id="reward-coupon" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">{t('adminInvitations.chooseCoupon')}</option>
            {coupons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {errorAt('/couponTemplateId') ? (
            <small className="field-error">{errorAt('/couponTemplateId')}</small>
          ) : null}
        </div>
      ) : null}
      <p className="muted">{t('adminInvitations.refundNote')}</p>
      <ErrorMessage error={save.error} />
      {save.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('adminInvitations.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending}
        data-testid="save-invitation-reward"
      >
        {save.isPending ? t('common.working') : t('adminInvitations.save')}
      </button>
    </form>
  );
}

export function AdminInvitationRewardsPage() {
  const { t } = useTranslation();
  const setting = useInvitationRewardSetting();
  return (
    <section>
      <h1>{t('adminInvitations.title')}</h1>
      <p className="muted">{t('adminInvitations.hint')}</p>
      {setting.isPending ? <Spinner /> : null}
      <ErrorMessage error={setting.error} />
      {setting.data ? <RewardForm setting={setting.data} /> : null}
    </section>
  );
}
