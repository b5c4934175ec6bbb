"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// bench/regnb/launch.ts
var path2 = __toESM(require("node:path"));

// src/core/engine/fused/compilationHints.ts
var import_node_v8 = require("node:v8");
var allowed = false;
function allowCompilationHints() {
  if (allowed) return;
  allowed = true;
  (0, import_node_v8.setFlagsFromString)("--experimental-wasm-compilation-hints");
}

// src/worker/cachedBundle.ts
var import_node_crypto = require("node:crypto");
var fs = __toESM(require("node:fs"));
var import_node_module = require("node:module");
var path = __toESM(require("node:path"));
var vm = __toESM(require("node:vm"));
var MAGIC = Buffer.from("regnb-v8-cache-1\n");
var DIGEST_BYTES = 32;
var SUFFIX = ".v8cache";
var sha256 = (data) => (0, import_node_crypto.createHash)("sha256").update(data).digest();
function loadCachedBundle(file, cacheDir2, module2 = new import_node_module.Module(file), options = {}) {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString("utf8");
  const v8 = sha256(`${process.versions.v8}\0${process.arch}`).toString("hex").slice(0, 8);
  const name = `${path.basename(file, ".js")}${options.variant ? `.${options.variant}` : ""}-${v8}`;
  const key = (0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex").slice(0, 32);
  const cacheFile = path.join(cacheDir2, `${name}-${key}${SUFFIX}`);
  const cached = readCache(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
    filename: file,
    cachedData: cached === "missing" || cached === "damaged" ? void 0 : cached
  });
  const wrapper = script.runInThisContext();
  module2.filename = file;
  wrapper.call(module2.exports, module2.exports, (0, import_node_module.createRequire)(file), module2, file, path.dirname(file));
  let use = cached === "damaged" ? "damaged" : cached === "missing" ? "written" : script.cachedDataRejected ? "rejected" : "hit";
  if (use === "hit") return { exports: module2.exports, cache: use };
  if (options.writeAt === "exit") {
    process.once("exit", () => writeCache(cacheDir2, name, cacheFile, script.createCachedData()));
    return { exports: module2.exports, cache: "at exit" };
  }
  if (!writeCache(cacheDir2, name, cacheFile, script.createCachedData())) use = "unwritable";
  return { exports: module2.exports, cache: use };
}
function readCache(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return "missing";
  }
  const head = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return "damaged";
  const payload = bytes.subarray(head);
  return sha256(payload).equals(bytes.subarray(MAGIC.length, head)) ? payload : "damaged";
}
function writeCache(dir, name, file, payload) {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 448 });
    fs.writeFileSync(temp, Buffer.concat([MAGIC, sha256(payload), payload]), { mode: 384 });
    fs.renameSync(temp, file);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
    }
    return false;
  }
  try {
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith(`${name}-`) && old.endsWith(SUFFIX) && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch {
  }
  return true;
}

// bench/regnb/launch.ts
allowCompilationHints();
var bundle = path2.join(__dirname, "worker.js");
var cacheDir = process.env.REGNB_BENCH_CODE_CACHE;
if (cacheDir) loadCachedBundle(bundle, cacheDir, void 0, { variant: process.env.REGNB_BENCH_CACHE_VARIANT, writeAt: "exit" });
else require(bundle);
//# sourceMappingURL=launch.js.map
