/** One task's page: its facts, failure reason, downloads, and each page beside the recognised text. */
export { default as TaskDetailPage } from './components/TaskDetailPage';
