// The READMEs' JavaScript and TypeScript code blocks, checked as a reader
// would use them, against the installed package (tests/package/check.mjs
// calls checkReadmeBlocks after installing the tarball).
//
// Every ```js / ```ts block carries a marker on the line before it:
//   <!-- readme-test: run -->             type-checked, then executed in Node
//                                          against the in-process fake
//   <!-- readme-test: typecheck -->       type-checked only (another runtime's
//                                          API, or a server that would not stop)
//   <!-- readme-test: skip(reason) -->    neither; the reason says why
// A block without a marker, or a skip without a reason, fails the check, so a
// new block cannot go untested by accident.
//
// Type-checking: each block is its own module (.mjs for js, checked with
// checkJs; .mts for ts) under `tsc --strict`. The names a block uses without
// defining them (`kinde`, `clerk`, `userIds`, ...) are declared by
// readme-globals.d.ts, and at run time given by readme-runner.mjs: clients
// of a fresh fake for each block, the fake as the global `fetch` (so a
// client built with `acme.kinde.com` or Clerk's default base URL reaches
// it), and the fake's credentials in `process.env`. The placeholders of
// the READMEs (the ids `kp_123`, `user_123`, the feature flag `beta`) stand
// for the fake's seeded ones when run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGS = new Map([
  ['js', 'mjs'],
  ['javascript', 'mjs'],
  ['mjs', 'mjs'],
  ['ts', 'mts'],
  ['typescript', 'mts'],
]);
const MARKER = /^<!--\s*readme-test:\s*(run|typecheck|skip\((.*)\))\s*-->$/;

/** The code blocks of one Markdown file: `{ line, lang, mode, reason, code }`; `problems` lists unmarked blocks. */
export function extractBlocks(text, label) {
  const lines = text.split('\n');
  const blocks = [];
  const problems = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) {
      problems.push(`${label}:${i + 1}: a code block that never closes`);
      break;
    }
    const lang = open[1].toLowerCase();
    if (LANGS.has(lang)) {
      let k = i - 1;
      while (k >= 0 && lines[k].trim() === '') k--;
      const m = k >= 0 ? MARKER.exec(lines[k].trim()) : null;
      if (!m) problems.push(`${label}:${i + 1}: a \`\`\`${lang} block without a <!-- readme-test: run|typecheck|skip(reason) --> marker`);
      else if (m[1].startsWith('skip') && !m[2].trim()) problems.push(`${label}:${i + 1}: skip needs a reason`);
      else {
        blocks.push({
          label,
          line: i + 1,
          ext: LANGS.get(lang),
          mode: m[1].startsWith('skip') ? 'skip' : m[1],
          reason: m[2]?.trim(),
          code: lines.slice(i + 1, end).join('\n'),
        });
      }
    }
    i = end;
  }
  return { blocks, problems };
}

/** Whatever is needed to type-check a block as written for another runtime: Deno's `npm:` specifiers resolve to the installed package. */
function forTypecheck(code) {
  return code.replace(/(['"])npm:/g, '$1');
}

/** The placeholder ids stand for seeded users of the fake when a block runs. */
function forRun(code) {
  return code
    .replace(/\bkp_123\b/g, 'kp_fake_0001')
    .replace(/\buser_123\b/g, 'user_fake_0001')
    .replace(/(updateUserFeatureFlagOverride\([^,]+, )'beta'/g, "$1'fake_flag'");
}

/**
 * Checks the blocks of `readmes` (`[{ label, text }]`) in `work` (a directory
 * where `idp-users` is installed); throws with every failure listed.
 */
export function checkReadmeBlocks({ work, here, tsc, readmes }) {
  const dir = join(work, 'readme-blocks');
  mkdirSync(dir, { recursive: true });
  const problems = [];
  const all = [];
  for (const { label, text } of readmes) {
    const r = extractBlocks(text, label);
    problems.push(...r.problems);
    all.push(...r.blocks);
  }
  if (problems.length) throw new Error(`README code blocks:\n  ${problems.join('\n  ')}`);

  const slug = (b) => `${b.label.replace(/[^A-Za-z0-9]+/g, '-')}-L${b.line}`;
  const checked = all.filter((b) => b.mode !== 'skip');
  for (const b of checked) {
    b.file = `${slug(b)}.${b.ext}`;
    writeFileSync(join(dir, b.file), `${forTypecheck(b.code)}\nexport {};\n`);
  }
  copyFileSync(join(here, 'readme-globals.d.ts'), join(dir, 'readme-globals.d.ts'));
  // Two projects: JavaScript blocks under strict but without noImplicitAny
  // (a JavaScript reader annotates nothing; null checks, `unknown` in catch
  // and the package's types all still apply), TypeScript blocks fully strict.
  const where = Object.fromEntries(checked.map((b) => [b.file, b]));
  for (const [name, ext, noImplicitAny] of [
    ['tsconfig.js.json', 'mjs', false],
    ['tsconfig.ts.json', 'mts', true],
  ]) {
    const files = checked.filter((b) => b.ext === ext).map((b) => b.file);
    if (!files.length) continue;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noImplicitAny,
          noEmit: true,
          allowJs: true,
          checkJs: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable', 'dom.asynciterable'],
          types: [],
          skipLibCheck: true,
          noUnusedLocals: false,
        },
        files: ['readme-globals.d.ts', ...files],
      }),
    );
    const typed = spawnSync(tsc, ['-p', join(dir, name)], { encoding: 'utf8' });
    if (typed.status !== 0) {
      // Name each failing block by its README and line, not only by the generated file.
      const out = `${typed.stdout}${typed.stderr}`.replace(/^\S*?([^/\s]+\.m[jt]s)\((\d+),/gm, (all, f, n) => (where[f] ? `${where[f].label}:${where[f].line + Number(n)}: ${all}` : all));
      throw new Error(`README code blocks do not type-check (tsc --strict${noImplicitAny ? '' : ', JavaScript'}):\n${out}`);
    }
  }

  const runs = checked.filter((b) => b.mode === 'run');
  for (const b of runs) {
    b.runFile = `${slug(b)}.run.${b.ext === 'mts' ? 'mts' : 'mjs'}`;
    writeFileSync(join(dir, b.runFile), forRun(b.code));
  }
  if (runs.some((b) => b.ext === 'mts')) throw new Error('a ts block marked run: mark it typecheck (Node here runs JavaScript blocks)');
  copyFileSync(join(here, 'readme-runner.mjs'), join(dir, 'readme-runner.mjs'));
  const manifest = runs.map((b) => ({ file: b.runFile, where: `${b.label}:${b.line}` }));
  writeFileSync(join(dir, 'runs.json'), JSON.stringify(manifest));
  let out;
  try {
    out = execFileSync(process.execPath, ['readme-runner.mjs'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (e) {
    throw new Error(`README code blocks failed when run:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  process.stdout.write(out);
  const skipped = all.filter((b) => b.mode === 'skip');
  console.log(
    `README code blocks: ${checked.length} type-check (strict), ${runs.length} of them run against the fake; ${skipped.length} skipped${skipped.length ? ` (${skipped.map((b) => `${b.label}:${b.line}: ${b.reason}`).join('; ')})` : ''}`,
  );
  return { checked: checked.length, run: runs.length, skipped: skipped.length };
}
