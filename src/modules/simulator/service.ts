import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { refusalsOf } from '../../platform/reasons.js';
import { fromEdges } from './graph.js';
import * as q from './queries.js';
import { simulatorReasons } from './reasons.js';
import { inputProblems } from './rules.js';
import { type RunningSimulation, type ShopRun, startSimulationWorker } from './runner.js';
import type { ShopPreview, Simulation, SimulationInput, SimulationResult } from './schemas.js';
import { readShop, type ShopFacts } from './shop.js';
import { valuesOf, withOverrides } from './shop-rules.js';
import { simulate } from './simulate.js';

const refuse = refusalsOf(simulatorReasons);

/** Worker threads one process runs at once: two cores, and a comparison is two simulations. */
export const MAX_RUNNING = 4;
/** Progress is written back at most this often (ms of wall time), so the database is not flooded. */
const PROGRESS_EVERY_MS = 250;
/** A run whose process has not written for this long has died with it. */
const LOST_AFTER_MS = 10 * 60_000;

export interface SimulatorDeps {
  db: Database;
  clock: Clock;
  /** The shop's people, friendships and activity, for `kind: 'shop'` populations. */
  shop: ShopFacts;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * The incentive simulator: simulations are rows (any process answers for any of them), each run in
 * a worker thread of the process that accepted it, which writes its progress and result back.
 */
export function createSimulatorService({ db, clock, shop, log }: SimulatorDeps) {
  const running = new Map<string, RunningSimulation>();
  const writes = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const p = work
      .catch((err) => log?.warn({ err }, 'writing a simulation back failed'))
      .finally(() => writes.delete(p));
    writes.add(p);
  };

  function present(row: q.SimulationRow): Simulation {
    const lost =
      row.status === 'running' && clock.now().getTime() - row.heartbeat_at.getTime() > LOST_AFTER_MS;
    return {
      id: row.id,
      status: lost ? 'failed' : row.status,
      progress: Math.min(1, Math.max(0, row.progress)),
      result: row.result,
      failure: lost ? 'lost' : row.failure,
      scheme: row.input.scheme,
      population: row.input.population,
      weeks: row.input.weeks,
      runs: row.input.runs,
      seed: row.input.seed,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
    };
  }

  /** The shop as a population, before any run: its size and measured rates with their sources. */
  async function shopPopulation(): Promise<ShopPreview> {
    return (await readShop(shop, clock.now())).preview;
  }

  /** A shop population read now, the operator's overrides applied; nothing for a synthetic one. */
  async function shopRunOf(input: SimulationInput): Promise<{ run: ShopRun; preview: ShopPreview } | null> {
    const population = input.population;
    if (population.kind !== 'shop') return null;
    const network = await readShop(shop, clock.now());
    const rates = withOverrides(network.preview.rates, population);
    const { people, from, to, seeds } = network;
    return {
      run: { people, from, to, seeds, rates: valuesOf(rates) },
      preview: { ...network.preview, rates },
    };
  }

  async function start(input: SimulationInput, createdBy: string | null): Promise<{ id: string }> {
    const ofShop = await shopRunOf(input);
    const problems = inputProblems(input, ofShop?.run.people);
    const first = problems[0];
    if (first) {
      throw new AppError(
        'invalid_input',
        'The simulation is invalid',
        problems.map((p) => ({ path: p.path, message: p.reason, rule: p.reason, params: p.params })),
        { reason: first.reason, params: first.params },
      );
    }
    if (running.size >= MAX_RUNNING) {
      throw refuse('simulation_busy', { running: running.size }, 'Too many simulations are running');
    }
    const id = newId();
    await q.insertSimulation(db, { id, input, createdBy, now: clock.now() });
    let lastWrite = 0;
    const handle = startSimulationWorker(
      input,
      {
        onProgress(progress) {
          const now = performance.now();
          if (now - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = now;
          track(
            q.recordProgress(db, id, progress, clock.now()).then(async (stillRunning) => {
              if (!stillRunning) await stop(id); // cancelled, perhaps from another process
            }),
          );
        },
        onDone(result) {
          running.delete(id);
          const stored: SimulationResult = ofShop ? { ...result, shop: ofShop.preview } : result;
          track(q.finishSimulation(db, id, stored, clock.now()));
        },
        onError(message) {
          running.delete(id);
          log?.warn({ simulation: id, message }, 'a simulation failed');
          track(q.failSimulation(db, id, 'error', clock.now()));
        },
      },
      ofShop?.run,
    );
    running.set(id, handle);
    return { id };
  }

  async function stop(id: string) {
    const handle = running.get(id);
    running.delete(id);
    await handle?.cancel();
  }

  async function get(id: string): Promise<Simulation> {
    const row = await q.findSimulation(db, id);
    if (!row) throw notFound('Simulation');
    return present(row);
  }

  async function list(filter: { limit: number; cursor?: string }): Promise<Page<Omit<Simulation, 'result'>>> {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listSimulations(
      db,
      beforeId === undefined ? null : String(beforeId),
      filter.limit + 1,
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => {
        const { result: _, ...summary } = present(r);
        return summary;
      },
    );
  }

  /** Cancelling ends it as failed (`failure: cancelled`); twice is harmless, a finished one is a 409. */
  async function cancel(id: string): Promise<Simulation> {
    const row = await q.findSimulation(db, id);
    if (!row) throw notFound('Simulation');
    if (row.status === 'done') throw refuse('simulation_finished', undefined, 'The simulation has finished');
    await q.failSimulation(db, id, 'cancelled', clock.now());
    await stop(id);
    return get(id);
  }

  /**
   * Runs a small simulation here, in the calling thread, and stores it done: for the demo shop's
   * example comparison, where a worker thread would outlive the seeding that started it.
   */
  async function runInline(input: SimulationInput, createdBy: string | null): Promise<{ id: string }> {
    const ofShop = await shopRunOf(input);
    const first = inputProblems(input, ofShop?.run.people)[0];
    if (first)
      throw new AppError('invalid_input', first.reason, undefined, {
        reason: first.reason,
        params: first.params,
      });
    const id = newId();
    const now = clock.now();
    await q.insertSimulation(db, { id, input, createdBy, now });
    const shopRun = ofShop?.run;
    const prepared = shopRun && {
      graph: fromEdges(shopRun.people, shopRun.from, shopRun.to),
      rates: shopRun.rates,
      seedPeople: shopRun.seeds,
    };
    const result = simulate(input, {}, prepared);
    await q.finishSimulation(db, id, ofShop ? { ...result, shop: ofShop.preview } : result, now);
    return { id };
  }

  /** On shutdown: stop the threads and mark their simulations failed, so nobody waits on them. */
  async function close() {
    const ids = [...running.keys()];
    await Promise.all(ids.map(stop));
    await Promise.all([...writes]);
    for (const id of ids) await q.failSimulation(db, id, 'cancelled', clock.now());
  }

  return { start, get, list, cancel, runInline, close, shopPopulation };
}

export type SimulatorService = ReturnType<typeof createSimulatorService>;
