// The few web-platform globals that browser-safe packages (@ottl/pdata, @ottl/core) may use: they
// exist in every browser and in Node.js ≥ 20. Declared here instead of pulling in lib "DOM", so that
// nothing else from the browser (window, document) or Node leaks into those packages' types.

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare var crypto: {
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
  randomUUID(): string;
};

declare function atob(data: string): string;
declare function btoa(data: string): string;

declare var console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};
