import type { BodyOf, ResponseOf } from '../../lib/api';

/** Simulations as the API shows them: derived from the generated API types, never copied. */
export type Simulation = ResponseOf<'/api/admin/simulations/{id}', 'get'>;
export type SimulationBody = BodyOf<'/api/admin/simulations', 'post'>;
export type Scheme = SimulationBody['scheme'];
export type Population = SimulationBody['population'];
export type ShopPreview = ResponseOf<'/api/admin/simulations/shop-population', 'get'>;
export type SimulationResult = NonNullable<Simulation['result']>;
export type SimulationWarning = SimulationResult['warnings'][number];
