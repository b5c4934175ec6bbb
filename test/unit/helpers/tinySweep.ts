// The source of a sweep cell that trains in a moment (a 6-unit relu layer on 60 moons
// rows, 8 epochs), for tests of sharding and of what runs it (CLI, deploy files, the
// editor). Imports nothing, so the extension-host bundle can take it too.

/** A grid cell named `name`; `grid`: the lines under `grid:`, indented by two spaces. */
export function tinySweepSource(name: string, grid: string): string {
  return `name: ${name}
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 40 }
model:
  - dense: 6
    activation: relu
    regularize: { l2: 0.001 }
  - dense: 1
train: { epochs: 8, batch: 16, lr: 0.01, seed: 3 }
grid:
${grid}`;
}
