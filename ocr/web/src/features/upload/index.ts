/** The upload page: many files at once, each its own task with its own progress bar. */
export { UploadPage } from './components/UploadPage';
