import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/distribution.css';
import './styles/structure.css';
import './styles/simulator.css';
import './styles/payouts.css';
import './styles/communities.css';
import './styles/fraud.css';
import './styles/coupons.css';
import './styles/groupbuy.css';
import './styles/flashsales.css';
import './styles/gifts.css';
import './styles/bargains.css';
import './styles/stock.css';
import './styles/privacy.css';
import './styles/notifications.css';
import './styles/fulfilment.css';
import './styles/payments.css';
import './styles/aftersales.css';
import './styles/phone-tables.css';
import './styles/sharing.css';
import './styles/live.css';
import './styles/console.css';
import './styles/categories.css';
import './styles/discovery.css';
import './styles/shopper.css';
import './styles/addresses.css';
import './styles/uploads.css';
import './styles/growth.css';
import './styles/checkins.css';
import './styles/levels.css';
import './styles/tasks.css';
import './styles/honours.css';
import './styles/academy.css';
import './styles/posts.css';
import './styles/competitions.css';
import './styles/points-mall.css';
import './styles/points.css';
import './styles/people.css';
import './styles/audit.css';
import './styles/reviews.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
