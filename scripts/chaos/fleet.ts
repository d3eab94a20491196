import { setTimeout as sleep } from 'node:timers/promises';
import { type ServerProcess, startServerProcess } from '../../test/support/server-process.js';

/** How long a clock move is given to reach a process that is busy running due jobs. */
const ARRIVAL_MS = 3000;

/**
 * Fission server processes on one database, as a load balancer sees them: a request goes to a live
 * one; a killed one is restarted. Each process keeps its test clock in memory, so a restarted one
 * is moved forward by everything the run has moved the clocks so far, or it would live in the past.
 */
export interface Fleet {
  /** The URL of a live process, preferring `index` (mod the fleet's size). */
  pick(index: number): string;
  urls(): string[];
  /**
   * SIGKILL process `index`, then start it again after `downMs`; resolves once it answers /health
   * and its clock has caught up with the others'.
   */
  killAndRestart(index: number, downMs: number): Promise<void>;
  /**
   * Moves every live process's clock forward (and remembers it for the restarted); with
   * `waitForDueWork` (the default) resolves once each has run the work that became due.
   */
  advanceClocks(ms: number, options?: { waitForDueWork: boolean }): Promise<void>;
  /** How far the clocks were moved in all: the processes' now is the real now plus this. */
  advancedMs(): number;
  /** Processes that exited without being killed by the run: a crash is a finding. */
  crashes: string[];
  kills: number;
  restarts: number;
  /** How long each restart took until /health answered. */
  restartSeconds: number[];
  stop(): Promise<void>;
}

export async function startFleet(size: number, env: Record<string, string>): Promise<Fleet> {
  const processes: (ServerProcess | undefined)[] = [];
  let advancedMs = 0;
  // How far each process's clock was moved: a restarted one catches up before it takes traffic.
  const applied = new Map<ServerProcess, number>();
  let stopped = false;
  // The first start migrates; the others find the schema ready.
  processes.push(await startServerProcess(env));
  for (let i = 1; i < size; i++) processes.push(await startServerProcess(env));
  for (const p of processes) if (p) applied.set(p, 0);

  /**
   * The clock route moves the clock at once, then runs every due job before it answers. Under load
   * that pass never runs dry (the load keeps making jobs), so during the load (`wait: false`) the
   * move counts once the request had a moment to arrive, and the answer is left to come whenever.
   */
  async function moveClock(url: string, ms: number, wait: boolean) {
    const answered = fetch(`${url}/api/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
      signal: AbortSignal.timeout(wait ? 280_000 : 600_000),
    }).then(async (res) => {
      if (!res.ok) throw new Error(`moving the clock of ${url} failed: ${res.status} ${await res.text()}`);
    });
    if (wait) return answered;
    answered.catch(() => {}); // a process killed before it answered: its successor catches up
    await Promise.race([answered, sleep(ARRIVAL_MS)]);
  }

  const fleet: Fleet = {
    kills: 0,
    restarts: 0,
    crashes: [],
    restartSeconds: [],
    advancedMs: () => advancedMs,
    pick(index) {
      for (let i = 0; i < processes.length; i++) {
        const candidate = processes[(index + i) % processes.length];
        if (candidate && candidate.child.exitCode === null && candidate.child.signalCode === null)
          return candidate.url;
      }
      throw new Error('no live server process');
    },
    urls: () => processes.flatMap((p) => (p ? [p.url] : [])),
    async killAndRestart(index, downMs) {
      const victim = processes[index];
      if (!victim) return;
      processes[index] = undefined;
      await victim.stop('SIGKILL');
      fleet.kills += 1;
      await new Promise((r) => setTimeout(r, downMs));
      const started = Date.now();
      const fresh = await startServerProcess(env);
      applied.set(fresh, 0);
      // Until it joins, moves of the others' clocks are caught up here (no await between the last
      // check and joining, so none is missed or made twice).
      for (let behind = advancedMs; behind > 0; behind = advancedMs - (applied.get(fresh) ?? 0)) {
        applied.set(fresh, advancedMs);
        await moveClock(fresh.url, behind, false);
      }
      processes[index] = fresh;
      fleet.restarts += 1;
      fleet.restartSeconds.push((Date.now() - started) / 1000);
    },
    async advanceClocks(ms, options = { waitForDueWork: true }) {
      advancedMs += ms;
      const live = processes.filter((p) => p !== undefined);
      for (const p of live) applied.set(p, (applied.get(p) ?? 0) + ms);
      await Promise.all(
        live.map((p) =>
          // A process killed meanwhile is forgiven: its successor catches up when it joins.
          moveClock(p.url, ms, options.waitForDueWork).catch((error) => {
            if (processes.includes(p)) throw error;
          }),
        ),
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const p of processes)
        if (p && (p.child.exitCode !== null || p.child.signalCode !== null))
          fleet.crashes.push(
            `exited with ${p.child.exitCode ?? p.child.signalCode}:\n${p.output().slice(-2000)}`,
          );
      await Promise.all(processes.map((p) => p?.stop('SIGTERM')));
    },
  };
  return fleet;
}
