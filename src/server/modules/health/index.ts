/** Health module: liveness and database check for load balancers and CI. */
export { type HealthOptions, healthRoutes } from './health.routes';
