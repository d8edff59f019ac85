import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { asMacroEnabled, writeZip, zipBomb } from "@/e2e/fixtures/zip";
import {
  CellError,
  lookupLabel,
  normaliseHeader,
  plainCellValue,
  toBoolean,
  toIsoDate,
  toText,
} from "@/lib/import/cells";
import {
  inspectXlsx,
  MAX_FILE_BYTES,
  readCentralDirectory,
  verifyEntries,
  workbookContentType,
  ZipRefused,
} from "@/lib/import/zip";
import { changedFields, sameValue } from "@/lib/registry/diff";

async function plainWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("企业").addRow(["企业名称"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipRefused) return e.reason;
    throw e;
  }
  return null;
};

describe("zip inspection (before any parsing)", () => {
  let macro: Buffer;
  beforeAll(async () => {
    macro = await asMacroEnabled(await plainWorkbook());
  });
  it("accepts a plain .xlsx", async () => {
    const buf = await plainWorkbook();
    const { entries } = inspectXlsx(buf);
    expect(entries.some((e) => e.name === "xl/workbook.xml")).toBe(true);
    expect(() => verifyEntries(buf, entries)).not.toThrow();
  });
  it("refuses a macro-enabled workbook whatever its name", async () => {
    expect(refusal(() => inspectXlsx(macro))).toBe("macroEnabled");
  });
  it("refuses what is not a zip, a legacy .xls, an empty and an oversized file", () => {
    expect(refusal(() => inspectXlsx(Buffer.from("企业名称,统一社会信用代码\n")))).toBe("notZip");
    expect(
      refusal(() => inspectXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(30).fill(0)]))),
    ).toBe("unsupportedType");
    expect(refusal(() => inspectXlsx(Buffer.alloc(0)))).toBe("empty");
    expect(refusal(() => inspectXlsx(Buffer.alloc(MAX_FILE_BYTES + 1)))).toBe("tooLarge");
  });
  it("refuses a zip that is not a workbook", () => {
    const docx = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.from("<w/>") },
    ]);
    expect(refusal(() => inspectXlsx(docx))).toBe("unsupportedType");
    expect(refusal(() => inspectXlsx(writeZip([{ name: "a.txt", data: Buffer.from("x") }])))).toBe("notWorkbook");
  });
  it("refuses a zip bomb by its compression ratio, from the directory alone (nothing inflated)", () => {
    const bomb = zipBomb(50);
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(refusal(() => inspectXlsx(bomb))).toBe("compressionRatio");
  });
  it("refuses a declared total above 200 MB, and an entry that inflates beyond what it declares", () => {
    const huge = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<w/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(10, 0x20), declaredSize: 250 * 1024 * 1024 },
    ]);
    expect(refusal(() => inspectXlsx(huge))).toBe("uncompressedTooLarge");
    const liar = writeZip([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(5_000_000, 0x20), declaredSize: 1000 },
    ]);
    expect(refusal(() => verifyEntries(liar, readCentralDirectory(liar)))).toBe("compressionRatio");
  });
  it("reads the workbook content type from [Content_Types].xml", () => {
    expect(
      workbookContentType(
        '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
      ),
    ).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });
});

describe("cell conversions", () => {
  it("normalises headers (required marker, spaces, full-width brackets)", () => {
    expect(normaliseHeader(" *注册资本（万元） ")).toBe(normaliseHeader("注册资本(万元)"));
  });
  it("turns Excel dates and typed dates into ISO dates", () => {
    expect(toIsoDate(new Date(Date.UTC(2021, 2, 31)))).toBe("2021-03-31");
    expect(toIsoDate("2021/3/31")).toBe("2021-03-31");
    expect(toIsoDate("2021-03-31")).toBe("2021-03-31");
    expect(toIsoDate("2021年3月1日")).toBe("2021-03-01");
    expect(toIsoDate(44286)).toBe("2021-03-31");
    expect(toIsoDate("31/03/2021")).toBe("31/03/2021"); // left for the schema to refuse
  });
  it("reads 是/否 strictly", () => {
    expect(toBoolean("是")).toBe(true);
    expect(toBoolean("否")).toBe(false);
    expect(toBoolean(null)).toBe(false);
    expect(() => toBoolean("可能")).toThrow(CellError);
  });
  it("uses a formula's cached result and refuses one without", () => {
    expect(plainCellValue({ formula: "A1*2", result: 42 })).toBe(42);
    expect(() => plainCellValue({ formula: "A1*2" })).toThrow("import.cell.formulaNoResult");
    expect(() => plainCellValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toThrow("import.cell.formulaError");
    expect(plainCellValue({ richText: [{ text: "重庆" }, { text: "科技" }] })).toBe("重庆科技");
  });
  it("keeps numbers typed into text columns as their digits", () => {
    expect(toText(13800138000)).toBe("13800138000");
  });
  it("maps labels to values and names the unknown one", () => {
    const m = new Map([["龙溪街道", 7]]);
    expect(lookupLabel(m, " 龙溪街道 ")).toBe(7);
    expect(lookupLabel(m, null)).toBeNull();
    expect(() => lookupLabel(m, "火星街道")).toThrow(/unknownOption\|value=/);
  });
});

describe("diff", () => {
  it("treats null and undefined alike and reports only changed fields", () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(changedFields({ a: 1, b: null, version: 3 }, { a: 2, b: undefined, version: 4 })).toEqual({
      before: { a: 1 },
      after: { a: 2 },
    });
  });
});
