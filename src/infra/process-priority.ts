import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * Lowers the CPU priority of this whole process to `nice`. On Linux a priority belongs to a thread:
 * `os.setPriority(nice)` reaches only the calling (main) thread, while the threads Node started
 * before it (V8's garbage-collection and compiler helpers) keep theirs, and a worker's major GC then
 * still takes the CPU from the API on a shared machine. So each thread of the process is set; threads
 * started later (libuv's pool) inherit the main thread's. Returns how many threads were set.
 */
export function lowerProcessPriority(nice: number): number {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    os.setPriority(nice); // no /proc (not Linux): there the call sets the whole process
    return 1;
  }
  let set = 0;
  for (const tid of tids) {
    try {
      os.setPriority(Number(tid), nice);
      set++;
    } catch {
      // the thread ended meanwhile
    }
  }
  return set;
}
