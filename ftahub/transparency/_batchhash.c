/* Batch RFC 6962 hashing for the Merkle log: one call hashes a whole batch of leaves, or a whole level of
 * interior nodes, so the per-hash cost is SHA-256 itself rather than a Python-level call per node.
 *
 * SHA-256 is OpenSSL's libcrypto, the same library Python's hashlib uses, found at run time with dlopen (no
 * OpenSSL headers or link flags needed to build). If it cannot be found, init() fails and merkle.py keeps its
 * pure-Python path; both give identical bytes (tested).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <string.h>

typedef int (*sha_init_fn)(void *ctx);
typedef int (*sha_update_fn)(void *ctx, const void *data, size_t len);
typedef int (*sha_final_fn)(unsigned char *md, void *ctx);

static sha_init_fn sha_init;
static sha_update_fn sha_update;
static sha_final_fn sha_final;

/* SHA256_CTX is 112 bytes in OpenSSL 1.1 and 3.x; keep room to spare, suitably aligned. */
typedef union { unsigned char bytes[256]; long long align; } sha_ctx;

static const unsigned char LEAF_PREFIX = 0x00;
static const unsigned char NODE_PREFIX = 0x01;

static PyObject *init(PyObject *self, PyObject *args) {
    const char *names[] = {"libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so", "libcrypto.dylib", NULL};
    void *lib = NULL;
    for (int i = 0; names[i] && !lib; i++) {
        lib = dlopen(names[i], RTLD_NOW | RTLD_NOLOAD);  /* the copy hashlib already loaded, if any */
        if (!lib) lib = dlopen(names[i], RTLD_NOW);
    }
    if (!lib) {
        PyErr_SetString(PyExc_ImportError, "libcrypto not found");
        return NULL;
    }
    sha_init = (sha_init_fn)dlsym(lib, "SHA256_Init");
    sha_update = (sha_update_fn)dlsym(lib, "SHA256_Update");
    sha_final = (sha_final_fn)dlsym(lib, "SHA256_Final");
    if (!sha_init || !sha_update || !sha_final) {
        sha_init = NULL;
        PyErr_SetString(PyExc_ImportError, "libcrypto has no SHA256_Init/Update/Final");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* SHA-256(prefix || data) into out (32 bytes); 0 on failure. */
static int prefixed_hash(const unsigned char prefix, const void *data, size_t len, unsigned char *out) {
    sha_ctx ctx;
    return sha_init(&ctx) && sha_update(&ctx, &prefix, 1) && sha_update(&ctx, data, len) && sha_final(out, &ctx);
}

/* leaf_hashes(entries: list[bytes]) -> bytes: SHA-256(0x00 || entry) for each, concatenated. */
static PyObject *leaf_hashes(PyObject *self, PyObject *arg) {
    if (!sha_init) {
        PyErr_SetString(PyExc_RuntimeError, "init() has not succeeded");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(arg, "entries must be a sequence of bytes");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * 32);
    if (!out) {
        Py_DECREF(seq);
        return NULL;
    }
    unsigned char *dst = (unsigned char *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyBytes_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "entry %zd is %.80s, not bytes", i, Py_TYPE(items[i])->tp_name);
            goto fail;
        }
        if (!prefixed_hash(LEAF_PREFIX, PyBytes_AS_STRING(items[i]), (size_t)PyBytes_GET_SIZE(items[i]),
                           dst + 32 * i)) {
            PyErr_SetString(PyExc_RuntimeError, "SHA-256 failed");
            goto fail;
        }
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

/* parents(level: bytes) -> bytes: for consecutive 32-byte pairs (left, right), SHA-256(0x01 || left || right).
 * The length must be a multiple of 64. */
static PyObject *parents(PyObject *self, PyObject *arg) {
    if (!sha_init) {
        PyErr_SetString(PyExc_RuntimeError, "init() has not succeeded");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    if (view.len % 64) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "a level's length must be a multiple of 64 bytes");
        return NULL;
    }
    Py_ssize_t pairs = view.len / 64;
    PyObject *out = PyBytes_FromStringAndSize(NULL, pairs * 32);
    if (!out) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const unsigned char *src = view.buf;
    unsigned char *dst = (unsigned char *)PyBytes_AS_STRING(out);
    int ok = 1;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < pairs && ok; i++) ok = prefixed_hash(NODE_PREFIX, src + 64 * i, 64, dst + 32 * i);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    if (!ok) {
        Py_DECREF(out);
        PyErr_SetString(PyExc_RuntimeError, "SHA-256 failed");
        return NULL;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"init", init, METH_NOARGS, "Find SHA-256 in libcrypto; ImportError if it is not there."},
    {"leaf_hashes", leaf_hashes, METH_O, "SHA-256(0x00 || entry) of each entry, concatenated."},
    {"parents", parents, METH_O, "SHA-256(0x01 || left || right) of each consecutive pair, concatenated."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_batchhash", "Batch RFC 6962 hashing.", -1, methods};

PyMODINIT_FUNC PyInit__batchhash(void) { return PyModule_Create(&module); }
