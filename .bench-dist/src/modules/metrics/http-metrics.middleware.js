/** Nest answers unknown paths from a catch-all route with this pattern. */ const NEST_NOT_FOUND_ROUTE = '{/*splat}';
/**
 * Times every request, including ones no route matches. The label is the matched route pattern
 * (`/v1/sessions/:id`), never the raw URL, so ids do not explode the metric's cardinality.
 * Mounted as plain Express middleware because Nest middleware does not run for unmatched paths.
 */ export function httpMetricsMiddleware(metrics) {
    return (req, res, next)=>{
        const stop = metrics.httpRequestDuration.startTimer();
        res.once('finish', ()=>{
            const pattern = req.route?.path;
            const matched = typeof pattern === 'string' && pattern !== NEST_NOT_FOUND_ROUTE;
            const route = matched ? `${req.baseUrl}${pattern}` : 'unmatched';
            stop({
                method: req.method,
                route,
                status: String(res.statusCode)
            });
        });
        next();
    };
}

//# sourceMappingURL=http-metrics.middleware.js.map