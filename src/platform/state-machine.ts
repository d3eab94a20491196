import { AppError } from './errors.js';

/**
 * A state machine as data: each state and the states it may move to. Writers check a move with
 * `assertTransition`, and conditional SQL updates take their allowed from-states from `fromStates`
 * (`UPDATE … SET status = $1 WHERE id = $2 AND status = ANY($3)`), so the table is the only rule.
 */
export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  canTransition(from: S, to: S): boolean;
  /** Throws a 409 with reason `invalid_transition` and the two states as params. */
  assertTransition(from: S, to: S): void;
  /** Every state from which `to` may be reached, for the `WHERE status = ANY(…)` of an update. */
  fromStates(to: S): S[];
  /** Whether a value read from the database is one of the states. */
  isState(value: string): value is S;
}

export function defineMachine<const S extends string>(
  name: string,
  transitions: Readonly<Record<S, readonly S[]>>,
): StateMachine<S> {
  const states = Object.keys(transitions) as S[];
  for (const [from, targets] of Object.entries(transitions) as [S, readonly S[]][]) {
    for (const to of targets) {
      if (!states.includes(to)) throw new Error(`${name}: ${from} → ${to} leads to an undeclared state`);
    }
  }
  const canTransition = (from: S, to: S) => transitions[from]?.includes(to) ?? false;
  return {
    name,
    states,
    transitions,
    canTransition,
    assertTransition(from, to) {
      if (canTransition(from, to)) return;
      throw new AppError('conflict', `A ${name} that is ${from} cannot become ${to}`, undefined, {
        reason: 'invalid_transition',
        params: { machine: name, from, to },
      });
    },
    fromStates: (to) => states.filter((from) => canTransition(from, to)),
    isState: (value): value is S => (states as string[]).includes(value),
  };
}
