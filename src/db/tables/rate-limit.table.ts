/** A rate-limit counter shared by every app instance: hits in the window ending at `reset_at`. */
export interface RateLimitTable {
  /** SHA-256 of the limiter's key (route and client or link), hex. */
  key_hash: string;
  hits: number;
  reset_at: Date;
}
