// What every typed API module shares: reading a rejected binding promise as
// a ThemisError, and the wire shapes of the generated models without their
// methods. The API modules (projectsApi.ts, documentsApi.ts, codingApi.ts,
// codebookApi.ts, agreementApi.ts, reviewApi.ts, quotesApi.ts, casesApi.ts,
// searchApi.ts, importApi.ts, privacyApi.ts, planApi.ts, exchangeApi.ts) are the only code that imports
// wailsjs; by hand they do only two things besides this:
//   - convert offsets: the backend counts code points, the UI UTF-16 indices
//     (OffsetIndex, offsets.ts);
//   - read Go's nil slices and pointers as [] and null.

/**
 * The data of a generated Wails model (wailsjs/go/models.ts) without its
 * createFrom/convertValues methods: what a binding's promise really carries,
 * since the runtime hands back parsed JSON, not class instances.
 */
export type Wire<T> = T extends (infer U)[]
  ? Wire<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Wire<T[K]> }
    : T;

/** The error kinds of package errs (errs.Kind's names), which app/errors.go sends; the UI branches on these. */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'too_large'
  | 'locked'
  | 'unsupported'
  | 'precondition'
  | 'error';

const KINDS: readonly string[] = [
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'too_large',
  'locked',
  'unsupported',
  'precondition',
  'error',
];

/** The error codes of app/errors.go, plus "error" for anything else. */
export type ErrorCode =
  | 'locked'
  | 'newer'
  | 'not_found'
  | 'no_project'
  | 'no_coder'
  | 'import'
  | 'csv'
  | 'invalid'
  | 'error';

export class ThemisError extends Error {
  readonly code: string;
  /** the sort of failure; without one from the backend, the code when it names a kind, else "error" */
  readonly kind: ErrorKind;

  constructor(code: string, message: string, kind?: string) {
    super(message);
    this.name = 'ThemisError';
    this.code = code;
    const k = kind || code;
    this.kind = KINDS.includes(k) ? (k as ErrorKind) : 'error';
  }
}

/** The one reading of an error object {kind?, code?, message} from the backend. */
function fromWire(o: { kind?: unknown; code?: unknown; message: string }): ThemisError {
  const code = typeof o.code === 'string' && o.code ? o.code : 'error';
  return new ThemisError(code, o.message, typeof o.kind === 'string' ? o.kind : undefined);
}

function fromJSON(text: string): ThemisError | null {
  const t = text.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') {
      return fromWire(v as { message: string });
    }
  } catch {
    // not JSON: the message is the text itself
  }
  return null;
}

/**
 * Reads whatever a rejected binding promise carried — the JSON string of
 * app.FormatError, an Error whose message is that JSON, or anything else —
 * as a ThemisError.
 */
export function toThemisError(e: unknown): ThemisError {
  if (e instanceof ThemisError) return e;
  if (typeof e === 'string') return fromJSON(e) ?? new ThemisError('error', e || 'Something went wrong.');
  if (e instanceof Error) return fromJSON(e.message) ?? new ThemisError('error', e.message || String(e));
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') {
    return fromWire(e as { message: string });
  }
  return new ThemisError('error', String(e));
}

/** Runs a binding call, turning its rejection into a ThemisError (for the other API modules too). */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toThemisError(e);
  }
}

/** A Go slice as an array: Go sends a nil slice as null (or leaves it out). */
export function list<T>(v: T[] | null | undefined): T[] {
  return v ?? [];
}
