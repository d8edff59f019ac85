import { describe, expect, it } from "vitest";
import { searchDocument } from "@/features/registry/search-index";
import { foldCode, foldText, ftsPhrase, highlight, parseQuery, pinyinOf, pinyinWord } from "@/lib/search/normalise";

// 全局搜索's folding: names and queries meet whatever width, script variant, case, spacing or punctuation they are
// typed with; pinyin in context with the other reading of polyphonic characters; hostile queries stay data.

const marked = (name: string, q: string) =>
  highlight(name, q)
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join("");

describe("folding", () => {
  it("folds full-width, traditional characters, case, spaces and punctuation", () => {
    expect(foldText("重慶 金山科技（集團）ＡＢＣ有限公司")).toBe("重庆金山科技集团abc有限公司");
    expect(foldText("華為技術")).toBe(foldText("华为技术"));
    expect(foldText("😀 -- ‘’ ")).toBe("");
  });
  it("folds a credit code pasted with spaces, dashes, lower case or full-width", () => {
    expect(foldCode("9150 0112-ma5u xyq3")).toBe("91500112MA5UXYQ3");
    expect(foldCode("９１５００１１２")).toBe("91500112");
  });
  it("reads pinyin in context, with initials of both readings of a polyphonic character the context left open", () => {
    const p = pinyinOf(foldText("重庆金山科技有限公司"));
    expect(p.full).toBe("chongqingjinshankejiyouxiangongsi");
    expect(p.initials).toBe("cqjskjyxgs");
    // 重庆 is a word: 重 is chong there, no zhong offered. 长 in 长江 may be chang or zhang: both indexed.
    expect(p.altInitials).toBe("");
    const doc = searchDocument("重庆长江科技有限公司", null);
    expect(doc.initials).toBe("cqcjkjyxgs$ cqzjkjyxgs$");
    expect(doc.name).toBe("^重庆长江科技有限公司$");
  });
  it("indexes the full pinyin without the city and the company form; a query of those words means their characters", () => {
    expect(pinyinOf(foldText("重庆金山科技有限公司")).core).toBe("jinshankeji");
    expect(pinyinOf(foldText("重庆市渝北区仙桃数据谷有限责任公司")).core).toBe("yubeiquxiantaoshujugu");
    expect(pinyinOf(foldText("重庆银行股份有限公司")).core).toBe("yinhang");
    expect(pinyinOf(foldText("金山科技")).core).toBe("jinshankeji");
    expect(searchDocument("重庆金山科技有限公司", null).pinyin).toBe("JINSHANKEJI");
    expect(pinyinWord("chongqingjinshan")).toEqual({ core: "jinshan" });
    expect(pinyinWord("jinshankejiyouxian")).toEqual({ core: "jinshankeji" });
    expect(pinyinWord("yuyou")).toEqual({ core: "yuyou" }); // too little would remain
    // The words left out of the indexed pinyin are left out of a query typed in full pinyin the same way.
    for (const name of ["重庆金山科技有限公司", "重庆市渝北区仙桃数据谷有限责任公司", "重庆银行股份有限公司"]) {
      const p = pinyinOf(foldText(name));
      expect(pinyinWord(p.full), name).toEqual({ core: p.core });
    }
    expect(pinyinWord("chongqing")).toEqual({ han: "重庆" });
    expect(pinyinWord("youxiangongsi")).toEqual({ han: "有限公司" });
  });
});

describe("queries", () => {
  it("asks for 2 characters at least: one character, punctuation only or emoji only", () => {
    for (const q of ["金", "a", '"', "*", " - ", "😀", "😀😀", "（）", ""])
      expect(parseQuery(q)).toEqual({ ok: false, reason: "tooShort" });
  });
  it("caps a very long query instead of refusing it", () => {
    const q = parseQuery("金".repeat(1000));
    expect(q.ok && Array.from(q.text).length).toBe(64);
  });
  it("reads a credit-code fragment of 4+ letters and digits, and latin letters as pinyin", () => {
    expect(parseQuery("MA5U XYQ3")).toMatchObject({ ok: true, code: "MA5UXYQ3", pinyin: null });
    expect(parseQuery("jskj")).toMatchObject({ ok: true, text: "jskj", pinyin: "jskj" });
    expect(parseQuery("金山")).toMatchObject({ ok: true, text: "金山", code: null, pinyin: null });
  });
  it("never lets query text become LIKE or FTS syntax: letters and digits only, phrases quoted", () => {
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    for (const raw of [
      '"金山" OR 1=1',
      "金山 NEAR(科技)",
      "金山*",
      "-金山",
      "name:金山",
      "'); DROP TABLE enterprises; --",
      "50%_off",
    ]) {
      const q = parseQuery(raw);
      if (!q.ok) continue;
      expect(q.text).toMatch(/^[\p{L}\p{N}]+$/u);
      if (q.code) expect(q.code).toMatch(/^[0-9A-Z]+$/);
      if (q.pinyin) expect(q.pinyin).toMatch(/^[a-z]+$/);
    }
  });
});

describe("highlight", () => {
  it("marks the matched characters of the shown name, however the query was typed", () => {
    expect(marked("重庆金山科技有限公司", "金山")).toBe("重庆[金山]科技有限公司");
    expect(marked("重庆金山科技有限公司", "金 山-科技")).toBe("重庆[金山科技]有限公司");
    expect(marked("重慶金山科技有限公司", "重庆")).toBe("[重慶]金山科技有限公司");
    expect(marked("重庆金山科技有限公司", "jskj")).toBe("重庆[金山科技]有限公司");
    expect(marked("重庆金山科技有限公司", "jinshan")).toBe("重庆[金山]科技有限公司");
    expect(marked("91500112MA5UXYQ316", "ma5u xyq3")).toBe("91500112[MA5UXYQ3]16");
    expect(marked("重庆金山科技有限公司", "无关")).toBe("重庆金山科技有限公司");
  });
});
