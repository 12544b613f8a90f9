export const SQLITE_SCHEMA: string;
export const POSTGRES_SCHEMA: string;
export function postgresSchema(sqliteSchema: string): string;
export function writePostgresSchema(): string;
