// How the global search and the registry lists' `?q=` fold text (features/registry/search-index.ts): a name and a
// query are folded the same way, so 金山科技, 金山 科技, ＪＩＮＳＨＡＮ, 金山科技 (traditional) and jinshan meet.
// Pure functions (no database): the index, the query builder, the highlighter and the unit tests share them.

import { pinyin } from "pinyin-pro";

/** Traditional → simplified for the characters common in company, institution and person names. */
const TRAD =
  "國華東電腦業機網絡軟體資訊數據學醫藥療貿發開區廣場務銷產製術團隊際設計環節車輛導衛檢測驗諮詢項門裝飾築實興達匯滙錦龍鳳慶陽雲巖義愛億萬豐園圖書廠價聯嶺長問間陸灣島鐵鋼銀錢鑄礦農漁營運輸線紡織綫紙緣維綠絲經結給統總續練組細紅純紀約級編緯繫縣鎮鄉號員歲準標樣權橋樓構檔棟極榮樂歐氣漢潔濟溫滬濱澤瀋煉燈熱爾獎現瑪畫當盤眾礎確碼禮種穩積窮競筆範簡糧藝蘇蘭藍萊葉蔣處蟲補見視親覺觀規訂記許評試詩話誠語說課調談論諾證識護讀變讓貝財貨質購費貴賀賓賽贏趙軍軌輕載輔輝轉辦邊連進遠選遺還鄭釋鋁鋒鍵鏈鐘閱關陳險雙雜雞離難靈頂順預領頭題顏願類顧風飛飲館馬騰驅魚鳥鳴麥黃齊齒龜為來個們倉傳備儀優僑儲兒內兩創劃劍勞勢勵協參吳啟單圍塊壓壽夢夥奮寧寶對屬帶師幣幹張強彈後從復徵態應懷戰擁據擴攝敗斷於時晉會條樹殺氫決況淨湯滿潛無煙爐牽獨獲畢異盡監盧碩禦稅穀窯簽籌紋納紐終緊縮繼罷聖聞聲職肅脈臺與舉艦莊葯蓋蓮蘋蝦衝裡複襪覽訪譯貓賣趨較輪辯遷郵醬鈞鉅銅鋪錄鍋鎖閃閣陣階隨隱韓響頁頓頻顯飯養駕髮鬥鮮鴻鵬鹽麗點黨專業務創滙灃濤瑤璽億攜譽謙謀謝豪貞貫賢鑫鋭銳鋭頌騏鷹麒麟鷺繪鑒閩蘆瀾嶼濰遼寬廬鄰燦鎔煒";
const SIMP =
  "国华东电脑业机网络软体资讯数据学医药疗贸发开区广场务销产制术团队际设计环节车辆导卫检测验咨询项门装饰筑实兴达汇汇锦龙凤庆阳云岩义爱亿万丰园图书厂价联岭长问间陆湾岛铁钢银钱铸矿农渔营运输线纺织线纸缘维绿丝经结给统总续练组细红纯纪约级编纬系县镇乡号员岁准标样权桥楼构档栋极荣乐欧气汉洁济温沪滨泽沈炼灯热尔奖现玛画当盘众础确码礼种稳积穷竞笔范简粮艺苏兰蓝莱叶蒋处虫补见视亲觉观规订记许评试诗话诚语说课调谈论诺证识护读变让贝财货质购费贵贺宾赛赢赵军轨轻载辅辉转办边连进远选遗还郑释铝锋键链钟阅关陈险双杂鸡离难灵顶顺预领头题颜愿类顾风飞饮馆马腾驱鱼鸟鸣麦黄齐齿龟为来个们仓传备仪优侨储儿内两创划剑劳势励协参吴启单围块压寿梦伙奋宁宝对属带师币干张强弹后从复征态应怀战拥据扩摄败断于时晋会条树杀氢决况净汤满潜无烟炉牵独获毕异尽监卢硕御税谷窑签筹纹纳纽终紧缩继罢圣闻声职肃脉台与举舰庄药盖莲苹虾冲里复袜览访译猫卖趋较轮辩迁邮酱钧巨铜铺录锅锁闪阁阵阶随隐韩响页顿频显饭养驾发斗鲜鸿鹏盐丽点党专业务创汇沣涛瑶玺亿携誉谦谋谢豪贞贯贤鑫锐锐锐颂骐鹰麒麟鹭绘鉴闽芦澜屿潍辽宽庐邻灿镕炜";
const T2S = new Map<string, string>();
{
  const t = Array.from(TRAD);
  const s = Array.from(SIMP);
  if (t.length !== s.length)
    throw new Error(`search: traditional/simplified map out of step (${t.length}/${s.length})`);
  for (let i = 0; i < t.length; i++) T2S.set(t[i], s[i]);
}

/** The longest query the search reads (a pasted paragraph is cut, never refused). */
export const MAX_QUERY_CHARS = 64;
/** The shortest folded query that is searched. */
export const MIN_QUERY_CHARS = 2;

/**
 * One character folded: NFKC (full-width → half-width, compatibility forms), traditional → simplified, lower
 * case; anything that is not a letter or a digit (spaces, punctuation, symbols, emoji) folds to nothing.
 */
export function foldChar(c: string): string {
  let out = "";
  for (const x of c.normalize("NFKC")) out += foldOne(x);
  return out;
}

/** One code point (already NFKC) folded; memoised (names use a few thousand distinct characters). */
const folded1 = new Map<string, string>();
const letterOrDigit = /[\p{L}\p{N}]/u;
function foldOne(x: string): string {
  let f = folded1.get(x);
  if (f === undefined) {
    const s = T2S.get(x) ?? x;
    f = letterOrDigit.test(s) ? s.toLowerCase() : "";
    if (folded1.size < 50_000) folded1.set(x, f);
  }
  return f;
}

/** Text folded for matching (names and queries alike). */
export function foldText(s: string): string {
  let out = "";
  // NFKC of the whole text equals the characters' NFKC joined, except where characters compose: fold per
  // character then (rare: combining marks).
  const n = s.normalize("NFKC");
  for (const x of n) out += foldOne(x);
  return out;
}

/** A credit code or a fragment of one: upper-case letters and digits only (spaces, dashes, full-width folded). */
export function foldCode(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[^0-9A-Za-z]/g, "")
    .toUpperCase();
}

const hanRe = /\p{Script=Han}/u;

/** Every reading of a Han character (memoised). */
const readingsOf = new Map<string, string[]>();
function readings(c: string): string[] {
  let r = readingsOf.get(c);
  if (!r) {
    r = [
      ...new Set(
        (pinyin(c, { toneType: "none", type: "array", multiple: true }) as string[]).map((x) => x.replace(/ü/g, "v")),
      ),
    ];
    if (r.length === 0) r = [""];
    readingsOf.set(c, r);
  }
  return r;
}

/** A polyphonic character's reading in its context (the character with its neighbours; memoised per window). */
const inContext = new Map<string, string>();
function contextualReading(chars: string[], i: number): string {
  const from = Math.max(0, i - 1);
  const window = chars.slice(from, i + 2).join("");
  const key = `${i - from}|${window}`;
  let r = inContext.get(key);
  if (r === undefined) {
    const all = pinyin(window, { toneType: "none", type: "array", nonZh: "consecutive" });
    // Non-Han runs come back as one item each: find the centre character's item by walking the window.
    let k = 0;
    let item = "";
    const w = chars.slice(from, i + 2);
    for (let j = 0; j < w.length; j++) {
      if (hanRe.test(w[j])) {
        if (j === i - from) item = all[k] ?? "";
        k++;
      } else {
        while (j + 1 < w.length && !hanRe.test(w[j + 1])) j++;
        k++;
      }
    }
    r = item.replace(/ü/g, "v") || readings(chars[i])[0];
    if (inContext.size < 200_000) inContext.set(key, r);
  }
  return r;
}

/** A character's pinyin facts, once per character: a non-Han character stands for itself. */
type CharInfo = { full: string; initial: string; alt: string; poly: boolean; all: string[] };
const charInfo = new Map<string, CharInfo>();
function infoOf(c: string): CharInfo {
  let info = charInfo.get(c);
  if (!info) {
    if (!hanRe.test(c)) info = { full: c, initial: c, alt: c, poly: false, all: [c] };
    else {
      const all = readings(c);
      const r = all[0];
      const initial = r.charAt(0);
      info = {
        full: r,
        initial,
        alt: all.map((x) => x.charAt(0)).find((x) => x !== initial) ?? initial,
        poly: all.length > 1,
        all,
      };
    }
    if (charInfo.size < 50_000) charInfo.set(c, info);
  }
  return info;
}

/** The i-th character's contextual full reading, its initial, and the initial of another reading (or its own). */
function partOf(chars: string[], i: number): [string, string, string] {
  const info = infoOf(chars[i]);
  if (!info.poly) return [info.full, info.initial, info.alt];
  const r = contextualReading(chars, i);
  const initial = r.charAt(0);
  // A context that changed the reading is a word pinyin-pro knows (重庆 chongqing, 银行 yinhang): no other reading
  // is offered for it; one that kept the first reading may be a word it does not know (长 chang, or zhang).
  if (r !== info.full) return [r, initial, initial];
  return [r, initial, info.all.map((x) => x.charAt(0)).find((x) => x !== initial) ?? initial];
}

/** Per folded character: its contextual full reading, initial, and the initial of another reading (or its own). */
export function pinyinParts(folded: string): { full: string[]; initials: string[]; alt: string[] } {
  const chars = Array.from(folded);
  const out = { full: [] as string[], initials: [] as string[], alt: [] as string[] };
  for (let i = 0; i < chars.length; i++) {
    const [full, initial, alt] = partOf(chars, i);
    out.full.push(full);
    out.initials.push(initial);
    out.alt.push(alt);
  }
  return out;
}

/**
 * The words nearly every name of the district starts or ends with: the city, and the company forms. The index
 * keeps a name's full pinyin without them (`core`): a third of its letters, read by no one's query — names are
 * found by what sets them apart; the characters themselves stay in the indexed name, and a query of one of these
 * words in pinyin is looked up as its characters (pinyinWord).
 */
/** [characters, pinyin], the longer of two that start alike first. */
const CITY = [
  ["重庆市", "chongqingshi"],
  ["重庆", "chongqing"],
] as const;
const COMPANY_FORMS = [
  ["股份有限公司", "gufenyouxiangongsi"],
  ["有限责任公司", "youxianzerengongsi"],
  ["有限公司", "youxiangongsi"],
] as const;
/** Pinyin → characters: those words, and the company forms' common parts, typed alone. */
const AFFIX_WORDS = new Map<string, string>(
  [...CITY, ...COMPANY_FORMS, ["有限", "youxian"], ["公司", "gongsi"]].map(([han, py]) => [py, han]),
);

/**
 * The pinyin of a name: the contextual reading of every character (重庆 → chongqing), the same without the city
 * and company-form words (`core`: 重庆金山科技有限公司 → jinshankeji), its initials, and the initials with a
 * polyphonic character's other reading where the context did not decide it (长江 → zj besides cj), so either
 * reading finds it.
 */
export function pinyinOf(folded: string): { full: string; core: string; initials: string; altInitials: string } {
  if (!hanRe.test(folded)) return { full: "", core: "", initials: "", altInitials: "" };
  const chars = Array.from(folded);
  let lo = 0;
  let hi = chars.length;
  for (const [han] of CITY)
    if (folded.startsWith(han)) {
      lo = han.length;
      break;
    }
  for (const [han] of COMPANY_FORMS)
    if (folded.endsWith(han) && hi - han.length > lo) {
      hi -= han.length;
      break;
    }
  let full = "";
  let core = "";
  let initials = "";
  let alt = "";
  for (let i = 0; i < chars.length; i++) {
    const [f, ini, a] = partOf(chars, i);
    full += f;
    if (i >= lo && i < hi) core += f;
    initials += ini;
    alt += a;
  }
  return { full, core, initials, altInitials: alt === initials ? "" : alt };
}

/**
 * A latin query as the indexed pinyin reads it: a city or company-form word alone is its characters (`han`, found
 * in the names); otherwise the city at its start and the beginning of a company form at its end are left out
 * (chongqingjinshan → jinshan, jinshankejiyouxian → jinshankeji), where at least 3 letters remain.
 */
export function pinyinWord(pinyin: string): { han: string } | { core: string } {
  const han = AFFIX_WORDS.get(pinyin);
  if (han) return { han };
  let core = pinyin;
  for (const [, py] of CITY)
    if (core.startsWith(py) && core.length - py.length >= 3) {
      core = core.slice(py.length);
      break;
    }
  let cut = 0;
  for (const [, py] of COMPANY_FORMS)
    for (let k = Math.min(py.length, core.length - 3); k >= 3; k--)
      if (k > cut && core.endsWith(py.slice(0, k))) cut = k;
  return { core: core.slice(0, core.length - cut) };
}

/** What the search makes of a typed query. */
export type SearchQuery =
  | { ok: false; reason: "tooShort" }
  | {
      ok: true;
      /** Folded for names (≥ 2 characters). */
      text: string;
      /** A credit-code fragment (≥ 4 letters/digits, spaces and dashes ignored), when the query can be one. */
      code: string | null;
      /** Latin letters only: also matched against the names' pinyin and initials. */
      pinyin: string | null;
    };

/** A typed query → what is matched, or "too short" (fewer than 2 letters or digits after folding). */
export function parseQuery(raw: string): SearchQuery {
  const text = foldText(
    Array.from(raw)
      .slice(0, MAX_QUERY_CHARS * 4)
      .join(""),
  ).slice(0, MAX_QUERY_CHARS);
  if (Array.from(text).length < MIN_QUERY_CHARS) return { ok: false, reason: "tooShort" };
  const code = foldCode(raw.slice(0, MAX_QUERY_CHARS * 2));
  return {
    ok: true,
    text,
    code:
      code.length >= 4 && code.length <= 18 && /^[0-9A-Z]+$/.test(code) && code.length === text.length ? code : null,
    pinyin: /^[a-z]+$/.test(text) ? text : null,
  };
}

/** A phrase for an FTS5 MATCH: always quoted (any `"` doubled), so no query text is ever FTS syntax. */
export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export type Segment = { text: string; hit: boolean };

/**
 * Which characters of a shown name a query matched, as segments to highlight: the folded text first, then the
 * full pinyin, then the initials (either reading). No match: the name as one plain segment.
 */
export function highlight(name: string, raw: string): Segment[] {
  const q = parseQuery(raw);
  const chars = Array.from(name);
  if (!q.ok) return [{ text: name, hit: false }];
  // Each shown character's folded form and pinyin, with where it starts in the folded strings.
  const folded = chars.map(foldChar);
  const mark = new Array<boolean>(chars.length).fill(false);
  const find = (parts: string[], needle: string) => {
    const joined = parts.join("");
    const at = joined.indexOf(needle);
    if (at < 0) return false;
    let pos = 0;
    parts.forEach((p, i) => {
      if (p && pos < at + needle.length && pos + p.length > at) mark[i] = true;
      pos += p.length;
    });
    return true;
  };
  let found = find(folded, q.text);
  if (!found && q.code)
    found = find(
      chars.map((c) => foldCode(c)),
      q.code,
    );
  if (!found && q.pinyin) {
    // The name's pinyin read in context (重庆 → chongqing), handed back to the shown characters.
    const parts = pinyinParts(folded.join(""));
    const per = { full: [] as string[], initials: [] as string[], alt: [] as string[] };
    let k = 0;
    for (const f of folded) {
      const n = Array.from(f).length;
      per.full.push(parts.full.slice(k, k + n).join(""));
      per.initials.push(parts.initials.slice(k, k + n).join(""));
      per.alt.push(parts.alt.slice(k, k + n).join(""));
      k += n;
    }
    found = find(per.full, q.pinyin) || find(per.initials, q.pinyin) || find(per.alt, q.pinyin);
  }
  const out: Segment[] = [];
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === mark[i]) last.text += c;
    else out.push({ text: c, hit: mark[i] });
  });
  return out;
}
