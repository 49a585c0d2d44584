// A module resolution hook for the web worker (registered by lib/runtime/direct-api.ts): `import "server-only"`
// resolves to the package's empty server build, as it does inside Next's server bundle. The worker is the server;
// nothing it imports reaches a browser, so the marker has nothing to guard there.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
