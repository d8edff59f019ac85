import { describe, expect, it } from "vitest";
import { CSV_BOM, contentDispositionAttachment, csvCell, csvRow, csvStream } from "@/lib/csv";

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of gen) out.push(chunk);
  return out;
}

describe("csvCell", () => {
  it("renders null and undefined as empty", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("renders numbers as plain decimals and does not neutralise negatives", () => {
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(1234567.89)).toBe("1234567.89");
    expect(csvCell(123456789012345680000)).toBe("123456789012345680000");
    expect(csvCell(0.000001)).toBe("0.000001");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(10n)).toBe("10");
  });

  it("renders booleans as 是/否", () => {
    expect(csvCell(true)).toBe("是");
    expect(csvCell(false)).toBe("否");
  });

  it("renders dates as the China calendar day", () => {
    expect(csvCell(new Date("2024-03-05T00:00:00Z"))).toBe("2024-03-05");
    // 00:30 Beijing time is still the previous day in UTC.
    expect(csvCell(new Date("2024-03-05T00:30:00+08:00"))).toBe("2024-03-05");
    expect(csvCell(new Date("invalid"))).toBe("");
  });

  it("neutralises formula triggers in strings", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1+1")).toBe("'\t=1+1");
    expect(csvCell("\r=1+1")).toBe(`"'\r=1+1"`);
  });

  it("does not neutralise triggers that are not the first character", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("2024-01-01")).toBe("2024-01-01");
  });

  it("quotes values with comma, quote or newline per RFC 4180", () => {
    expect(csvCell("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
  });

  it("leaves plain Chinese text untouched", () => {
    expect(csvCell("重庆市渝北区科学技术局")).toBe("重庆市渝北区科学技术局");
    expect(csvCell("")).toBe("");
  });
});

describe("code columns", () => {
  it('keep digit strings as text for a spreadsheet, as a quoted ="…" literal', () => {
    expect(csvCell("915001129560572123", "code")).toBe('"=""915001129560572123"""');
    expect(csvCell("0123", "code")).toBe('"=""0123"""');
    // 1E12 would be read as scientific notation.
    expect(csvCell("9150011234567E12", "code")).toBe('"=""9150011234567E12"""');
    expect(csvCell("023-67891234", "code")).toBe('"=""023-67891234"""');
  });
  it("leave codes a spreadsheet keeps as text alone, and never wrap other columns", () => {
    expect(csvCell("91500112MA5U7XL21K", "code")).toBe("91500112MA5U7XL21K");
    expect(csvCell("138****8000", "code")).toBe("138****8000");
    expect(csvCell("", "code")).toBe("");
    expect(csvCell("915001129560572123")).toBe("915001129560572123");
  });
  it("still neutralise a formula in a code column that is not a plain number", () => {
    expect(csvCell('=HYPERLINK("http://x")', "code")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("-1+1", "code")).toBe('"=""-1+1"""');
  });
  it("apply per column in a row", () => {
    expect(csvRow(["915001129560572123", "915001129560572123"], ["other", "code"])).toBe(
      '915001129560572123,"=""915001129560572123"""\r\n',
    );
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["名称", 3, null, "=1", true])).toBe("名称,3,,'=1,是\r\n");
    expect(csvRow([])).toBe("\r\n");
  });
});

describe("CSV_BOM", () => {
  it("is the UTF-8 byte order mark", () => {
    expect(CSV_BOM).toBe("\uFEFF");
    expect(Buffer.from(CSV_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("csvStream", () => {
  const header = ["企业名称", "统一社会信用代码"];
  const rows = Array.from({ length: 7 }, (_, i) => [`企业${i}`, i]);
  const expectedBody = rows.map((r) => csvRow(r)).join("");

  it("yields BOM + header first, then all rows in batches", async () => {
    const chunks = await collect(csvStream(header, rows, 3));
    expect(chunks[0]).toBe(`${CSV_BOM}企业名称,统一社会信用代码\r\n`);
    expect(chunks).toHaveLength(1 + 3); // 3 + 3 + 1
    expect(chunks[1].split("\r\n")).toHaveLength(4);
    expect(chunks.slice(1).join("")).toBe(expectedBody);
  });

  it("accepts async iterables", async () => {
    async function* gen() {
      for (const r of rows) yield r;
    }
    const chunks = await collect(csvStream(header, gen(), 500));
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toBe(expectedBody);
  });

  it("yields only the header for no rows", async () => {
    expect(await collect(csvStream(header, []))).toEqual([`${CSV_BOM}企业名称,统一社会信用代码\r\n`]);
  });

  it("handles an exact multiple of the batch size without an empty chunk", async () => {
    const chunks = await collect(csvStream(header, rows.slice(0, 6), 3));
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.length > 0)).toBe(true);
  });

  it("rejects a non-positive batch size", async () => {
    await expect(collect(csvStream(header, rows, 0))).rejects.toThrow(RangeError);
  });
});

describe("contentDispositionAttachment", () => {
  it("gives an ASCII fallback and an RFC 5987 filename*", () => {
    expect(contentDispositionAttachment("渝北区科技局_科技企业.csv")).toBe(
      `attachment; filename="___________.csv"; filename*=UTF-8''${encodeURIComponent("渝北区科技局_科技企业.csv")}`,
    );
  });

  it("decodes back to the original name", () => {
    const name = "渝北区科技局_科技企业.csv";
    const star = contentDispositionAttachment(name).split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(star)).toBe(name);
  });

  it("strips quotes and backslashes and neutralises CR/LF in the fallback", () => {
    expect(contentDispositionAttachment('a"b\\c\r\nd.csv')).toBe(
      `attachment; filename="abc__d.csv"; filename*=UTF-8''a%22b%5Cc%0D%0Ad.csv`,
    );
  });

  it("percent-encodes characters that are not RFC 5987 attr-chars", () => {
    expect(contentDispositionAttachment("报表 (1)'*.csv")).toContain(
      "filename*=UTF-8''%E6%8A%A5%E8%A1%A8%20%281%29%27%2A.csv",
    );
  });
});
