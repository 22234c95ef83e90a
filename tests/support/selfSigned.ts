import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * A self-signed certificate made the way the README tells a paper to make one, into `dir`.
 * `names` become its subjectAltName entries (`IP:…`, `DNS:…`); the first DNS or IP is its CN.
 */
export function selfSigned(dir: string, names: string[] = ['IP:127.0.0.1', 'DNS:newsroom.test']): { cert: string; key: string } {
  const cert = path.join(dir, 'server.crt');
  const key = path.join(dir, 'server.key');
  const cn = names[0]!.replace(/^(IP|DNS):/, '');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${cn}`, '-addext', `subjectAltName=${names.join(',')}`, '-keyout', key, '-out', cert], {
    stdio: 'pipe',
  });
  return { cert, key };
}
