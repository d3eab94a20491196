import { trainBlend } from './blend-model.js';
import type { Train } from './contract.js';

export type {
  Interactions,
  ScoredItem,
  SocialLinks,
  Train,
  TrainedModel,
  TrainingStats,
  TrainOptions,
} from './contract.js';

/** The platform's recommender: see blend-model.ts for the model and bench/README.md for why this one. */
export const train: Train = (interactions, social, options) => trainBlend(interactions, social, options);
