/** sns/userinfo's `lang`: zh_CN (the default), zh_TW or en. */
export const UserinfoLang = { ZhCN: 'zh_CN', ZhTW: 'zh_TW', En: 'en' } as const
export type UserinfoLang = typeof UserinfoLang[keyof typeof UserinfoLang]

// A persona's region may be given in any of the three languages; names outside this short list are
// answered as given. Each row: zh_CN, zh_TW, en.
const names: ReadonlyArray<readonly [string, string, string]> = [
  ['中国', '中國', 'China'],
  ['美国', '美國', 'United States'],
  ['日本', '日本', 'Japan'],
  ['广东', '廣東', 'Guangdong'],
  ['深圳', '深圳', 'Shenzhen'],
  ['广州', '廣州', 'Guangzhou'],
  ['北京', '北京', 'Beijing'],
  ['上海', '上海', 'Shanghai'],
  ['浙江', '浙江', 'Zhejiang'],
  ['杭州', '杭州', 'Hangzhou'],
  ['四川', '四川', 'Sichuan'],
  ['成都', '成都', 'Chengdu'],
  ['台湾', '臺灣', 'Taiwan'],
  ['台北', '臺北', 'Taipei'],
  ['香港', '香港', 'Hong Kong'],
]

const column: Record<UserinfoLang, 0 | 1 | 2> = { zh_CN: 0, zh_TW: 1, en: 2 }

export function parseLang(lang: string | undefined): UserinfoLang {
  // An unknown lang falls back to the default rather than failing: the guide marks lang optional.
  return lang === UserinfoLang.ZhTW || lang === UserinfoLang.En ? lang : UserinfoLang.ZhCN
}

export function localiseRegion(name: string, lang: UserinfoLang): string {
  const row = names.find(r => r.includes(name))
  return row ? row[column[lang]] : name
}
