// The proof-of-work challenge of public forms (ftahub/common/challenge.py): find n such that SHA-256(salt + n)
// starts with `bits` zero bits, in small batches so the page stays responsive, and put n in the hidden answer.
// SHA-256 is computed here (FIPS 180-4) because crypto.subtle exists only on https:// and localhost pages.
(function () {
  "use strict";
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  const W = new Uint32Array(64);

  // the first 32 bits of SHA-256 of an ASCII text of at most 55 characters (one block)
  function sha256First(text) {
    const block = new Uint8Array(64);
    for (let i = 0; i < text.length; i++) block[i] = text.charCodeAt(i);
    block[text.length] = 0x80;
    const bitLength = text.length * 8;
    block[62] = bitLength >>> 8;
    block[63] = bitLength & 0xff;
    for (let t = 0; t < 16; t++) {
      W[t] = (block[4 * t] << 24) | (block[4 * t + 1] << 16) | (block[4 * t + 2] << 8) | block[4 * t + 3];
    }
    for (let t = 16; t < 64; t++) {
      const a = W[t - 15], b = W[t - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
    }
    let a = 0x6a09e667, b = 0xbb67ae85, c = 0x3c6ef372, d = 0xa54ff53a;
    let e = 0x510e527f, f = 0x9b05688c, g = 0x1f83d9ab, h = 0x5be0cd19;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    return (0x6a09e667 + a) >>> 0;
  }

  function solve(box) {
    const puzzle = box.querySelector("input[type=hidden]").value;
    const answer = box.querySelector("[data-challenge-answer]");
    const [salt, , bits] = puzzle.split(".");
    const need = Number(bits);
    let n = 0;
    function batch() {
      for (let i = 0; i < 20000; i++, n++) {
        const first = sha256First(salt + n);
        if (need <= 32 && (need === 0 || first >>> (32 - need) === 0)) {
          answer.value = String(n);
          box.dataset.challenge = "done";
          return;
        }
      }
      setTimeout(batch, 0);
    }
    batch();
  }

  document.querySelectorAll("[data-challenge]").forEach((box) => {
    if (box.dataset.challenge !== "done" && box.dataset.challenge !== "working") {
      box.dataset.challenge = "working";
      solve(box);
    }
  });
})();
