// Node module hook for the bench's in-process floor: `server-only` guards modules against client bundles and throws
// outside React Server Components; in this trusted script the app's server modules are imported directly.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}
