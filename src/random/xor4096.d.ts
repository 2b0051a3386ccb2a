// Types for the one seedrandom generator the library uses, imported by path so that bundles do
// not pull in seedrandom's other generators or its optional Node `crypto` require.
declare module 'seedrandom/lib/xor4096.js' {
  interface Xor4096State {
    X: number[];
    i: number;
    w: number;
  }
  interface Xor4096 {
    (): number;
    double(): number;
    int32(): number;
    quick(): number;
    state(): Xor4096State;
  }
  const xor4096: (seed: string | number, opts?: { state?: boolean | Xor4096State }) => Xor4096;
  export default xor4096;
}
