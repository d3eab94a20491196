export { usePolicyRules } from './api/policy';
export { PolicyDisclosure } from './components/policy-disclosure';
