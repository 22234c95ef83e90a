import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations/index';
import { postgresPool } from '../core/store/postgresStore';
import { CliError } from './cliError';
import { backupTarget, syncFile, type CheckReport } from './maintenance';

/** The address as it may be printed: without the password. */
function shownUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
}

function assertPostgresUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError(`--database 应为 PostgreSQL 地址（postgres://用户@主机:端口/数据库），收到：${url}`);
}

/**
 * Reads only, and never migrates: the schema version the database is at, whether every foreign key
 * is enforced (a constraint added NOT VALID is not), and — where the database has the amcheck
 * extension — every B-tree index checked page by page. PostgreSQL checksums and its own recovery do
 * what SQLite's integrity_check does for a file; amcheck is the deep check beyond them.
 */
export async function checkPostgres(url: string): Promise<CheckReport> {
  assertPostgresUrl(url);
  const pool = postgresPool(url, 1);
  try {
    const one = async <T>(text: string): Promise<T> => (await pool.query(text)).rows[0] as T;
    const migrated = await one<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
    if (!migrated.present) throw new CliError(`数据库 ${shownUrl(url)} 不是本系统的数据库（没有 schema_migrations 表）。`);
    const { version } = await one<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const schemaVersion = version ?? 0;
    const { unvalidated } = await one<{ unvalidated: number }>(
      "SELECT count(*)::int AS unvalidated FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND c.contype = 'f' AND NOT c.convalidated",
    );
    const { amcheck } = await one<{ amcheck: boolean }>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'amcheck') AS amcheck");
    let integrity = '未逐页检查索引（数据库没有安装 amcheck 扩展）；约束与事务日志由 PostgreSQL 自身保证';
    let integrityOk = true;
    if (amcheck) {
      const indexes = (
        await pool.query<{ name: string }>(
          "SELECT c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = current_schema()",
        )
      ).rows;
      const damaged: string[] = [];
      for (const { name } of indexes) {
        await pool.query('SELECT bt_index_check($1::regclass)', [name]).catch((error: unknown) => damaged.push(`${name}: ${(error as Error).message}`));
      }
      integrityOk = damaged.length === 0;
      integrity = integrityOk ? 'ok' : damaged.join('; ');
    }
    const count = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
    return {
      location: shownUrl(url),
      schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      pendingMigrations: Math.max(0, LATEST_SCHEMA_VERSION - schemaVersion),
      integrity,
      integrityOk,
      foreignKeyProblems: unvalidated,
      articles: await count('articles'),
      users: await count('users'),
    };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`无法检查数据库 ${shownUrl(url)}：${(error as Error).message}`);
  } finally {
    await pool.end();
  }
}

/** pg_dump from PATH, else from Debian's versioned folders (newest first: it must not be older than the server). */
function findPgDump(): string {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'pg_dump');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', 'pg_dump');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new CliError('找不到 pg_dump。请安装 PostgreSQL 的客户端程序（Debian：apt-get install postgresql-client），版本不低于数据库服务器的版本。');
}

/**
 * A consistent copy of a running newsroom server's database with pg_dump (one snapshot; writers are
 * not blocked), in its custom format for pg_restore. Written under a temp name and renamed only when
 * pg_dump succeeded; a failure leaves no file behind. Never overwrites. For a copy of the whole
 * cluster with point-in-time recovery, the operator uses pg_basebackup and WAL archiving (README).
 */
export async function backupPostgres(url: string, out: string): Promise<{ out: string; bytes: number }> {
  assertPostgresUrl(url);
  const { target, folder, partial } = backupTarget(out);
  const pgDump = findPgDump();
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(pgDump, ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new CliError(`备份失败：${(stderr.trim().split('\n')[0] ?? '') || error.message}`));
        else resolve();
      });
    });
    syncFile(partial);
    if (fs.existsSync(target)) throw new CliError(`目标文件 ${target} 已存在；为免覆盖，请换一个文件名。`);
    fs.renameSync(partial, target);
    syncFile(folder);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { out: target, bytes: fs.statSync(target).size };
}
