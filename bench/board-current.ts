// "write → board current": how long, after an enterprise write commits, until the board serves the new count. Run
// in-process on the run's database (the server does exactly this work: the committed-write event folds the write's
// journal into the cached registry counts, and the next board request rebuilds the board from them). Each write is a
// real one through the registry write path — a new enterprise with a 市级科技型企业 certificate awarded in the board's
// period — and after each the served figure is checked against a fresh COUNT(*).
import { makeCreditCode } from "@/lib/credit-code";
import { median } from "./report";

export type BoardCurrentResult = {
  writes: number;
  /** Folding the write's journal into the cached counts (the committed-write listener), median / max. */
  foldMedianMs: number;
  foldMaxMs: number;
  /** Commit → getBoard returns the board with the new count (fold + rebuilding the board from cached counts). */
  currentMedianMs: number;
  currentMaxMs: number;
  /** Counts computed from the registries during the run (0 = every figure came from the adjusted cache). */
  recounts: number;
  /** What the old approach cost: the board with every registry count recounted (median of 3). */
  recountMs: number;
  correct: boolean;
  failures: string[];
};

export async function boardCurrentAfterWrite(period: string, writes = 20): Promise<BoardCurrentResult> {
  const { getConn } = await import("@/db");
  const board = await import("@/features/kpi/board");
  const { countRegistry } = await import("@/features/kpi/count-queries");
  const { countCacheStats } = await import("@/features/kpi/registry-counts");
  const { createRecord, Writer } = await import("@/features/registry/write");
  const { enterpriseWrites, qualificationWrites } = await import("@/features/enterprises/writes");
  const { emitCommittedWrite } = await import("@/lib/committed-writes");
  const { periodEnd } = await import("@/lib/kpi/period");
  const sqlite = getConn().sqlite;
  const one = (sql: string, ...a: unknown[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...a) as number;
  const staff = one("SELECT id FROM users WHERE username = 'staff'");
  const street = one("SELECT id FROM dictionary_items WHERE kind = 'street' ORDER BY id LIMIT 1");
  const mte = one(
    "SELECT id FROM dictionary_items WHERE kind = 'qualification_type' AND code = 'municipal_tech_enterprise'",
  );
  const key = "municipal_tech_enterprises";

  // The old approach, for comparison: the board with every registry count recounted.
  const recount: number[] = [];
  for (let i = 0; i < 3; i++) {
    (globalThis as { __registryCountCache?: unknown }).__registryCountCache = undefined;
    const t0 = performance.now();
    board.computeBoard(period);
    recount.push(performance.now() - t0);
  }
  board.getBoard(period); // warm: the server's steady state
  const recountsBefore = countCacheStats().recounts;
  const folds: number[] = [];
  const current: number[] = [];
  const failures: string[] = [];
  const awarded = periodEnd(period);
  for (let i = 0; i < writes; i++) {
    sqlite.transaction(() => {
      const w = new Writer(sqlite, staff);
      const e = createRecord(w, enterpriseWrites, {
        name: `看板计时企业${i}`,
        creditCode: makeCreditCode("91", "500112", `MA9WB${String(i).padStart(4, "0")}`),
        legalRepresentative: "王",
        foundedDate: "2015-01-01",
        registeredCapital: 100,
        streetId: street,
        parkId: null,
        industryChainId: null,
        isAboveScale: false,
        contactName: null,
        contactPhone: null,
        website: null,
        status: "active",
      });
      createRecord(w, qualificationWrites, {
        enterpriseId: e.id,
        typeId: mte,
        certificateNo: null,
        awardedDate: awarded,
        expiryDate: null,
        note: null,
      });
      w.finish();
    })();
    const t0 = performance.now();
    emitCommittedWrite({ action: "enterprise.qualification.create", registries: ["enterprise"] });
    const served = board.getBoard(period).cards.find((c) => c.indicator.key === key);
    current.push(performance.now() - t0);
    folds.push(countCacheStats().lastFold?.ms ?? 0);
    if (served) {
      const fresh = countRegistry(sqlite, key, served.period);
      if (served.value !== fresh) failures.push(`write ${i + 1}: served ${served.value} ≠ fresh ${fresh}`);
    }
  }
  return {
    writes,
    foldMedianMs: median(folds),
    foldMaxMs: Math.max(...folds),
    currentMedianMs: median(current),
    currentMaxMs: Math.max(...current),
    recounts: countCacheStats().recounts - recountsBefore,
    recountMs: median(recount),
    correct: failures.length === 0,
    failures,
  };
}
