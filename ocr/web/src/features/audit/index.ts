/** The administrators' audit log: filters kept in the URL, pages, CSV export. */
export { default as AdminAuditPage } from './components/AdminAuditPage';
