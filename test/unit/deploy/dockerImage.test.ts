// deploy/Dockerfile without Docker (no image can be pulled here): its stages are played
// on the file system. The build stage gets the build context as .dockerignore leaves it
// (`npm ci` stands as this checkout's node_modules) and runs its build; the runtime stage
// copies from it and runs its RUN lines with every absolute path inside the stage's
// folder. The image's entrypoint then must run the CLI: --help, check the tutorial, and a
// sweep on two threads with PNG charts (the wasm binaries, the sweep thread and the one
// native module it loads are in the image).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ignore from '@balena/dockerignore';
import { DockerfileParser, type Copy, type Instruction } from 'dockerfile-ast';
import { DEPLOY } from './deployHarness';
import { REPO_ROOT } from '../helpers/backend';

const DOCKERFILE = fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
const dockerignore = ignore().add(fs.readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8'));

/** The build context: the checkout's files (tracked, and new ones git does not ignore) that .dockerignore keeps. */
function contextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)) && !dockerignore.ignores(f));
}

/** One stage's file system: a folder standing for its `/`. */
class Stage {
  workdir = '/';
  constructor(readonly name: string | null, readonly root: string) {
    // What the node image has: the folder the RUN lines link the CLI into.
    fs.mkdirSync(path.join(root, 'usr/local/bin'), { recursive: true });
  }
  at(p: string): string {
    return path.join(this.root, path.posix.resolve(this.workdir, p));
  }
}

/** Plays the Dockerfile's stages into `dir`; the last stage (the image). */
function playDockerfile(dir: string): Stage {
  const stages: Stage[] = [];
  const context = contextFiles();
  for (const ins of DockerfileParser.parse(DOCKERFILE).getInstructions() as Instruction[]) {
    const args = ins.getArguments().map((a) => a.getValue());
    const stage = stages[stages.length - 1];
    switch (ins.getKeyword()) {
      case 'ARG': case 'USER': case 'ENTRYPOINT': case 'CMD':
        break;
      case 'FROM': {
        const as = args.findIndex((a) => a.toUpperCase() === 'AS');
        stages.push(new Stage(as >= 0 ? args[as + 1] : null, path.join(dir, `stage-${stages.length}`)));
        break;
      }
      case 'WORKDIR':
        stage.workdir = path.posix.resolve(stage.workdir, args[0]);
        fs.mkdirSync(stage.at('.'), { recursive: true });
        break;
      case 'COPY': {
        const from = (ins as Copy).getFromFlag()?.getValue();
        const sources = args.slice(0, -1);
        const dest = args[args.length - 1];
        const into = (src: string) => (dest.endsWith('/') || sources.length > 1 ? path.join(stage.at(dest), path.basename(src)) : stage.at(dest));
        for (const src of sources) {
          if (from !== undefined && from !== null) {
            const source = stages.find((s) => s.name === from);
            assert.ok(source, `COPY --from=${from}: no such stage`);
            const file = path.join(source.root, src);
            assert.ok(fs.existsSync(file), `COPY --from=${from} ${src}: not in the build stage`);
            fs.cpSync(file, into(src), { recursive: true, dereference: true });
          } else {
            const inside = context.filter((f) => f === src || f.startsWith(`${src.replace(/\/$/, '')}/`));
            assert.ok(inside.length > 0, `COPY ${src}: not in the build context (.dockerignore)`);
            for (const f of inside) {
              const target = f === src ? into(src) : path.join(into(src), path.relative(src, f));
              fs.mkdirSync(path.dirname(target), { recursive: true });
              fs.copyFileSync(path.join(REPO_ROOT, f), target);
            }
          }
        }
        break;
      }
      case 'RUN': {
        const command = ins.getArgumentsContent() ?? '';
        if (/^npm ci\b/.test(command)) {
          fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), stage.at('node_modules'));
        } else {
          const inStage = command.replace(/(^|\s)\//g, `$1${stage.root}/`);
          const r = spawnSync('bash', ['-c', inStage], { cwd: stage.at('.'), encoding: 'utf8' });
          assert.equal(r.status, 0, `RUN ${command}: ${r.stderr}`);
        }
        break;
      }
      default:
        assert.fail(`${ins.getKeyword()}: this test does not play it; teach it here`);
    }
  }
  return stages[stages.length - 1];
}

describe('deploy/Dockerfile, its stages played on the file system', () => {
  let dir: string;
  let image: Stage;
  let entrypoint: string[];
  const run = (args: string[], cwd: string) => spawnSync(entrypoint[0], [...entrypoint.slice(1), ...args], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${path.join(image.root, 'usr/local/bin')}:${process.env.PATH}` } });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-image-'));
    image = playDockerfile(dir);
    const ep = DockerfileParser.parse(DOCKERFILE).getENTRYPOINTs().at(-1)!;
    entrypoint = JSON.parse(ep.getArgumentsContent()!) as string[];
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('.dockerignore keeps out what is built or installed here, the run stores, the tests and the extension', () => {
    for (const f of ['node_modules/yaml/package.json', 'dist/cli.js', '.regnb/runs/x/result.json', 'examples/.regnb/runs/x/result.json', 'test/unit/architecture.test.ts', 'src/extension/extension.ts', '.git/HEAD']) {
      assert.ok(dockerignore.ignores(f), f);
    }
  });

  it('the image holds the CLI and what it loads, and no extension', () => {
    const dist = fs.readdirSync(path.join(image.root, 'opt/regnb/dist')).sort();
    assert.deepEqual(dist, ['cachedBundle.js', 'cli.js', 'cliMain.js', 'sweepWorker.js', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm', 'tfjs-backend-wasm.wasm', 'vega.js']);
  });

  it('its entrypoint answers --help with the usage, merge among the commands', () => {
    const r = run(['--help'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /regnb merge NOTEBOOK/);
  });

  it('checks the tutorial it ships', () => {
    const r = run(['check', path.join(image.root, 'opt/regnb/examples/weight-regularization.regnb')], dir);
    assert.equal(r.status, 0, r.stderr);
  });

  it('trains a sweep on two threads on the wasm backend and writes its charts as PNG', () => {
    const work = path.join(dir, 'work');
    fs.mkdirSync(work);
    const source = 'name: s\ndata: { source: moons, samples: 40, seed: 1 }\nmodel:\n  - dense: 4\n    activation: relu\n  - dense: 1\nregularize: { l2: 0.001 }\ntrain: { epochs: 3 }\ngrid:\n  alpha: [1e-2, 1e-3]\n';
    fs.writeFileSync(path.join(work, 'nb.regnb'), `${JSON.stringify({ regnb: 1, metadata: {}, cells: [{ kind: 'experiment', source }] }, null, 2)}\n`);
    const r = run(['run', 'nb.regnb', '--backend', 'wasm', '--workers', '2', '--charts', 'charts'], work);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /backend wasm, sweeps on 2 threads/);
    assert.ok(fs.readdirSync(path.join(work, 'charts')).some((f) => f.endsWith('.png')));
  });
});
