// Verifies the C/O payload that follows '#' in this page's address (the link in the C/O's QR code) inside the
// browser: base45, zlib (DecompressionStream), COSE_Sign1 (RFC 9052) and Ed25519 (WebCrypto) against the key set
// embedded in the page. The payload is never sent to a server (browsers do not send the fragment). The same checks
// as ftahub/certificates/payload.py: known key, valid signature, signed within the key's validity.
(function () {
  "use strict";
  const box = document.getElementById("in-browser");
  const raw = location.hash.slice(1);
  if (!box || !raw) return;
  let text = raw;
  try { text = decodeURIComponent(raw); } catch (e) { /* keep it as it is */ }
  if (!text.startsWith("FTAHUB1:")) return;
  const W = JSON.parse(document.getElementById("verify-words").textContent);
  const KEYS = JSON.parse(document.getElementById("verify-keys").textContent).keys || [];
  box.hidden = false;

  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  function base45(s) {
    const out = [];
    for (let i = 0; i < s.length; i += 3) {
      const c = Array.from(s.slice(i, i + 3), ch => {
        const v = ALPHABET.indexOf(ch);
        if (v < 0) throw new Error("unreadable");
        return v;
      });
      if (c.length === 3) {
        const n = c[0] + c[1] * 45 + c[2] * 2025;
        if (n > 0xffff) throw new Error("unreadable");
        out.push(n >> 8, n & 0xff);
      } else if (c.length === 2) {
        const n = c[0] + c[1] * 45;
        if (n > 0xff) throw new Error("unreadable");
        out.push(n);
      } else throw new Error("unreadable");
    }
    return new Uint8Array(out);
  }

  async function inflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // a small CBOR reader: what the hub writes (integers, byte and text strings, arrays, maps, tags, floats)
  function cbor(bytes) {
    let at = 0;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    function length(info) {
      if (info < 24) return info;
      if (info === 24) return view.getUint8(at++);
      if (info === 25) { const v = view.getUint16(at); at += 2; return v; }
      if (info === 26) { const v = view.getUint32(at); at += 4; return v; }
      if (info === 27) { const v = Number(view.getBigUint64(at)); at += 8; return v; }
      throw new Error("unreadable");
    }
    function item() {
      if (at >= bytes.length) throw new Error("unreadable");
      const first = view.getUint8(at++), major = first >> 5, info = first & 31;
      if (major === 7) {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22 || info === 23) return null;
        if (info === 25) { const h = view.getUint16(at); at += 2; return half(h); }
        if (info === 26) { const v = view.getFloat32(at); at += 4; return v; }
        if (info === 27) { const v = view.getFloat64(at); at += 8; return v; }
        throw new Error("unreadable");
      }
      const n = length(info);
      if (major === 0) return n;
      if (major === 1) return -1 - n;
      if (major === 2 || major === 3) {
        if (at + n > bytes.length) throw new Error("unreadable");
        const chunk = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? chunk : new TextDecoder("utf-8", { fatal: true }).decode(chunk);
      }
      if (major === 4) return Array.from({ length: n }, () => item());
      if (major === 5) {
        const map = new Map();
        for (let i = 0; i < n; i++) { const k = item(); map.set(k, item()); }
        return map;
      }
      return { tag: n, value: item() };  // major 6
    }
    function half(h) {
      const exp = (h >> 10) & 31, frac = h & 1023, sign = h & 0x8000 ? -1 : 1;
      if (exp === 0) return sign * frac * 2 ** -24;
      if (exp === 31) return frac ? NaN : sign * Infinity;
      return sign * (1 + frac / 1024) * 2 ** (exp - 15);
    }
    const value = item();
    if (at !== bytes.length) throw new Error("unreadable");  // nothing after the item, as the hub checks
    return value;
  }

  function bstrHeader(n) {
    if (n < 24) return [0x40 + n];
    if (n < 256) return [0x58, n];
    if (n < 65536) return [0x59, n >> 8, n & 0xff];
    return [0x5a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  }
  function sigStructure(protectedBytes, payload) {  // ["Signature1", protected, h'', payload]
    const context = new TextEncoder().encode("Signature1");
    const parts = [[0x84, 0x60 + context.length], context, bstrHeader(protectedBytes.length), protectedBytes,
                   [0x40], bstrHeader(payload.length), payload];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }
  function b64url(s) {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
    return Uint8Array.from(bin, ch => ch.charCodeAt(0));
  }

  const FIELDS = ["version", "co_number", "agreement", "form", "issued_on", "issuer", "exporter", "importer",
                  "transport", "destination", "invoice", "items", "province", "ecosys_ref", "replaces", "signed_on"];
  const NESTED = { exporter: ["name", "tax_code", "address"], importer: ["name", "country", "address"],
                   transport: ["means", "departure", "loading", "discharge"], invoice: ["number", "date"] };
  const ITEM = ["hs", "description", "quantity", "unit", "fob", "criterion", "marks"];
  function unpack(map, names) {
    const out = {};
    if (!(map instanceof Map)) return out;
    for (const [k, v] of map) if (Number.isInteger(k) && k >= 0 && k < names.length) out[names[k]] = v;
    return out;
  }
  function record(payload) {
    const r = unpack(cbor(payload), FIELDS);
    for (const name in NESTED) if (r[name]) r[name] = unpack(r[name], NESTED[name]);
    r.items = Array.isArray(r.items) ? r.items.map(i => unpack(i, ITEM)) : [];
    return r;
  }

  async function check() {
    if (!(window.crypto && crypto.subtle && window.DecompressionStream)) return { status: "unchecked", why: W.no_crypto };
    let envelope;
    try {
      envelope = cbor(await inflate(base45(text.slice("FTAHUB1:".length))));
    } catch (e) {
      return { status: "invalid", why: W.unreadable };
    }
    if (!envelope || envelope.tag !== 18 || !Array.isArray(envelope.value) || envelope.value.length !== 4)
      return { status: "invalid", why: W.unreadable };
    const [protectedBytes, , payload, signature] = envelope.value;
    if (![protectedBytes, payload, signature].every(b => b instanceof Uint8Array)) return { status: "invalid", why: W.unreadable };
    let header;
    try { header = cbor(protectedBytes); } catch (e) { return { status: "invalid", why: W.unreadable }; }
    if (!(header instanceof Map) || header.get(1) !== -8 || !(header.get(4) instanceof Uint8Array))
      return { status: "invalid", why: W.unreadable };
    const kid = new TextDecoder().decode(header.get(4));
    const entry = KEYS.find(k => k.kid === kid);
    if (!entry) return { status: "invalid", why: W.unknown_key, kid };
    let ok;
    try {
      const key = await crypto.subtle.importKey("raw", b64url(entry.x), { name: "Ed25519" }, false, ["verify"]);
      ok = await crypto.subtle.verify({ name: "Ed25519" }, key, signature, sigStructure(protectedBytes, payload));
    } catch (e) {
      return { status: "unchecked", why: W.no_crypto, kid };
    }
    if (!ok) return { status: "invalid", why: W.bad_signature, kid };
    let r;
    try { r = record(payload); } catch (e) { return { status: "invalid", why: W.unreadable, kid }; }
    const signedOn = r.signed_on || r.issued_on;
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (!signedOn || !iso.test(signedOn) || (r.issued_on && (!iso.test(r.issued_on) || r.issued_on > signedOn)))
      return { status: "invalid", why: W.bad_dates, kid, record: r };
    if (signedOn < entry.not_before || (entry.not_after && signedOn > entry.not_after))
      return { status: "invalid", why: W.outside, kid, record: r };
    return { status: "valid", why: "", kid, record: r };
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  function show(result, revoked) {
    box.replaceChildren();
    const status = revoked ? "revoked" : result.status;
    box.className = "verdict " + (status === "valid" ? "ok" : status === "unchecked" ? "undecided" : "fail");
    box.append(el("h2", { textContent: (status === "valid" ? "✔ " : "✘ ") + W[status] }));
    if (revoked) box.append(el("p", { textContent: W.revoked_why }));
    if (result.why) box.append(el("p", { textContent: result.why }));
    const r = result.record;
    if (r) {
      const facts = el("dl", { className: "facts" });
      const add = (label, value) => { if (value) facts.append(el("dt", { textContent: label }), el("dd", { textContent: value })); };
      add(W.co_number, r.co_number);
      add(W.agreement, [r.agreement, r.form && W.form + " " + r.form].filter(Boolean).join(" · "));
      add(W.issued_on, r.issued_on);
      const ex = r.exporter || {}, im = r.importer || {};
      add(W.exporter, ex.name ? ex.name + (ex.tax_code ? " (" + ex.tax_code + ")" : "") : "");
      add(W.importer, im.name ? im.name + (im.country ? " (" + im.country + ")" : "") : im.country);
      add(W.signing_key, result.kid);
      box.append(facts);
      if (r.items.length) {
        const head = el("tr", {}, ...[W.hs, W.description, W.quantity, W.fob, W.criterion].map(h => el("th", { scope: "col", textContent: h })));
        const rows = r.items.map(i => el("tr", {}, ...[i.hs, i.description, [i.quantity, i.unit].filter(v => v !== undefined).join(" "), i.fob, i.criterion]
          .map(v => el("td", { textContent: v === undefined || v === null ? "" : String(v) }))));
        box.append(el("div", { className: "table-scroll", tabIndex: 0 }, el("table", { className: "data compact" }, el("thead", {}, head), el("tbody", {}, ...rows))));
      }
    }
    box.append(el("p", { className: "muted small", textContent: W.private }));
  }

  check().then(async result => {
    show(result, false);
    if (result.status !== "valid" || !result.record.co_number) return;
    try {  // online: is it on the province's list of revoked or replaced certificates?
      const list = await (await fetch(box.dataset.revocations, { cache: "no-store" })).text();
      const number = result.record.co_number.split(/\s+/).join(" ");
      const revoked = list.split("\n").some(line => line.startsWith(number + " revoked ") || line.startsWith(number + " superseded "));
      if (revoked) show(result, true);
    } catch (e) { /* offline: the signature stands; the note says the status could not be looked up */ }
  });
})();
