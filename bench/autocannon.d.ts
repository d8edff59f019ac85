// The subset of autocannon's programmatic API the bench uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      headers?: Record<string, string>;
      method?: string;
      body?: string;
      /** Requests in turn per connection; `setupRequest` rewrites one before it is sent (a varied path). */
      requests?: { setupRequest?: (req: { path: string; headers?: Record<string, string> }) => unknown }[];
    };
    type Histogram = {
      average: number;
      mean: number;
      p50: number;
      p90: number;
      p99: number;
      max: number;
      total: number;
    };
    type Result = {
      requests: Histogram & { total: number };
      latency: Histogram;
      throughput: Histogram & { total: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
    };
  }
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): unknown;
  export default autocannon;
}
