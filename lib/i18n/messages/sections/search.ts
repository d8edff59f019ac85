import type { Widen } from "../widen";

// 全局搜索 (components/shell/global-search.tsx, app/(dashboard)/search/query/route.ts).
export const searchZh = {
  open: "搜索",
  shortcut: "Ctrl K",
  label: "全局搜索",
  placeholder: "搜索企业、机构、载体、人才、兑现名单：名称片段、信用代码、拼音首字母",
  tooShort: "请输入至少 2 个字",
  searching: "搜索中…",
  none: "没有找到匹配“{query}”的记录",
  failed: "搜索失败，请稍后重试",
  count: "{count} 条",
  countCapped: "{count}+ 条",
  viewAll: "在列表中查看全部",
  edit: "编辑",
  includeDeleted: "包括已删除",
  deleted: "已删除",
  awardLine: "{year}年度 {policy} · {amount} 万元",
  awardExcluded: "未纳入名单",
  matched: { exact: "名称完全匹配", prefix: "名称开头", name: "名称", code: "信用代码", pinyin: "拼音" },
  hint: "↑↓ 选择 · Enter 打开 · Esc 关闭",
  close: "关闭搜索",
};

export const searchEn: Widen<typeof searchZh> = {
  open: "Search",
  shortcut: "Ctrl K",
  label: "Search everything",
  placeholder:
    "Enterprises, institutions, incubators, talent, award lines: a name fragment, credit code or pinyin initials",
  tooShort: "Type at least 2 characters",
  searching: "Searching…",
  none: "Nothing matches “{query}”",
  failed: "The search failed, please try again",
  count: "{count}",
  countCapped: "{count}+",
  viewAll: "View all in the list",
  edit: "Edit",
  includeDeleted: "Include deleted",
  deleted: "Deleted",
  awardLine: "{year} {policy} · {amount} 10k yuan",
  awardExcluded: "Not included",
  matched: { exact: "Exact name", prefix: "Name starts", name: "Name", code: "Credit code", pinyin: "Pinyin" },
  hint: "↑↓ to move · Enter to open · Esc to close",
  close: "Close search",
};
