import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { unzipAll, writeZip } from "@/e2e/fixtures/zip";
import { ImportRefused, MAX_DATA_ROWS, MAX_VALUE_CELLS, readWorkbook, scanRows } from "@/lib/import/workbook";
import { inspectXlsx, MAX_ENTRIES, ZipRefused } from "@/lib/import/zip";

// Hostile uploads (issue 11): each must be refused before the workbook is built.

const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/** A workbook package whose one sheet has `rows` rows of `cols` numeric cells each. */
function sheetWithRows(rows: number, cols = 1): Buffer {
  const parts: string[] = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  const cells = Array.from({ length: cols }, (_, c) => `<c><v>${c}</v></c>`).join("");
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}">${cells}</row>`);
  parts.push("</sheetData></worksheet>");
  return writeZip([
    { name: "[Content_Types].xml", data: Buffer.from(TYPES) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(parts.join("")) },
  ]);
}

const refusalOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImportRefused || e instanceof ZipRefused) return e.message;
    throw e;
  }
  return null;
};

describe("hostile import files", () => {
  let fullSheet: Buffer;
  beforeAll(() => {
    fullSheet = sheetWithRows(1_048_576);
  }, 60_000);

  it("refuses a 1,048,576-row sheet for its row count, without building the workbook", async () => {
    expect(fullSheet.byteLength).toBeLessThan(10 * 1024 * 1024);
    expect(await refusalOf(() => readWorkbook(fullSheet))).toBe(`import.refuse.tooManyRows|max=${MAX_DATA_ROWS}`);
  });

  it("stops inflating the sheet soon after row 50,001: about a twentieth of its XML is read", async () => {
    const { entries } = inspectXlsx(fullSheet);
    const sheet = entries.find((e) => /worksheets\/sheet1\.xml$/.test(e.name))!;
    const read = { sheetBytes: 0 };
    expect(await refusalOf(() => scanRows(fullSheet, entries, read))).toBe(
      `import.refuse.tooManyRows|max=${MAX_DATA_ROWS}`,
    );
    expect(read.sheetBytes).toBeGreaterThan(0);
    expect(read.sheetBytes).toBeLessThan(sheet.uncompressedSize / 10);
  });

  it("refuses row 50,001 but reads 50,000 data rows", async () => {
    expect(await refusalOf(() => readWorkbook(sheetWithRows(MAX_DATA_ROWS + 2)))).toBe(
      `import.refuse.tooManyRows|max=${MAX_DATA_ROWS}`,
    );
    // The limit itself is accepted: a real exceljs workbook with a header and exactly 50,000 data rows.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("企业");
    ws.addRow(["企业名称"]);
    for (let r = 1; r <= MAX_DATA_ROWS; r++) ws.addRow([`企业${r}`]);
    const sheets = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheets[0].rows).toHaveLength(MAX_DATA_ROWS);
  }, 60_000);

  it("refuses a sheet within the row limit whose rows are absurdly wide", async () => {
    expect(await refusalOf(() => readWorkbook(sheetWithRows(1_000, 2_000)))).toBe(
      `import.refuse.tooManyCells|max=${MAX_VALUE_CELLS}`,
    );
  });

  it("refuses a zip of many small entries from its end record, before inflating any", () => {
    const many = writeZip([
      { name: "[Content_Types].xml", data: Buffer.from(TYPES) },
      { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
      ...Array.from({ length: MAX_ENTRIES + 500 }, (_, i) => ({
        name: `xl/media/p${i}.xml`,
        data: Buffer.from("<a/>"),
      })),
    ]);
    let reason: string | null = null;
    try {
      inspectXlsx(many);
    } catch (e) {
      if (e instanceof ZipRefused) reason = e.reason;
    }
    expect(reason).toBe("tooManyEntries");
  });

  it("refuses a VBA project whatever the case of its name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("企业").addRow(["企业名称"]);
    const plain = await unzipAll(Buffer.from(await wb.xlsx.writeBuffer()));
    for (const name of ["xl/vbaproject.bin", "XL/VBAPROJECT.BIN", "xl/vbaProject.bin"]) {
      const withMacro = writeZip([...plain, { name, data: Buffer.from("VBA") }]);
      expect(await refusalOf(() => readWorkbook(withMacro)), name).toBe("import.refuse.macroEnabled");
    }
  });
});
