/** The data key the benchmarks' stores are encrypted with, as the app's are (a real key is 32 random bytes). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 0xbe)
