import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { unzipAll } from "@/e2e/fixtures/zip";
import { isReportQuarter, parseVersion } from "@/features/reports/quarter";
import { addTableSheet, cellValue, excelDate, excelDateTime, xlsxResponse } from "@/lib/xlsx";

describe("cell values", () => {
  it("keeps numbers as numbers and text as text, never a formula", () => {
    expect(cellValue("number", 75.46)).toBe(75.46);
    expect(cellValue("number", Number.NaN)).toBeNull();
    expect(cellValue("text", '=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(cellValue("bool", true)).toBe("是");
    expect(cellValue("bool", 0)).toBe("否");
    expect(cellValue("text", null)).toBeNull();
  });

  it("writes calendar dates as that day and instants in Beijing wall-clock time", () => {
    expect(excelDate("2021-03-31")?.toISOString()).toBe("2021-03-31T00:00:00.000Z");
    expect(excelDate("not a date")).toBeNull();
    // 2021-03-31 16:30 UTC is 2021-04-01 00:30 in Beijing.
    expect(excelDateTime("2021-03-31T16:30:00.000Z")?.toISOString()).toBe("2021-04-01T00:30:00.000Z");
  });
});

describe("streamed workbook", () => {
  it("has typed cells, a frozen filtered header and an A4 landscape print setup", async () => {
    const res = xlsxResponse({
      filename: "渝北区科技局_测试.xlsx",
      write: async (wb, out) => {
        const s = addTableSheet(wb, out, "科技企业", [
          { header: "企业名称", width: 30, type: "text" },
          { header: "成立日期", width: 12, type: "date" },
          { header: "注册资本（万元）", width: 12, type: "number", decimals: 2 },
          { header: "规上", width: 6, type: "bool" },
        ]);
        await s.add(["=1+1", "2015-06-01", 1000.5, true]);
        await s.add(["示例·重庆科技有限公司", null, 0, false]);
        await s.commit();
      },
    });
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("科技企业");
    expect(ws?.rowCount).toBe(3);
    expect(ws?.getCell("A1").value).toBe("企业名称");
    expect(ws?.getCell("A2").value).toBe("=1+1");
    expect(ws?.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell("B2").value).toEqual(new Date("2015-06-01T00:00:00Z"));
    expect(ws?.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(ws?.getCell("C2").value).toBe(1000.5);
    expect(ws?.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws?.getCell("D2").value).toBe("是");
    expect(ws?.getCell("C3").value).toBe(0);
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws?.autoFilter).toBeTruthy();
    expect(ws?.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
  });
});

describe("codes, years, print titles and empty lists", () => {
  it("writes codes as text cells with the text format, years without separators, a title on every page", async () => {
    const res = xlsxResponse({
      filename: "t.xlsx",
      write: async (wb, out) => {
        const s = addTableSheet(
          wb,
          out,
          "人才",
          [
            { header: "统一社会信用代码", width: 22, type: "code" },
            { header: "认定年份", width: 10, type: "year" },
          ],
          { title: "人才 & 团队" },
        );
        await s.add(["915001129560572123", 2021]);
        await s.commit();
        const empty = addTableSheet(wb, out, "空", [{ header: "名称", width: 10, type: "text" }], { empty: "无" });
        await empty.commit();
      },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("人才");
    expect(ws?.getCell("A2").value).toBe("915001129560572123");
    expect(ws?.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell("A2").numFmt).toBe("@");
    expect(ws?.getCell("B2").value).toBe(2021);
    expect(ws?.getCell("B2").numFmt).toBe("0");
    expect(ws?.headerFooter.oddHeader).toContain("人才 && 团队");
    expect(wb.getWorksheet("空")?.getCell("A2").value).toBe("无");
  });
});

describe("backpressure", () => {
  it("stops producing rows while nobody reads the download, and finishes once it is read", async () => {
    const N = 200_000;
    let produced = 0;
    const res = xlsxResponse({
      filename: "大表.xlsx",
      write: async (wb, out) => {
        const s = addTableSheet(wb, out, "科技企业", [
          { header: "企业名称", width: 30, type: "text" },
          { header: "注册资本", width: 12, type: "number" },
        ]);
        for (let i = 0; i < N; i++) {
          await s.add([`重庆某某科技有限公司${i}`, 1000 + i]);
          produced++;
        }
        await s.commit();
      },
    });
    // Nobody reads: the writer must stall well before the end instead of buffering every row.
    await new Promise((r) => setTimeout(r, 1500));
    const stalledAt = produced;
    expect(stalledAt).toBeGreaterThan(0);
    expect(stalledAt).toBeLessThan(N / 2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(produced).toBe(N);
    expect(wb.getWorksheet("科技企业")?.rowCount).toBe(N + 1);
  }, 60_000);
});

describe("report quarters", () => {
  it("accepts 2016Q1 up to the current quarter only", () => {
    expect(isReportQuarter("2021Q1")).toBe(true);
    expect(isReportQuarter("2015Q4")).toBe(false);
    expect(isReportQuarter("2021Q5")).toBe(false);
    expect(isReportQuarter("2099Q1")).toBe(false);
    expect(isReportQuarter("2021q1")).toBe(false);
  });
  it("parses ?v= versions", () => {
    expect(parseVersion("2")).toBe(2);
    expect(parseVersion("x")).toBeNull();
    expect(parseVersion(undefined)).toBeNull();
  });
});

describe("data rows written straight into the sheet", () => {
  const columns = [
    { header: "名称", width: 30, type: "text" as const },
    { header: "信用代码", width: 22, type: "code" as const },
    { header: "金额", width: 12, type: "number" as const, decimals: 2 },
    { header: "人数", width: 8, type: "integer" as const },
    { header: "年份", width: 8, type: "year" as const },
    { header: "日期", width: 12, type: "date" as const },
    { header: "时间", width: 18, type: "datetime" as const },
    { header: "比例", width: 8, type: "percent" as const },
    { header: "规上", width: 6, type: "bool" as const },
  ];
  const texts = [
    "重庆通盛新材料有限公司",
    "A&B <Co> \"q\" 'a'",
    "=1+1",
    "tab\there\nline\r",
    "ctl\u0001\u0008\u000b\u001f\u007f",
    "  ",
  ];
  const rows: unknown[][] = [];
  for (let i = 0; i < 700; i++)
    rows.push([
      texts[i % texts.length],
      i % 5 === 0 ? null : `9150011${String(i).padStart(11, "0")}`,
      [0, -0, 780.39, 0.1 + 0.2, -12.5, 1e21, null][i % 7],
      i % 4 === 0 ? null : i * 1000,
      2000 + (i % 30),
      i % 3 === 0 ? null : `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`,
      i % 6 === 0 ? null : new Date(Date.UTC(2024, i % 12, 1 + (i % 28), i % 24, i % 60, i % 60)).toISOString(),
      i % 2 ? 0.125 * i : null,
      i % 3 === 0 ? null : i % 2 === 0,
    ]);
  rows.splice(300, 0, [null, null, null, null, null, null, null, null, null]); // no value at all: not written

  async function sheetXml(viaExceljs: boolean): Promise<{ sheet: string; styles: string }> {
    const res = xlsxResponse({
      filename: "t.xlsx",
      write: async (wb, out) => {
        const s = addTableSheet(wb, out, "表", columns, { viaExceljs });
        for (const [i, r] of rows.entries()) await s.add(r, i === 450 ? { 2: "0.000" } : undefined);
        await s.commit();
      },
    });
    const files = await unzipAll(Buffer.from(await res.arrayBuffer()));
    const text = (name: string) => {
      const f = files.find((e) => e.name === name)?.data;
      if (!f) throw new Error(`${name} missing`);
      return f.toString("utf8");
    };
    return { sheet: text("xl/worksheets/sheet1.xml"), styles: text("xl/styles.xml") };
  }

  it("are the same bytes exceljs writes through its Row objects", async () => {
    const [direct, reference] = await Promise.all([sheetXml(false), sheetXml(true)]);
    expect(direct.sheet).toContain("<sheetData>");
    expect(direct.sheet.match(/<row /g)?.length).toBe(rows.length); // 700 data rows + header, the empty one left out
    expect(direct.sheet).toBe(reference.sheet);
    expect(direct.styles).toBe(reference.styles);
  });
});
