// Types for the one seedrandom generator the library uses, imported by path so that bundles do
// not pull in seedrandom's other generators or its optional Node `crypto` require.
declare module 'seedrandom/lib/xor4096.js' {
  interface Xor4096 {
    (): number;
    double(): number;
    int32(): number;
    quick(): number;
  }
  const xor4096: (seed: string | number) => Xor4096;
  export default xor4096;
}
