import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackAddress } from './security';

export interface HostNaming {
  /** the address the host bound (`--host`) */
  bound: string;
  port: number;
  /** `--public-name`: names (or name:port, behind a proxy) other computers reach this host by */
  publicNames: readonly string[];
  /** os.hostname() */
  machineName: string;
  /** os.networkInterfaces() */
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

function hostPart(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

/**
 * The Host header values the host answers (DNS rebinding: a foreign page can point its own name at
 * us, but cannot make the browser send one of ours). Loopback: the bound address and localhost.
 * A wildcard bind (0.0.0.0, ::): every address of this machine's interfaces, its host name and
 * localhost, since those are what other computers and this one type. Any bind: the `--public-name`s
 * given (a DNS name the network knows the machine by; with a port when a proxy answers on another).
 * Ports 80 and 443 are also answered without the port, as browsers send them.
 */
export function allowedHostHeaders(naming: HostNaming): Set<string> {
  const names = new Set<string>([naming.bound]);
  if (isLoopbackAddress(naming.bound)) names.add('localhost');
  if (isWildcard(naming.bound)) {
    names.delete(naming.bound);
    const ipv4Only = naming.bound === '0.0.0.0';
    for (const infos of Object.values(naming.interfaces)) {
      for (const info of infos ?? []) {
        if (ipv4Only && info.family !== 'IPv4') continue;
        // A link-local IPv6 address needs its zone id, which a Host header cannot carry.
        if (info.family === 'IPv6' && info.scopeid) continue;
        names.add(info.address);
      }
    }
    names.add(naming.machineName);
    names.add('localhost');
  }
  const allowed = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const part = hostPart(name.toLowerCase());
    allowed.add(`${part}:${naming.port}`);
    if (naming.port === 80 || naming.port === 443) allowed.add(part);
  }
  for (const name of naming.publicNames) {
    const lower = name.trim().toLowerCase();
    if (!lower) continue;
    const hasPort = /^(\[[^\]]+\]|[^:[\]]+):\d+$/.test(lower);
    allowed.add(hasPort ? lower : `${hostPart(lower)}:${naming.port}`);
    if (!hasPort && (naming.port === 80 || naming.port === 443)) allowed.add(hostPart(lower));
  }
  return allowed;
}
