// Stand-in for node-fetch in RegNB's bundles. tfjs-core's Node platform asks for it only
// when the runtime has no global fetch, and Node 20 (the least RegNB supports) has one; the
// real package brings whatwg-url and tr46's Unicode tables, ~0.4 MB that every start of
// the CLI, of each sweep thread and of the extension would parse for nothing.
module.exports = (...args) => globalThis.fetch(...args);
