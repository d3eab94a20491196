import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why spending points is refused. */
export const pointsReasons = defineReasons({
  not_enough_points: {
    code: 'business_rule',
    params: Type.Object({ balance: Type.Integer(), needed: Type.Integer() }),
    description: 'The person has `balance` points and this needs `needed`.',
  },
});

export const refuse = refusalsOf(pointsReasons);

export const notEnough = (balance: number, needed: number) =>
  refuse('not_enough_points', { balance, needed }, `You have ${balance} points; this needs ${needed}`);
