import { setFlagsFromString } from 'node:v8';

/**
 * How far past what the last full collection kept V8 lets the old generation grow, in percent.
 * Left to itself V8 lets it grow up to fourfold: with a document of 100k lines open (300 MB that stay
 * alive), the garbage of a closed document or of edits piled up to a peak of 0.8-1.9 GB before the
 * next full collection. 50 % held the server's peak at ~530-580 MB on the same workload; 30 % made
 * the open of that document do 17 full collections instead of 5 (CPU +35 %), 50 % made it 8.
 */
const HEAP_GROWING_PERCENT = 50;

/** Set at the server's start (V8 reads the flag at every full collection), so it holds however the editor starts the process. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
