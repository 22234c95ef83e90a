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
