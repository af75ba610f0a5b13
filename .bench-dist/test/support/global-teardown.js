// Closes the embedded PGlite instances started by global-setup.mjs.
export default async function globalTeardown() {
    const instances = globalThis.__SWITCHBOARD_PGLITES__ ?? [];
    await Promise.all(instances.map((instance)=>instance.close()));
}

//# sourceMappingURL=global-teardown.js.map