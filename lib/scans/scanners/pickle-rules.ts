// How safe each import a pickle makes is. The lists follow the reference scanners (ProtectAI's
// modelscan, picklescan) as domain.md gives them, plus a few modules that run code or reach the
// system in the same way (marked "also"). Severity as modelscan grades it: code execution and
// system access critical, network access high, Keras Lambda layers medium.
import type { ImportSafety, Severity } from "./types";

/** Modules every name of which is dangerous (and their submodules). */
const dangerousModules: Record<string, Severity> = {
  os: "critical", posix: "critical", nt: "critical", subprocess: "critical", sys: "critical",
  shutil: "critical", runpy: "critical", pty: "critical", pickle: "critical", _pickle: "critical",
  pdb: "critical", bdb: "critical", ctypes: "critical", asyncio: "critical", pip: "critical",
  venv: "critical", timeit: "critical", cProfile: "critical", profile: "critical", pydoc: "critical",
  // also: the same powers under other names
  _posixsubprocess: "critical", multiprocessing: "critical", marshal: "critical", importlib: "critical",
  code: "critical", codeop: "critical", dill: "critical", cloudpickle: "critical", _thread: "critical",
  // network access
  socket: "high", webbrowser: "high", httplib: "high", "http.client": "high", "requests.api": "high",
  aiohttp: "high", "urllib.request": "high", urllib2: "high", ftplib: "high", smtplib: "high",
  telnetlib: "high", "xmlrpc.client": "high",
};

/** Single dangerous names: module -> names. */
const dangerousNames: Record<string, Record<string, Severity>> = {
  builtins: {
    eval: "critical", exec: "critical", compile: "critical", open: "critical", getattr: "critical",
    apply: "critical", breakpoint: "critical", __import__: "critical",
    // also
    execfile: "critical", setattr: "critical", delattr: "critical", globals: "critical", locals: "critical",
    vars: "critical", input: "critical",
  },
  operator: { attrgetter: "critical", itemgetter: "critical", methodcaller: "critical" },
  functools: { partial: "critical", reduce: "critical" },
  types: { CodeType: "critical", FunctionType: "critical", MethodType: "critical" },
  "torch.serialization": { load: "critical", _load: "critical" },
  io: { open: "critical", FileIO: "critical", open_code: "critical" },
  _io: { open: "critical", FileIO: "critical", open_code: "critical" },
  "numpy.testing._private.utils": { runstring: "critical" },
  "torch._inductor.codecache": { compile_file: "critical" },
};
dangerousNames.__builtin__ = dangerousNames.builtins;
dangerousNames._operator = dangerousNames.operator;

/** What the reference scanners call safe: reading these reconstructs data, runs no code. */
const safeNames: Record<string, Set<string>> = {
  collections: new Set(["OrderedDict", "defaultdict", "Counter", "deque"]),
  "torch._utils": new Set(["_rebuild_tensor_v2", "_rebuild_tensor", "_rebuild_parameter", "_rebuild_parameter_with_state", "_rebuild_qtensor", "_rebuild_sparse_tensor", "_rebuild_device_tensor_from_numpy", "_rebuild_meta_tensor_no_storage", "_rebuild_wrapper_subclass", "_rebuild_nested_tensor"]),
  "torch._tensor": new Set(["_rebuild_from_type_v2"]),
  torch: new Set(["Size", "device", "dtype", "float16", "float32", "float64", "bfloat16", "int8", "uint8", "int16", "int32", "int64", "bool", "complex64", "complex128", "float8_e4m3fn", "float8_e5m2", "per_tensor_affine", "per_channel_affine", "strided", "sparse_coo", "Tensor", "memory_format", "contiguous_format", "channels_last"]),
  numpy: new Set(["dtype", "ndarray", "float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool_", "complex64", "complex128", "longlong", "ulonglong", "str_", "bytes_"]),
  "numpy.core.multiarray": new Set(["_reconstruct", "scalar"]),
  "numpy._core.multiarray": new Set(["_reconstruct", "scalar"]),
  "numpy.dtypes": new Set(["Float16DType", "Float32DType", "Float64DType", "Int8DType", "Int16DType", "Int32DType", "Int64DType", "UInt8DType", "UInt16DType", "UInt32DType", "UInt64DType", "BoolDType", "StrDType", "BytesDType", "ObjectDType", "Complex64DType", "Complex128DType", "LongLongDType", "ULongLongDType"]),
  builtins: new Set(["set", "frozenset", "slice", "complex", "bytearray", "range", "bytes", "str", "int", "float", "bool", "dict", "list", "tuple", "object"]),
  copyreg: new Set(["_reconstructor"]),
  copy_reg: new Set(["_reconstructor"]),
  _codecs: new Set(["encode"]),
  "joblib.numpy_pickle": new Set(["NumpyArrayWrapper"]),
  "sklearn.externals.joblib.numpy_pickle": new Set(["NumpyArrayWrapper"]),
  datetime: new Set(["datetime", "date", "time", "timedelta", "timezone"]),
  decimal: new Set(["Decimal"]),
  uuid: new Set(["UUID"]),
  __builtin__: new Set(["set", "frozenset", "slice", "complex", "bytearray", "object"]),
};

export interface ImportVerdict {
  safety: ImportSafety;
  severity: Severity | null;
  reason: string;
}

function moduleRule(module: string): Severity | null {
  for (let m = module; m; m = m.includes(".") ? m.slice(0, m.lastIndexOf(".")) : "") {
    if (dangerousModules[m]) return dangerousModules[m];
  }
  return null;
}

export function classifyImport(module: string, name: string): ImportVerdict {
  const whole = moduleRule(module);
  if (whole) {
    return { safety: "dangerous", severity: whole, reason: whole === "high" ? `the ${module} module reaches the network` : `the ${module} module runs code or reaches the system` };
  }
  const single = dangerousNames[module]?.[name];
  if (single) return { safety: "dangerous", severity: single, reason: `${module}.${name} runs code or reaches the system` };
  if (name.startsWith("_make_") && /cloudpickle/.test(module)) {
    return { safety: "dangerous", severity: "critical", reason: "cloudpickle builds functions from code" };
  }
  if (name === "Lambda" && /^(keras|tensorflow\.keras|tensorflow\.python\.keras|tf_keras)(\.|$)/.test(module)) {
    return { safety: "dangerous", severity: "medium", reason: "a Keras Lambda layer runs arbitrary Python" };
  }
  if (safeNames[module]?.has(name) || (module === "torch" && /Storage$/.test(name))) {
    return { safety: "innocuous", severity: null, reason: "reconstructs data" };
  }
  return { safety: "suspicious", severity: "low", reason: "not on the list of imports known to be safe" };
}

// Python 2 names that Python 3's unpickler maps to Python 3 ones (_compat_pickle, fix_imports).
// Applied whatever the protocol: a name that would fail to import is then judged as what it means.
const importMapping: Record<string, string> = {
  __builtin__: "builtins", copy_reg: "copyreg", Queue: "queue", SocketServer: "socketserver",
  ConfigParser: "configparser", repr: "reprlib", Tkinter: "tkinter", markupbase: "_markupbase",
  _winreg: "winreg", thread: "_thread", dummy_thread: "_dummy_thread", dbhash: "dbm.bsd",
  dumbdbm: "dbm.dumb", dbm: "dbm.ndbm", gdbm: "dbm.gnu", xmlrpclib: "xmlrpc.client",
  SimpleXMLRPCServer: "xmlrpc.server", httplib: "http.client", htmlentitydefs: "html.entities",
  HTMLParser: "html.parser", Cookie: "http.cookies", cookielib: "http.cookiejar",
  BaseHTTPServer: "http.server", SimpleHTTPServer: "http.server", CGIHTTPServer: "http.server",
  DocXMLRPCServer: "xmlrpc.server", "test.test_support": "test.support", commands: "subprocess",
  urlparse: "urllib.parse", robotparser: "urllib.robotparser", urllib2: "urllib.request", anydbm: "dbm",
  _abcoll: "collections.abc", cPickle: "pickle", _elementtree: "xml.etree.ElementTree",
  UserDict: "collections", UserList: "collections", UserString: "collections", whichdb: "dbm",
  StringIO: "io", cStringIO: "io",
};
const nameMapping: Record<string, [string, string]> = {
  "__builtin__.xrange": ["builtins", "range"], "__builtin__.reduce": ["functools", "reduce"],
  "__builtin__.intern": ["sys", "intern"], "__builtin__.unichr": ["builtins", "chr"],
  "__builtin__.unicode": ["builtins", "str"], "__builtin__.long": ["builtins", "int"],
  "__builtin__.basestring": ["builtins", "str"], "itertools.izip": ["builtins", "zip"],
  "itertools.imap": ["builtins", "map"], "itertools.ifilter": ["builtins", "filter"],
  "_socket.fromfd": ["socket", "fromfd"], "multiprocessing.forking.Popen": ["multiprocessing.popen_fork", "Popen"],
  "urllib.getproxies": ["urllib.request", "getproxies"], "urllib.urlopen": ["urllib.request", "urlopen"],
  "urllib.urlretrieve": ["urllib.request", "urlretrieve"], "urllib.urlcleanup": ["urllib.request", "urlcleanup"],
  "urllib.quote": ["urllib.parse", "quote"], "urllib.unquote": ["urllib.parse", "unquote"],
  "urllib.urlencode": ["urllib.parse", "urlencode"], "exceptions.StandardError": ["builtins", "Exception"],
};

/** The (module, name) Python 3's unpickler imports for a pickle's (module, name). */
export function resolveImport(module: string, name: string): [string, string] {
  const pair = nameMapping[`${module}.${name}`];
  if (pair) return pair;
  if (module === "exceptions") return ["builtins", name];
  return [importMapping[module] ?? module, name];
}
