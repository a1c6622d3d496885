/** The administrators' user list: search, task and page counts, deactivate and reactivate. */
export { default as AdminUsersPage } from './components/AdminUsersPage';
