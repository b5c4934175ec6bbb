// The output layer's pre-activations (logits) of a fused-layout network over rows no
// training step sees, such as the decision boundary's plane: the record's inference pass
// (inferencePass.ts), in float64, in the kernels' memory of its own (fusedMemory.ts).
// A model the fused engine trained is thus drawn by the engine that trained it, not by
// TensorFlow.js's kernels, whose first call in a process costs more than the pass (the
// CLI's main thread: ~0.07 s for a 3600-point plane of the tutorial network, the pass
// ~1 ms in wasm).

import { fusedMemory } from './fusedMemory';
import { InferencePass } from './inferencePass';
import type { FusedLayout } from './layout';

/**
 * The logits of `rows` rows of `x` (row-major, layout.inputs values a row) at the weights
 * `params` (the layout's order), unit-major: output unit c, row r at c * rows + r.
 * `engine: 'js'` runs the JavaScript loops (tests compare both).
 */
export function fusedLogits(layout: FusedLayout, params: Float64Array, x: Float32Array, rows: number, engine: 'auto' | 'js' = 'auto'): Float64Array {
  const { arrays, release } = fusedMemory((alloc, kernels) => ({ params: alloc(layout.size), pass: new InferencePass(layout, rows, alloc, kernels, false) }), engine);
  try {
    arrays.params.set(params);
    arrays.pass.setInputs([[x, rows]]);
    arrays.pass.run(arrays.params);
    // A copy: the pass's memory goes to the next trainee of this thread.
    return Float64Array.from(arrays.pass.outZ);
  } finally {
    release();
  }
}
