import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { type PolicyProfile, type PolicyRules, usePolicyOverview } from '../api/policy';

/** The rules in the order the console lists them. */
const RULES = [
  'maxCommissionLevels',
  'payoutCapBps',
  'bargains',
  'shareToUnlock',
  'likeCollecting',
  'paidSharing',
  'recruitmentRewards',
  'disclosure',
] as const satisfies readonly (keyof PolicyRules)[];
type Rule = (typeof RULES)[number];

/** One rule's value in words: a number of levels, a share of the price, allowed or not, a disclosure. */
function useRuleValue() {
  const { t } = useTranslation();
  return (rules: PolicyRules, rule: Rule): string => {
    if (rule === 'maxCommissionLevels') return t('adminPolicy.levels', { count: rules.maxCommissionLevels });
    if (rule === 'payoutCapBps') return t('adminPolicy.percent', { percent: rules.payoutCapBps / 100 });
    if (rule === 'disclosure')
      return rules.disclosure ? t('adminPolicy.required') : t('adminPolicy.notRequired');
    return rules[rule] ? t('adminPolicy.allowed') : t('adminPolicy.forbidden');
  };
}

/**
 * The market policy profile in force (POLICY_PROFILE), each rule with where it comes from, and the
 * other profiles beside it, so an operator sees what a switch would turn off before restarting.
 */
export function AdminPolicyPage() {
  const { t } = useTranslation();
  const overview = usePolicyOverview();
  const ruleValue = useRuleValue();
  const profileName = useProfileName();
  if (overview.isPending) return <Spinner />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  const { current, profiles } = overview.data;
  const sources = current.sources as Partial<Record<Rule, string>>;

  return (
    <section data-testid="admin-policy">
      <h1>{t('adminPolicy.title')}</h1>
      <div className="card">
        <h2 data-testid="policy-profile">{profileName(current)}</h2>
        <p>{t(`adminPolicy.profiles.${current.name}`)}</p>
        <p className="muted">{t('adminPolicy.howToSwitch')}</p>
      </div>
      <div className="table-wrap">
        <table className="table table-stacked" data-testid="policy-rules">
          <thead>
            <tr>
              <th scope="col">{t('adminPolicy.rule')}</th>
              <th scope="col">{t('adminPolicy.thisShop')}</th>
              <th scope="col">{t('adminPolicy.source')}</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((rule) => (
              <tr key={rule} data-rule={rule}>
                <th scope="row" data-label={t('adminPolicy.rule')}>
                  {t(`adminPolicy.rules.${rule}`)}
                </th>
                <td data-label={t('adminPolicy.thisShop')}>{ruleValue(current.rules, rule)}</td>
                <td data-label={t('adminPolicy.source')} className="muted">
                  {sources[rule] ?? t('adminPolicy.noSource')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('adminPolicy.compare')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="policy-compare">
          <thead>
            <tr>
              <th scope="col">{t('adminPolicy.rule')}</th>
              {profiles.map((p) => (
                <th scope="col" key={p.name} aria-current={p.name === current.name ? 'true' : undefined}>
                  {profileName(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RULES.map((rule) => (
              <tr key={rule}>
                <th scope="row">{t(`adminPolicy.rules.${rule}`)}</th>
                {profiles.map((p) => (
                  <td key={p.name}>{ruleValue(p.rules, rule)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A profile by its name in the reader's language, with the POLICY_PROFILE value that sets it. */
function useProfileName() {
  const { t } = useTranslation();
  return (p: Pick<PolicyProfile, 'name'>) => `${t(`adminPolicy.names.${p.name}`)} (${p.name})`;
}
