import "server-only";
import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type DB, getDb, type Tx } from "@/db";
import { users } from "@/db/schema";
import { ActionError, type StaleRecord } from "./action-error";
import { writeOperationLog } from "./audit";
import { emitCommittedWrite, type RegistryKey } from "./committed-writes";
import { type CurrentUser, getCurrentUser } from "./dal";
import type { MessageKey, T } from "./i18n/core";
import { getT } from "./i18n/server";
import { DEFAULT_MAX_INPUT_BYTES, inputBytes } from "./log-bounds";
import { can, type Permission } from "./permissions";
import { getRequestInfo } from "./request-info";
import { formatDateTime } from "./time";

export type FieldErrors = Record<string, string[]>;
export type ActionErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "must_change_password"
  | "invalid"
  | "conflict"
  | "error";
/** What a stale write is refused with: who changed the record last, when (Beijing time), and its current values. */
export type ConflictInfo = { by: string | null; at: string | null; current: { label: string; value: string }[] };
export type ActionResult<D = unknown> =
  | { ok: true; data: D; message?: string }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: FieldErrors; conflict?: ConflictInfo };

export { ActionError, type StaleRecord, staleWrite } from "./action-error";

function describeStale(db: DB, t: T, stale: StaleRecord): { message: string; conflict: ConflictInfo } {
  const by =
    stale.updatedBy != null
      ? (db.select({ name: users.displayName }).from(users).where(eq(users.id, stale.updatedBy)).get()?.name ?? null)
      : null;
  const at = stale.updatedAt ? formatDateTime(stale.updatedAt).slice(0, 16) : null;
  const current = stale.current.map((c) => ({
    label: translate(t, c.label),
    value: c.valueKey ? translate(t, c.valueKey) : c.value == null || c.value === "" ? "—" : String(c.value),
  }));
  const message =
    by && at ? t("errors.conflictBy", { who: by, at }) : at ? t("errors.conflictAt", { at }) : t("errors.conflict");
  return { message, conflict: { by, at, current } };
}

type AuditFields = {
  objectType?: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
  message?: string;
};

export type ActionContext<P> = {
  tx: Tx;
  user: CurrentUser;
  ip: string | null;
  prepared: P;
  /** Fills the operation-log row written in the same transaction. */
  audit: (fields: AuditFields) => void;
  /** Runs in the transaction right after that row is written, with its id (e.g. to link per-record rows to it). */
  afterLog: (fn: (logId: number) => void) => void;
};

type Definition<S extends z.ZodType, P, D> = {
  /** Operation-log action name, e.g. "user.create" (also a key under `actions` in the catalogue). */
  name: string;
  /** null = any signed-in user acting on their own account. */
  permission: Permission | null;
  schema: S;
  /**
   * Only for a user whose data scope is the whole district (全区), as well as holding the permission: e.g. 科室审核,
   * which a 镇街/园区 account may not do although its role holds registry.review.
   */
  fullScope?: true;
  allowPendingPasswordChange?: boolean;
  /** The registries this action writes: caches of their counts and totals are dropped once it commits. */
  registries?: readonly RegistryKey[];
  /** Changes no data (a reveal, a preview): only its log row is written, so no cache is touched. */
  readOnly?: boolean;
  /**
   * Largest input accepted, in bytes (strings, keys and files together); checked before parsing. The
   * framework's body limit is sized for the import's uploads, so every other action is held to this.
   */
  maxInputBytes?: number;
  /** Async work that must not run inside the synchronous transaction (password hashing…). */
  prepare?: (input: z.output<S>, user: CurrentUser) => Promise<P>;
  /** Runs inside one synchronous SQLite transaction together with the operation-log row. */
  handler: (input: z.output<S>, ctx: ActionContext<P>) => D;
  revalidate?: string[] | ((input: z.output<S>, data: D) => string[]);
};

export type ServerAction<D> = (prevOrInput?: unknown, formData?: unknown) => Promise<ActionResult<D>>;

const WRAPPED = new WeakMap<object, ActionMeta>();
export type ActionMeta = { name: string; registries: readonly RegistryKey[]; readOnly: boolean };

/** Unit tests use this to prove every exported server action was built by defineAction. */
export function isWrappedAction(fn: unknown): boolean {
  return typeof fn === "function" && WRAPPED.has(fn);
}

/** What an action declared (its log name, the registries it writes, whether it only reads): for tests. */
export function actionMeta(fn: unknown): ActionMeta | undefined {
  return typeof fn === "function" ? WRAPPED.get(fn) : undefined;
}

/** FormData → plain object; repeated keys become arrays; React's internal $ACTION fields are dropped. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key).map((v) => (typeof v === "string" ? v : v));
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** Messages are catalogue keys, optionally with URI-encoded parameters: "registry.tooLong|max=200". */
export function translate(t: T, s: string): string {
  const [key, rawParams] = s.split("|");
  const params = rawParams
    ? Object.fromEntries(
        rawParams.split(",").map((kv) => {
          const [k, v = ""] = kv.split("=");
          return [k, decodeURIComponent(v)];
        }),
      )
    : undefined;
  return t(key as MessageKey, params);
}

function translateFieldErrors(t: T, fe: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v.map((m) => translate(t, m))]));
}

/**
 * The one way to build a server action: session → permission → zod parse (unknown keys rejected)
 * → synchronous transaction → operation-log row → typed result. Refusals are logged too.
 */
export function defineAction<S extends z.ZodType, D, P = undefined>(def: Definition<S, P, D>): ServerAction<D> {
  const action: ServerAction<D> = async (prevOrInput, formData) => {
    const raw =
      formData instanceof FormData
        ? formDataToObject(formData)
        : prevOrInput instanceof FormData
          ? formDataToObject(prevOrInput)
          : prevOrInput;
    const t = await getT();
    const { ip } = await getRequestInfo();
    const db: DB = getDb();
    const user = await getCurrentUser();
    const logBase = {
      userId: user?.id ?? null,
      username: user?.username ?? null,
      role: user?.role ?? null,
      ip,
      action: def.name,
    };
    if (!user) {
      writeOperationLog(db, { ...logBase, result: "denied", message: "unauthenticated", input: raw });
      return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
    }
    if (user.mustChangePassword && !def.allowPendingPasswordChange) {
      writeOperationLog(db, { ...logBase, result: "denied", message: "must_change_password", input: raw });
      return { ok: false, code: "must_change_password", message: t("errors.mustChangePassword") };
    }
    if (def.permission && !can(user.role, def.permission)) {
      writeOperationLog(db, {
        ...logBase,
        result: "denied",
        message: `missing permission ${def.permission}`,
        input: raw,
      });
      return { ok: false, code: "forbidden", message: t("errors.forbidden") };
    }
    if (def.fullScope && user.scope.kind !== "all") {
      writeOperationLog(db, { ...logBase, result: "denied", message: "needs the whole district scope", input: raw });
      return { ok: false, code: "forbidden", message: t("errors.forbidden") };
    }
    const maxBytes = def.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (inputBytes(raw) > maxBytes) {
      writeOperationLog(db, { ...logBase, result: "invalid", message: "input too large", input: raw });
      return {
        ok: false,
        code: "invalid",
        message: t("errors.inputTooLarge", { max: Math.round(maxBytes / 1024) }),
      };
    }
    const parsed = def.schema.safeParse(raw ?? {});
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      const fieldErrors = translateFieldErrors(t, flat.fieldErrors as FieldErrors);
      writeOperationLog(db, {
        ...logBase,
        result: "invalid",
        message: "validation failed",
        detail: { fieldErrors: flat.fieldErrors, formErrors: flat.formErrors },
      });
      const formMessage = flat.formErrors.length ? flat.formErrors.map((m) => translate(t, m)).join("；") : null;
      return {
        ok: false,
        code: "invalid",
        message: formMessage ?? t("errors.invalidInput"),
        fieldErrors,
      };
    }
    const input = parsed.data as z.output<S>;
    try {
      const prepared = (def.prepare ? await def.prepare(input, user) : undefined) as P;
      // IMMEDIATE: the write lock is taken first. A deferred transaction that reads (e.g. the quarter's whole
      // summary before 封账 writes its snapshot) and then writes fails at once with SQLITE_BUSY_SNAPSHOT if another
      // connection committed in between; an immediate one waits its turn (busy_timeout) and reads a settled view.
      const data = db.transaction(
        (tx) => {
          let audit: AuditFields = {};
          const after: ((logId: number) => void)[] = [];
          const result = def.handler(input, {
            tx,
            user,
            ip,
            prepared,
            audit: (f) => {
              audit = { ...audit, ...f };
            },
            afterLog: (fn) => {
              after.push(fn);
            },
          });
          const logId = writeOperationLog(tx, { ...logBase, result: "ok", ...audit });
          for (const fn of after) fn(logId);
          return result;
        },
        { behavior: "immediate" },
      );
      if (!def.readOnly) emitCommittedWrite({ action: def.name, registries: def.registries ?? [] });
      const paths = typeof def.revalidate === "function" ? def.revalidate(input, data) : (def.revalidate ?? []);
      for (const p of paths) revalidatePath(p);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ActionError) {
        writeOperationLog(db, {
          ...logBase,
          result: "invalid",
          message: err.message,
          detail: { fieldErrors: err.fieldErrors, stale: err.stale },
        });
        if (err.stale) return { ok: false, code: "conflict", ...describeStale(db, t, err.stale) };
        return {
          ok: false,
          code: err.code,
          message: translate(t, err.message),
          fieldErrors: err.fieldErrors ? translateFieldErrors(t, err.fieldErrors) : undefined,
        };
      }
      console.error(`[action ${def.name}]`, err);
      writeOperationLog(db, { ...logBase, result: "error", message: String((err as Error)?.message ?? err) });
      return { ok: false, code: "error", message: t("errors.unknown") };
    }
  };
  WRAPPED.set(action, { name: def.name, registries: def.registries ?? [], readOnly: !!def.readOnly });
  return action;
}
