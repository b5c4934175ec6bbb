// Binary cross-entropy from logits, element by element: softplus(z) - y z, which is
// log(1 + e^z) - y z written so that it stays finite for large |z|.
//
// Not tf.losses.sigmoidCrossEntropy: its gradient is derived op by op, about 30 kernel
// calls per step, where the closed form sigmoid(z) - y takes three. On small networks
// each kernel call costs more than the arithmetic (about 8 us on wasm), so this is
// a measurable share of every binary run's step.

import * as tf from '@tensorflow/tfjs-core';

export function binaryCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  const loss = tf.customGrad(((z: tf.Tensor, save: tf.GradSaveFunc) => {
    save([z]);
    return {
      value: tf.sub(tf.softplus(z), tf.mul(labels, z)),
      gradFunc: (dy: tf.Tensor, [zs]: tf.Tensor[]) => tf.mul(dy, tf.sub(tf.sigmoid(zs), labels)),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return loss(logits);
}
