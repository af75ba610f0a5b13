export function matchRoute(routes, method, path) {
    for (const route of routes){
        if (route.method !== method) continue;
        const match = route.pattern.exec(path);
        if (match) return {
            route,
            params: match.slice(1).map(decodeURIComponent)
        };
    }
    return undefined;
}

//# sourceMappingURL=router.js.map