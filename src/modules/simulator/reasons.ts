import { Type } from 'typebox';
import { defineReasons } from '../../platform/reasons.js';

/** Why a simulation is refused: each a name the web words, with the numbers it needs. */
export const simulatorReasons = defineReasons({
  simulation_payout_over_order: {
    code: 'invalid_input',
    params: Type.Object({ totalBps: Type.Integer() }),
    description:
      'The scheme’s commission on every level plus the group discount is more than the order (`totalBps` > 10000).',
  },
  simulation_too_many_seeds: {
    code: 'invalid_input',
    params: Type.Object({ max: Type.Integer() }),
    description: 'More customers at week 0 than half the people (`max`).',
  },
  simulation_too_large: {
    code: 'invalid_input',
    params: Type.Object({ maxPersonRuns: Type.Integer() }),
    description: 'people × runs is more than `maxPersonRuns`: fewer runs on a large population.',
  },
  simulation_busy: {
    code: 'conflict',
    params: Type.Object({ running: Type.Integer() }),
    description: 'This server is already running as many simulations as it has room for; try again shortly.',
  },
  simulation_finished: {
    code: 'conflict',
    description: 'The simulation has finished already; there is nothing to cancel.',
  },
});
