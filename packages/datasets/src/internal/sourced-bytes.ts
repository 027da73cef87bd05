/** Raw bytes of one file and where they came from (a path or URL, for messages). */
export interface SourcedBytes {
  bytes: Uint8Array;
  source: string;
}
