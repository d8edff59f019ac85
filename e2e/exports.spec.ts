import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { contextAs } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

/**
 * Opens a CSV the way a clerk does: LibreOffice Calc (Debian's libreoffice-calc, installed by .ci/run) imports it
 * with its own type guessing and saves it as .xlsx, which we read back. Its own profile directory, so that a
 * LibreOffice the user has open cannot swallow the conversion.
 */
async function openInSpreadsheet(csv: Buffer): Promise<ExcelJS.Workbook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-lo-"));
  const file = path.join(dir, "export.csv");
  fs.writeFileSync(file, csv);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      // Comma, double quote, UTF-8 (76), from line 1: what the import dialog proposes for this file.
      "--infilter=CSV:44,34,76,1",
      "--convert-to",
      "xlsx",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "export.xlsx"));
  fs.rmSync(dir, { recursive: true, force: true });
  return wb;
}

test("every credit code of the enterprise CSV survives a spreadsheet application, including the all-digit ones", {
  tag: "@slow",
}, async ({ browser }) => {
  test.setTimeout(180_000);
  const liveCodes = () =>
    new Set(
      withDb(
        (db) => db.prepare("SELECT credit_code FROM enterprises WHERE deleted_at IS NULL").pluck().all() as string[],
      ),
    );
  // Other tests write enterprises in parallel: the export must hold every code live both before and after it,
  // and nothing that was not live at either time (a mangled code would be neither).
  const before = liveCodes();
  const staff = await contextAs(browser, "staff");
  const res = await staff.request.get("/enterprises/export");
  expect(res.status()).toBe(200);
  const csv = await res.body();
  await staff.close();
  const after = liveCodes();
  const stable = [...before].filter((c) => after.has(c));
  // The demo has many all-digit codes: exactly the ones a spreadsheet turns into 9.15E+17.
  expect(stable.filter((c) => /^\d{18}$/.test(c)).length).toBeGreaterThan(100);

  const wb = await openInSpreadsheet(csv);
  const ws = wb.worksheets[0];
  expect(ws.getCell("B1").text).toBe("统一社会信用代码");
  const codes: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) codes.push(row.getCell(2).text);
  });
  const exported = new Set(codes);
  expect(exported.size).toBe(codes.length);
  for (const c of stable) expect(exported.has(c), `${c} is in the export, intact`).toBe(true);
  for (const c of codes) expect(before.has(c) || after.has(c), `${c} is a live credit code`).toBe(true);
});

test("the talent xlsx writes 认定年份 as an integer without a thousands separator", async ({ browser }) => {
  const staff = await contextAs(browser, "staff");
  const res = await staff.request.get("/talents/export?format=xlsx");
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  await staff.close();
  const ws = wb.worksheets[0];
  expect(ws.getCell("F1").value).toBe("认定年份");
  const year = ws.getCell("F2");
  expect(Number.isInteger(year.value)).toBe(true);
  expect(year.value as number).toBeGreaterThan(1990);
  expect(year.numFmt).toBe("0");
  // Every printed page carries the sheet's title.
  expect(ws.headerFooter.oddHeader).toContain("人才");
});
