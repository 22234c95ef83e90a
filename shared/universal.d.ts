/**
 * What shared/ may use beyond the ECMAScript library: globals that browsers and Node.js both
 * provide. Declared here, narrowly, because shared/ compiles with neither the DOM nor Node's types.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** The WHATWG URL parser, for checking an address a user typed the same way on both sides. */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
