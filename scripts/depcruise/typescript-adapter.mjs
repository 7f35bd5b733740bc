// What dependency-cruiser gets when it imports 'typescript' (wired by ./run.mjs). dependency-cruiser 17 reads
// .ts/.tsx only through the TypeScript < 7 compiler API, which TypeScript 7 (the project's compiler) no longer
// ships. This adapter implements the one call its transpile step makes, transpileModule, with the oxc parser that
// Vite already brings: the "JavaScript" it returns is just the file's module requests, one statement each, which
// dependency-cruiser's JavaScript reader then resolves and checks against the rules.
//
// Type-only imports are kept (as `typeOnly("…")`, an exotic require the config names), so cycles and layer rules
// see them as TypeScript's own pre-compilation dependencies would (tsPreCompilationDeps: true).
import { parseSync, Visitor } from 'vite';

export const version = '5.9.0';
/** Read (not used) when dependency-cruiser loads its TypeScript-AST reader, which stays off (tsPreCompilationDeps). */
export const SyntaxKind = {};

/** The module requests of one TypeScript source, as a tiny JavaScript module dependency-cruiser can read. */
export function moduleRequests(source, jsx) {
  const { program, module, errors } = parseSync(jsx ? 'file.tsx' : 'file.ts', source, { lang: jsx ? 'tsx' : 'ts' });
  if (errors.length > 0 && !program.body.length) throw new Error(`could not parse: ${errors[0].message}`);
  const lines = [];
  const add = (kind, specifier) => {
    const s = JSON.stringify(specifier);
    lines.push(kind === 'type' ? `typeOnly(${s});` : kind === 'dynamic' ? `import(${s});` : kind === 'require' ? `require(${s});` : `import ${s};`);
  };
  for (const imp of module.staticImports) {
    const typeOnly = imp.entries.length > 0 && imp.entries.every((entry) => entry.isType);
    add(typeOnly ? 'type' : 'static', imp.moduleRequest.value);
  }
  for (const exp of module.staticExports) {
    for (const entry of exp.entries) if (entry.moduleRequest) add(entry.isType ? 'type' : 'static', entry.moduleRequest.value);
  }
  new Visitor({
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string') add('dynamic', node.source.value);
    },
    TSImportType(node) {
      const value = node.source?.value ?? node.argument?.literal?.value;
      if (typeof value === 'string') add('type', value);
    },
    TSExternalModuleReference(node) {
      add('require', node.expression.value);
    },
    CallExpression(node) {
      const arg = node.arguments[0];
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal' && typeof arg.value === 'string')
        add('require', arg.value);
    },
  }).visit(program);
  return [...new Set(lines)].join('\n') + '\n';
}

/** The subset of ts.transpileModule dependency-cruiser calls: compilerOptions.jsx marks a .tsx file. */
export function transpileModule(source, options = {}) {
  return { outputText: moduleRequests(source, Boolean(options.compilerOptions?.jsx)) };
}

export default { version, SyntaxKind, transpileModule };
