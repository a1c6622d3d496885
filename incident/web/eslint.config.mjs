import { webEslintConfig } from '@toolocr/eslint-config';

export default webEslintConfig({ app: 'incident/web' });
