import type { PeerCertificate } from 'node:tls';
import net from 'node:net';
import tls from 'node:tls';
import type { ServerCertificate } from '../../shared/api/desk';

/** A self-signed (or otherwise unvouched) server certificate the user looked at and accepted. */
export interface PinnedCertificate {
  /** SHA-256 of the DER bytes, `AB:CD:…` as Node's `fingerprint256` gives it */
  fingerprint: string;
  /** the certificate itself, trusted as the only authority for this server */
  pem: string;
}

const CONNECT_TIMEOUT_MS = 10_000;

export class CertificateChanged extends Error {
  constructor(found: string | null) {
    super(
      `编辑部服务器的证书与第一次连接时确认的不同${found ? `（现在的指纹 ${found}）` : ''}。可能有人冒充服务器，也可能管理员换了证书：` +
        '请向管理员核对新证书的指纹；确认无误后，断开服务器再重新连接。',
    );
  }
}

function toPem(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function name(part: PeerCertificate['subject'] | undefined): string {
  if (!part) return '';
  return Object.entries(part)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

/**
 * TLS options for requests to a server: the system's authorities and the usual host-name check when
 * nothing is pinned; with a pin, that one certificate is the only authority and must be the one the
 * server presents (the host name is not checked: the user accepted this exact certificate for this
 * address, whatever names it carries). A mismatch fails the handshake, before a byte is sent.
 */
export function tlsOptions(pin: PinnedCertificate | null): tls.ConnectionOptions {
  if (pin === null) return {};
  return {
    ca: pin.pem,
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pin.fingerprint ? undefined : new CertificateChanged(cert.fingerprint256)),
  };
}

/** OpenSSL's verdicts that mean "not the certificate we trust" rather than "no network". */
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isUntrustedCertificate(error: unknown): boolean {
  return error instanceof CertificateChanged || UNTRUSTED_CODES.has((error as { code?: string }).code ?? '');
}

const UNTRUSTED_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: '这是服务器自己签发的证书（自签名），没有公共证书机构为它担保',
  SELF_SIGNED_CERT_IN_CHAIN: '证书由一个不受本机信任的机构（自建的根证书）签发',
  ERR_TLS_CERT_ALTNAME_INVALID: '证书上的名称与您输入的地址不符',
  CERT_HAS_EXPIRED: '证书已过期',
};

/**
 * The certificate a server presents, read without trusting it, for the user to compare with what
 * the server's administrator shows them. Nothing but the handshake is sent.
 */
export function readServerCertificate(address: URL, reasonCode: string): Promise<ServerCertificate & { pem: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address.hostname.replace(/^\[|\]$/g, ''),
      port: Number(address.port || 443),
      ...(net.isIP(address.hostname.replace(/^\[|\]$/g, '')) === 0 ? { servername: address.hostname } : {}),
      rejectUnauthorized: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert.raw) return reject(new Error('服务器没有出示证书。'));
      resolve({
        fingerprint: cert.fingerprint256,
        subject: name(cert.subject),
        issuer: name(cert.issuer),
        validTo: cert.valid_to,
        reason: UNTRUSTED_REASONS[reasonCode] ?? `本机不信任这个证书（${reasonCode}）`,
        pem: toPem(cert.raw),
      });
    });
    socket.once('timeout', () => socket.destroy(new Error('连接超时')));
    socket.once('error', reject);
  });
}
