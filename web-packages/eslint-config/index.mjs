// The ESLint flat config every workspace uses (ocr/web, web-packages/*, incident/web when it lands):
// each has an eslint.config.mjs of one line that calls webEslintConfig(). Maven runs `npm run lint`
// in each web module's verify phase, next to Spotless; an error fails the build.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The repository root, which the import zones' paths are relative to. */
const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * A feature may use another feature only through that feature's public surface: its `index.ts`
 * (and `testing.ts`, test fixtures). Anything deeper is that feature's own business. The zones are
 * computed from the folders, so a new feature is covered without touching this file.
 */
function featureZones(app) {
  const features = path.join(root, app, 'src', 'features');
  let names = [];
  try {
    names = readdirSync(features, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  return names.flatMap((feature) =>
    names
      .filter((other) => other !== feature)
      .map((other) => ({
        target: `./${app}/src/features/${feature}`,
        from: `./${app}/src/features/${other}`,
        except: ['./index.ts', './testing.ts'],
        message: `Feature '${feature}' may use '${other}' only through ${app}/src/features/${other}/index.ts.`,
      })),
  );
}

/** Layers: shared code knows no feature, features know no app shell, i18n knows neither. */
function layerZones(app) {
  const src = `./${app}/src`;
  return [
    { target: `${src}/shared`, from: [`${src}/features`, `${src}/app`], message: 'shared/ is used by features, never the other way round.' },
    { target: `${src}/i18n`, from: [`${src}/features`, `${src}/app`], message: 'i18n/ holds strings only.' },
    { target: `${src}/features`, from: `${src}/app`, message: 'A feature does not reach into the app shell; the shell composes features.' },
  ];
}

/**
 * `app`: the workspace's folder from the repository root (`ocr/web`) when it is an app organised by
 * feature (`src/features/<name>`); leave it out for a shared package.
 */
export function webEslintConfig({ app } = {}) {
  return tseslint.config(
    { ignores: ['**/node_modules/**', '**/target/**', '**/dist/**', '**/e2e/**', '**/scripts/**'] },
    {
      files: ['**/*.{ts,tsx}'],
      extends: [js.configs.recommended, ...tseslint.configs.recommended],
      plugins: { 'react-hooks': reactHooks, import: importPlugin },
      languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
      settings: {
        'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      },
      rules: {
        ...reactHooks.configs.recommended.rules,
        'import/no-restricted-paths': [
          'error',
          {
            basePath: root,
            zones: [
              ...(app ? [...featureZones(app), ...layerZones(app)] : []),
              {
                target: './web-packages',
                from: ['./ocr', './incident'],
                message: 'A shared package knows no application; the app configures it instead.',
              },
            ],
          },
        ],
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      },
    },
  );
}
