/** The administrators' dashboard: counts, storage, processing times and a 30-day chart. */
export { default as AdminDashboardPage } from './components/AdminDashboardPage';
