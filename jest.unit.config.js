/**
 * The unit tests alone (`npm run test:unit`, well under a minute on 2 cores): the config rules, policy documents,
 * checks, plan gate, discovery and constructs on input the tests make. Left to `npm test`: every test file that
 * synthesizes a whole landing zone, runs Terraform, the emulator or the lz binary, or simulates IAM (they import the
 * helpers named in HEAVY below), and the folders that only hold such tests.
 */
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const base = require('./jest.config');

const FOLDERS = ['checks', 'config', 'discovery', 'policies', 'constructs', 'docs', 'structure', 'bench'];
const HEAVY = /harness\/synth'|harness\/terraform'|harness\/emulator|cli\/binary'|runLz|iam-simulate|\/simulate(-pipeline)?'|service-requests\/|synthesize\(/;

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const heavy = FOLDERS.flatMap((folder) => testFiles(join(__dirname, '__tests__', folder))).filter((file) => HEAVY.test(readFileSync(file, 'utf8')));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: FOLDERS.map((folder) => `<rootDir>/__tests__/${folder}`),
  testPathIgnorePatterns: ['/node_modules/', ...heavy.map((file) => `^${escape(file)}$`)],
};
