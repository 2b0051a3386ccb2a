/**
 * The docs' blocks against the library's real types, with the TypeScript compiler API.
 *
 * One program holds the library's sources (through tsconfig.test.json's paths) and, as virtual
 * files, every docs block: the programs are type-checked as a user's strict project would check
 * them (a field that does not exist, `l.sd.toFixed`, is an error), and each ```ts contract block
 * is read as declarations. Names the contract uses but does not declare (`Scenario`,
 * `VolumeSummary`) are the library's exports of that name (one it does not export is a failure).
 * Each declared name is then walked beside the export of the same name: every field of a doc
 * object type, every option of a doc parameter and every field of a doc return type must exist on
 * the real type (for unions like `Dist`, on the variant with the same discriminant); and for
 * `interface` and `type` declarations (what users write) every real field must be in the doc,
 * unless the doc's shape says `…` (more fields).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { root, type DocBlock } from './doc-blocks.js';

const VIRTUAL = join(root, 'test', '.docs-virtual');
const OPEN = '__more__';
const ENTRIES = ['middle-corridor', 'middle-corridor/node', 'middle-corridor/render', 'middle-corridor/testing', 'middle-corridor/web'];

/** The contract's text as TypeScript: `…` (more fields) becomes a marked field. */
export const contractSource = (code: string) => `${code.replace(/…/g, `${OPEN}: unknown`)}\nexport {};\n`;

function program(files: Map<string, string>, old?: ts.Program): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.test.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } })!;
  // A user's strict project: indexed access as most projects have it (rows[0].parameter).
  const options: ts.CompilerOptions = { ...config.options, noUncheckedIndexedAccess: false, allowJs: true, checkJs: true, noEmit: true, lib: ['lib.es2022.d.ts'], types: ['node'] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => files.get(f) ?? read(f);
  host.fileExists = (f) => files.has(f) || exists(f);
  host.getSourceFile = (f, lang, onError, create) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang, true) : getSource(f, lang, onError, create));
  return ts.createProgram([...files.keys()], options, host, old);
}

const text = (d: ts.Diagnostic) => {
  const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return `${at ? `line ${at.line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
};

export interface Checked {
  /** Per block (by `where`): its type errors (programs) or its drifts (contract blocks). */
  problems: Map<string, string[]>;
  /** Per contract block: the declarations walked against the library. */
  compared: Map<string, string[]>;
  /** The program (library and blocks), for the prose check. */
  program: ts.Program;
}

/** Type-checks every program block and compares every contract block with the real types. */
export function checkBlocks(blocks: DocBlock[]): Checked {
  const files = new Map<string, string>();
  const name = new Map<DocBlock, string>();
  blocks.forEach((b, i) => {
    if (b.marks.includes('no-run')) return;
    const contract = b.marks.includes('contract');
    const f = join(VIRTUAL, `block-${i}.${contract || b.lang.startsWith('t') ? 'ts' : 'js'}`);
    name.set(b, f);
    files.set(f, contract ? contractSource(b.code) : `${b.code}\nexport {};\n`);
  });
  // Every entry of the package is in the program (the prose check reads them all).
  files.set(join(VIRTUAL, 'entries.ts'), ENTRIES.map((e, i) => `export * as e${i} from '${e}';`).join('\n'));
  let p = program(files);
  // Names a contract block uses without declaring them are the library's.
  for (const [b, f] of name) {
    if (!b.marks.includes('contract')) continue;
    const missing = new Set(p.getSemanticDiagnostics(p.getSourceFile(f)).filter((d) => d.code === 2304).map((d) => /'(.+?)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))![1]!));
    if (missing.size > 0) files.set(f, `import type * as __Real from 'middle-corridor';\n${[...missing].map((m) => `type ${m} = __Real.${m};`).join('\n')}\n${files.get(f)!}`);
  }
  p = program(files, p);
  const checker = p.getTypeChecker();
  const problems = new Map<string, string[]>();
  const compared = new Map<string, string[]>();
  for (const [b, f] of name) {
    const source = p.getSourceFile(f)!;
    const out: string[] = [];
    if (b.marks.includes('contract')) {
      out.push(...p.getSyntacticDiagnostics(source).map(text));
      // 2694: the contract names a type the library does not export.
      out.push(...p.getSemanticDiagnostics(source).filter((d) => d.code === 2694 || d.code === 2305).map(text));
      const walked = compareContract(checker, p, source, out);
      compared.set(b.where, walked);
    } else {
      out.push(...[...p.getSyntacticDiagnostics(source), ...p.getSemanticDiagnostics(source)].map(text));
    }
    problems.set(b.where, out);
  }
  return { problems, compared, program: p };
}

/** The exports of one entry of the package (`src/index.ts`, `src/node/index.ts`, …). */
export function realExports(checker: ts.TypeChecker, p: ts.Program, file = 'src/index.ts'): Map<string, ts.Symbol> {
  const entry = p.getSourceFile(join(root, file))!;
  const m = checker.getSymbolAtLocation(entry)!;
  return new Map(checker.getExportsOfModule(m).map((s) => [s.name, s]));
}

function compareContract(checker: ts.TypeChecker, p: ts.Program, source: ts.SourceFile, out: string[]): string[] {
  const real = realExports(checker, p);
  const walked: string[] = [];
  const walk = new Walker(checker, source, out);
  for (const st of source.statements) {
    const decls: [string, ts.Node, 'value' | 'type' | 'class'][] = [];
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) decls.push([d.name.getText(source), d.name, 'value']);
    else if (ts.isFunctionDeclaration(st) && st.name) decls.push([st.name.text, st.name, 'value']);
    else if (ts.isClassDeclaration(st) && st.name) decls.push([st.name.text, st.name, 'class']);
    else if (ts.isInterfaceDeclaration(st) || (ts.isTypeAliasDeclaration(st) && !st.type.getText(source).startsWith('__Real.'))) decls.push([st.name.text, st.name, 'type']);
    for (const [n, node, kind] of decls) {
      const sym = real.get(n);
      if (!sym) {
        out.push(`${n}: the contract declares it, the library does not export it`);
        continue;
      }
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      const docType = kind === 'value' ? checker.getTypeAtLocation(node) : checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node)!);
      const realType = kind === 'value' ? checker.getTypeOfSymbol(target) : checker.getDeclaredTypeOfSymbol(target);
      walk.compare(docType, [realType], n, kind === 'type');
      walked.push(n);
    }
  }
  return walked;
}

/** Walks a doc type beside the real type, reporting fields the doc names that the library lacks. */
class Walker {
  private seen = new Set<string>();
  constructor(
    private checker: ts.TypeChecker,
    private source: ts.SourceFile,
    private out: string[],
  ) {}

  /**
   * Declared in the contract block, or a shape of TypeScript's lib written there (`Record<'a' | 'b', T>`);
   * the rest are the library's own types: nothing to compare.
   */
  private ours(t: ts.Type): boolean {
    const files = ((t.aliasSymbol ?? t.getSymbol())?.declarations ?? []).map((d) => d.getSourceFile().fileName);
    return files.includes(this.source.fileName) || (files.length > 0 && files.every((f) => f.includes('/typescript/lib/')));
  }

  /** A string value the doc names must be one the library's type allows. */
  private literal(doc: ts.StringLiteralType, real: ts.Type[], path: string): void {
    if (real.some((r) => r.flags & ts.TypeFlags.String)) return;
    const allowed = real.filter((r) => r.isStringLiteral()).map((r) => (r as ts.StringLiteralType).value);
    if (allowed.length > 0 && !allowed.includes(doc.value)) this.out.push(`${path}: '${doc.value}' is not a value the library's type allows (${allowed.map((a) => `'${a}'`).join(', ')})`);
  }

  private fields(t: ts.Type): string[] {
    return this.checker.getPropertiesOfType(t).map((s) => s.name).filter((n) => n !== OPEN && !n.startsWith('__@'));
  }

  private reported = new Set<string>();
  private once(doc: ts.Type, field: string): boolean {
    const key = `${(doc as { id?: number }).id}|${field}`;
    return !this.reported.has(key) && !!this.reported.add(key);
  }

  /** `reals`: the real types the doc type stands for (a union's variants, one entry each). */
  compare(doc: ts.Type, reals: ts.Type[], path: string, complete: boolean, depth = 0): void {
    const c = this.checker;
    doc = c.getNonNullableType(doc);
    const real = reals.map((r) => c.getNonNullableType(r)).flatMap((r) => (r.isUnion() ? r.types : [r]));
    const key = `${path}|${(doc as { id?: number }).id}|${real.map((r) => (r as { id?: number }).id).join(',')}`;
    if (depth > 8 || this.seen.has(key) || doc.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    this.seen.add(key);
    if (real.length === 1 && doc === real[0]) return;
    if (doc.isStringLiteral()) return this.literal(doc, real, path);
    const shown = () => real.map((r) => c.typeToString(r)).join(' | ');
    if (doc.isUnion()) {
      const matched = new Set<ts.Type>();
      for (const d of doc.types) {
        if (d.isStringLiteral()) this.literal(d, real, path);
        if (!this.ours(d)) continue;
        // A doc that allows more than the library returns (Param where the fit gives a number) is no drift.
        if (!real.some((r) => r.flags & ts.TypeFlags.Object)) continue;
        const v = this.variant(d, real);
        if (v.length < real.length) v.forEach((x) => matched.add(x));
        this.compare(d, v, path, complete, depth + 1);
      }
      const left = real.filter((r) => !matched.has(r) && r.flags & ts.TypeFlags.Object);
      if (complete && matched.size > 0 && left.length > 0) this.out.push(`${path}: the library's variants ${left.map((r) => c.typeToString(r)).join(', ')} are not in the doc`);
      return;
    }
    if (c.isArrayType(doc) || c.isTupleType(doc)) {
      const els = real.map((r) => c.getIndexTypeOfType(r, ts.IndexKind.Number)).filter((x) => x !== undefined);
      if (els.length === 0) this.out.push(`${path}: the doc says an array, the library's type is ${shown()}`);
      else this.compare(c.getIndexTypeOfType(doc, ts.IndexKind.Number)!, els, `${path}[]`, complete, depth + 1);
      return;
    }
    const docCalls = doc.getCallSignatures();
    if (docCalls.length > 0) {
      const realCalls = real.flatMap((r) => r.getCallSignatures());
      if (realCalls.length === 0) {
        this.out.push(`${path}: the doc calls it, the library's type is ${shown()}`);
        return;
      }
      const d = docCalls[0]!;
      d.getParameters().forEach((param, i) => {
        const realParams = realCalls.map((r) => r.getParameters()[i]).filter((x) => x !== undefined);
        if (realParams.length === 0) this.out.push(`${path}(): the doc gives parameter ${i + 1} (${param.name}), the library takes ${realCalls[0]!.getParameters().length}`);
        else this.compare(c.getTypeOfSymbol(param), realParams.map((r) => c.getTypeOfSymbol(r)), `${path}(${param.name})`, false, depth + 1);
      });
      this.compare(d.getReturnType(), realCalls.map((r) => r.getReturnType()), `${path}()`, false, depth + 1);
      return;
    }
    if (!(doc.flags & ts.TypeFlags.Object) || !this.ours(doc)) return;
    const realFields = [...new Set(real.flatMap((t) => this.fields(t)))];
    for (const f of this.fields(doc)) {
      const r = real.map((t) => c.getPropertyOfType(t, f)).filter((s) => s !== undefined);
      if (r.length === 0) {
        // Once per doc shape and field, on the first path that reaches it (Dist, not every Param of every preset).
        if (this.once(doc, f)) this.out.push(`${path}.${f}: not on the library's type (its fields: ${realFields.join(', ')})`);
        continue;
      }
      this.compare(c.getTypeOfSymbol(c.getPropertyOfType(doc, f)!), r.map((s) => c.getTypeOfSymbol(s)), `${path}.${f}`, complete, depth + 1);
    }
    if (complete && !c.getPropertyOfType(doc, OPEN)) {
      const docFields = new Set(this.fields(doc));
      const missing = realFields.filter((f) => !docFields.has(f));
      if (missing.length > 0 && this.once(doc, '')) this.out.push(`${path}: the library's type also has ${missing.join(', ')} (add ${missing.length === 1 ? 'it' : 'them'} to the doc, or \`…\`)`);
    }
  }

  /** The real variant a doc variant stands for: the one with the same literal discriminant. */
  private variant(doc: ts.Type, real: ts.Type[]): ts.Type[] {
    const c = this.checker;
    for (const prop of c.getPropertiesOfType(doc)) {
      const t = c.getTypeOfSymbol(prop);
      if (!t.isStringLiteral()) continue;
      const match = real.filter((r) => {
        const rp = c.getPropertyOfType(r, prop.name);
        return rp !== undefined && c.isTypeAssignableTo(t, c.getTypeOfSymbol(rp));
      });
      if (match.length > 0) return match;
    }
    return real;
  }
}
