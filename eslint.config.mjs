import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Import direction is one way: app → components → lib. The pure cores (lib/sim,
// lib/srs, lib/grading) import nothing outside themselves, so they stay deterministic
// and run unchanged in the browser, a Web Worker, Node scripts and tests.
const PURE_CORES = ['sim', 'srs', 'grading'];

const pureCoreZones = PURE_CORES.map((core) => ({
  target: `./lib/${core}`,
  from: ['./app', './components', './lib', './prisma', './scripts', './content'],
  except: [`./${core}`],
  message: `lib/${core} is a pure core: it imports nothing outside itself.`,
}));

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/generated/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      '.sim/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      'import/no-cycle': ['error', { maxDepth: 8 }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: './app', message: 'components must not import app/.' },
            { target: './lib', from: './app', message: 'lib must not import app/.' },
            { target: './lib', from: './components', message: 'lib must not import components/.' },
            ...pureCoreZones,
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `typeof import('…')` is how tests type modules they import after setting up a database.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
];

export default config;
