import { parseServerAddress, type ServerCertificate, type ServerProbe } from '../../shared/api/desk';
import { describeNetworkFailure, RemoteCore } from './remoteCore';
import { isUntrustedCertificate, readServerCertificate, type PinnedCertificate } from './serverTls';

type Check = { ok: true } | { ok: false; message: string };

/**
 * Asks the server what every client asks first, which a newsroom server answers without a session.
 * A request that got no answer throws (the caller tells a certificate problem from a dead line).
 */
async function askSetupStatus(address: string, pin: PinnedCertificate | null): Promise<Check> {
  const remote = new RemoteCore({ address, pin });
  try {
    const { response } = await remote.exchange(null, 'setup.status', {});
    if (!response.ok) return { ok: false, message: response.error.message };
    const initialized = (response.result as { initialized?: unknown } | null)?.initialized;
    if (typeof initialized !== 'boolean') return { ok: false, message: `${address} 上的程序不是编辑部服务器（回答不是编辑部接口的格式）。请核对地址和端口。` };
    if (!initialized) return { ok: false, message: `${address} 上的编辑部服务器还没有建立编辑部，请先由管理员在服务器上完成设置。` };
    return { ok: true };
  } finally {
    remote.close();
  }
}

async function check(address: string, pin: PinnedCertificate | null): Promise<Check> {
  try {
    return await askSetupStatus(address, pin);
  } catch (error) {
    return { ok: false, message: describeNetworkFailure(address, error) };
  }
}

/**
 * Looks at a server before the desktop connects to it: is the address usable, does a newsroom
 * server answer there, and does its certificate need the user's look (self-signed, or not vouched
 * for by the system's authorities)? Sends no password and keeps nothing.
 */
export async function probeServer(text: string): Promise<ServerProbe> {
  const parsed = parseServerAddress(text);
  if (!parsed.ok) return parsed;
  const { address } = parsed;
  const encrypted = new URL(address).protocol === 'https:';
  try {
    const answer = await askSetupStatus(address, null);
    return answer.ok ? { ok: true, address, certificate: null, encrypted } : answer;
  } catch (error) {
    if (!encrypted || !isUntrustedCertificate(error)) return { ok: false, message: describeNetworkFailure(address, error) };
    const found = await readServerCertificate(new URL(address), (error as { code?: string }).code ?? '');
    const { pem, ...certificate } = found;
    // Whether a newsroom server stands behind the certificate is asked through it, pinned.
    const answer = await check(address, { fingerprint: found.fingerprint, pem });
    return answer.ok ? { ok: true, address, certificate, encrypted } : answer;
  }
}

/**
 * The pin to keep once the user accepted `fingerprint`: the certificate is read again and must be
 * the one they saw, and a newsroom server must answer through it.
 */
export async function pinAccepted(address: string, fingerprint: string): Promise<{ ok: true; pin: PinnedCertificate } | { ok: false; message: string }> {
  let found: ServerCertificate & { pem: string };
  try {
    found = await readServerCertificate(new URL(address), '');
  } catch (error) {
    return { ok: false, message: describeNetworkFailure(address, error) };
  }
  if (found.fingerprint !== fingerprint) {
    return { ok: false, message: `服务器的证书在您确认期间变了（现在的指纹 ${found.fingerprint}），没有连接。请重新核对后再试。` };
  }
  const pin = { fingerprint, pem: found.pem };
  const answer = await check(address, pin);
  return answer.ok ? { ok: true, pin } : answer;
}

/** Checks a server that needs no pin (plain HTTP or a publicly trusted certificate) before it is kept. */
export const checkServer = (address: string): Promise<Check> => check(address, null);
