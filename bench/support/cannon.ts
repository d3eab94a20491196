import autocannon from 'autocannon';
import type { FissionServer } from './server.js';
import { latency } from './stats.js';

export interface LoadShape {
  connections: number;
  pipelining: number;
  seconds: number;
  /** Sent with every request (e.g. a cookie); the same for both servers of a comparison. */
  headers?: Record<string, string>;
}

export interface Round {
  requestsPerSecond: number;
  /** Latency of all answers in ms (autocannon's own histogram keeps whole ms only). */
  p50: number;
  p99: number;
  max: number;
  /** Answers by class; a redirect benchmark expects only 3xx. */
  redirects: number;
  others: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** The server process's CPU time per answer, in µs (undefined off Linux). */
  serverCpuUsPerRequest: number | undefined;
  /** This process's (autocannon's) CPU time per answer, in µs. */
  loadCpuUsPerRequest: number;
}

/** One autocannon run of `shape` against `path` on `server`, in this process. */
export async function fire(server: FissionServer, path: string, shape: LoadShape): Promise<Round> {
  const cpuBefore = server.cpuSeconds();
  const loadCpuBefore = process.cpuUsage();
  const samplesMs: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: `${server.url}${path}`,
      connections: shape.connections,
      pipelining: shape.pipelining,
      duration: shape.seconds,
      headers: shape.headers,
    };
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => samplesMs.push(responseTimeMs));
  });
  const cpuAfter = server.cpuSeconds();
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const answers = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: answers / result.duration,
    ...latency(samplesMs),
    redirects: result['3xx'],
    others: answers - result['3xx'],
    errors: result.errors + result.timeouts,
    serverCpuUsPerRequest:
      cpuBefore === undefined || cpuAfter === undefined || answers === 0
        ? undefined
        : ((cpuAfter - cpuBefore) * 1e6) / answers,
    loadCpuUsPerRequest: (loadCpu.user + loadCpu.system) / Math.max(1, answers),
  };
}
