export { TemplatesPage } from './components/TemplatesPage';
