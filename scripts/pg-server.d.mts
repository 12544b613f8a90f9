export interface PostgresServer {
  url: string;
  stop: () => void;
}
export function findPgBin(): string | null;
export function stopPostgres(dir: string): void;
export function startPostgres(options?: {
  port?: number;
  dir?: string;
  maxConnections?: number;
}): PostgresServer | null;
export function freePort(preferred: number, attempts?: number): Promise<number>;
