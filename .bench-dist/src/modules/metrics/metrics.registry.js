import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
/**
 * The app's own Prometheus registry. It is per app instance, not prom-client's global one, so
 * several apps in one process (tests, the CLI) never collide on metric names.
 */ export class MetricsRegistry extends Registry {
    constructor(){
        super();
        collectDefaultMetrics({
            register: this,
            prefix: 'switchboard_'
        });
        this.httpRequestDuration = new Histogram({
            name: 'switchboard_http_request_duration_seconds',
            help: 'HTTP request latency by method, route pattern and status code',
            labelNames: [
                'method',
                'route',
                'status'
            ],
            buckets: [
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1,
                2.5,
                5,
                10
            ],
            registers: [
                this
            ]
        });
    }
}

//# sourceMappingURL=metrics.registry.js.map