// The operator's incentive simulator, loaded only inside the admin console.

export { AdminSimulatorPage } from './pages/admin-simulator-page';
