import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

/**
 * Every module of app/routes (flat routes). The development pages (/dev: the clock, the job runner, the outbox —
 * app/routes/dev.*) are built only when the build is asked for them with DEV_ROUTES=1 (`npm run build:dev`, the dev
 * server, `npm test`); the production build (`npm run build`, `npm run check`) has no trace of them (issue 9 #17,
 * proven by scripts/check-production-build.ts). At run time they also answer 404 outside development (utils/dev.server.ts).
 */
export const DEV_ROUTE_FILES = ["routes/dev.*"];

const withDevRoutes = process.env.DEV_ROUTES === "1";

export default flatRoutes({ ignoredRouteFiles: withDevRoutes ? [] : DEV_ROUTE_FILES }) satisfies RouteConfig;
