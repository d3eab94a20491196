export { AdminAttentionPage } from './pages/admin-attention-page';
