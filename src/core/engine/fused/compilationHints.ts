// V8's compilation hints for a WebAssembly module: a custom section named
// `compilationHints` that tells V8, per function, when to compile it (at its first call,
// or with the module) and with which of its compilers (Liftoff, the baseline compiler,
// or TurboFan, the optimizing one). V8 reads it behind --experimental-wasm-compilation-hints
// (Node 20's V8 11.3 to Node 24's 13.6, the V8s of VS Code's Electron among them); any
// other engine, or V8 without the flag, skips it as an unknown custom section, so the
// module means the same everywhere: only when and how V8 compiles it changes.
//
// Why (bench/README.md, benchmark 1b): by default V8 compiles a wasm function with
// Liftoff at its first call and with TurboFan only once it has run hot, on a background
// thread. The fused engine's kernels are SIMD loops that Liftoff runs several times
// slower, and TurboFan took 3-17 ms per kernel on a loaded 2-core machine: a cold run
// spent its first ~20-50 epochs on Liftoff while the compiles shared the cores with it.

import { setFlagsFromString } from 'node:v8';

/** When V8 compiles a function (bits 0-1 of a hint). */
const STRATEGY = { lazy: 1, eager: 2 } as const;
/** Which compiler (bits 2-3: the first code; bits 4-5: the code it tiers up to). */
const TURBOFAN = 2;

export type CompileWhen = keyof typeof STRATEGY;

/** The hint byte: compiled `when`, with TurboFan from the start (no Liftoff code, no tier-up). */
export function turbofanHint(when: CompileWhen): number {
  return STRATEGY[when] | (TURBOFAN << 2) | (TURBOFAN << 4);
}

let allowed = false;

/**
 * Lets V8 read compilation hints, for every module compiled from now on in this process
 * (V8's flags are per process, not per thread). Modules without the section, tfjs's among
 * them, compile as before.
 */
export function allowCompilationHints(): void {
  if (allowed) return;
  allowed = true;
  setFlagsFromString('--experimental-wasm-compilation-hints');
}

const SECTION = { custom: 0, import: 2, function: 3, export: 7 } as const;
const IMPORT_FUNCTION = 0;
const EXPORT_FUNCTION = 0;

/**
 * `module` with a compilation hints section: `hintOf` gives the hint byte of each function
 * the module defines, by its export name (undefined for one it does not export). The
 * section goes right after the function section, where V8 requires it. A module without
 * functions is returned as it is.
 */
export function withCompilationHints(module: Uint8Array, hintOf: (exportName: string | undefined) => number): Uint8Array {
  const reader = new Reader(module, 8);
  let importedFunctions = 0;
  let definedFunctions = 0;
  let insertAt = -1;
  const exported = new Map<number, string>();
  while (reader.at < module.length) {
    const id = module[reader.at++];
    const size = reader.u32();
    const end = reader.at + size;
    if (id === SECTION.import) importedFunctions = countImportedFunctions(reader);
    else if (id === SECTION.function) {
      definedFunctions = reader.u32();
      insertAt = end;
    } else if (id === SECTION.export) {
      for (let n = reader.u32(); n > 0; n--) {
        const name = reader.name();
        const kind = module[reader.at++];
        const index = reader.u32();
        if (kind === EXPORT_FUNCTION) exported.set(index, name);
      }
    }
    reader.at = end;
  }
  if (insertAt < 0) return module;
  const hints = Array.from({ length: definedFunctions }, (_, i) => hintOf(exported.get(importedFunctions + i)));
  const name = new TextEncoder().encode('compilationHints');
  const payload = [...leb128(name.length), ...name, ...leb128(definedFunctions), ...hints];
  const section = [SECTION.custom, ...leb128(payload.length), ...payload];
  const out = new Uint8Array(module.length + section.length);
  out.set(module.subarray(0, insertAt));
  out.set(section, insertAt);
  out.set(module.subarray(insertAt), insertAt + section.length);
  return out;
}

/** Reads the import section's entries; returns how many import a function. */
function countImportedFunctions(r: Reader): number {
  let functions = 0;
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.bytes[r.at++];
    switch (kind) {
      case IMPORT_FUNCTION:
        functions++;
        r.u32();
        break;
      case 1: // table: element type, limits
        r.at++;
        r.limits();
        break;
      case 2: // memory: limits
        r.limits();
        break;
      case 3: // global: value type, mutability
        r.at += 2;
        break;
      default: // tag: attribute, type
        r.at++;
        r.u32();
    }
  }
  return functions;
}

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at: number,
  ) {}

  /** An unsigned LEB128 number (up to 2^53: memory64 limits are u64). */
  u32(): number {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }

  name(): string {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  limits(): void {
    const flags = this.bytes[this.at++];
    this.u32();
    if (flags & 1) this.u32();
  }
}

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}
