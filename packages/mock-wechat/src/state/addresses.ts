import { createHash } from 'node:crypto'
import { type Static, Type } from 'typebox'
import type { Persona } from './personas'

/**
 * One delivery address in a WeChat user's address book (我的地址), with the field names the JS-SDK's
 * wx.openAddress hands the page. `countryName` is the district or county (区/县): the SDK's name for
 * it, however odd. `nationalCode` is that district's administrative division code (6 digits).
 * Only sizes are bounded: WeChat's own editor checks little, and a test may give the shop an
 * address it has to refuse.
 */
export const MockAddressSchema = Type.Object({
  userName: Type.String({ minLength: 1, maxLength: 64 }),
  telNumber: Type.String({ minLength: 1, maxLength: 32 }),
  postalCode: Type.String({ maxLength: 16 }),
  provinceName: Type.String({ maxLength: 64 }),
  cityName: Type.String({ maxLength: 64 }),
  countryName: Type.String({ maxLength: 64 }),
  detailInfo: Type.String({ maxLength: 256 }),
  nationalCode: Type.String({ maxLength: 16 }),
}, { additionalProperties: false })
export type MockAddress = Static<typeof MockAddressSchema>

/** The most a user's address book holds here (WeChat's holds a few dozen). */
export const MAX_ADDRESSES = 20

type Place = Omit<MockAddress, 'userName' | 'telNumber'>

// Real streets with their real district codes and postal codes: what a shop's form checks
// (province, city, district all present; municipalities repeat their name as the city, as WeChat does).
const places: Place[] = [
  { provinceName: '上海市', cityName: '上海市', countryName: '徐汇区', detailInfo: '漕溪北路88号圣爱大厦2号楼1203室', postalCode: '200030', nationalCode: '310104' },
  { provinceName: '北京市', cityName: '北京市', countryName: '朝阳区', detailInfo: '建国路93号万达广场8号楼1506', postalCode: '100022', nationalCode: '110105' },
  { provinceName: '广东省', cityName: '广州市', countryName: '海珠区', detailInfo: '新港中路397号', postalCode: '510000', nationalCode: '440105' },
  { provinceName: '广东省', cityName: '深圳市', countryName: '南山区', detailInfo: '科苑路15号科兴科学园B栋2单元801', postalCode: '518057', nationalCode: '440305' },
  { provinceName: '浙江省', cityName: '杭州市', countryName: '西湖区', detailInfo: '文三路478号华星时代广场A座1102', postalCode: '310012', nationalCode: '330106' },
  { provinceName: '四川省', cityName: '成都市', countryName: '武侯区', detailInfo: '人民南路四段12号华西坝小区3栋2单元502', postalCode: '610041', nationalCode: '510107' },
  { provinceName: '湖北省', cityName: '武汉市', countryName: '洪山区', detailInfo: '珞喻路1037号华中科技大学紫菘公寓7栋', postalCode: '430074', nationalCode: '420111' },
  { provinceName: '江苏省', cityName: '南京市', countryName: '鼓楼区', detailInfo: '广州路189号3栋502室', postalCode: '210024', nationalCode: '320106' },
]

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙']
const givenNames = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '雨桐', '子轩', '欣怡']
const mobilePrefixes = ['138', '139', '186', '159', '135', '177', '188', '150']

/**
 * The two addresses a persona has until a test sets its own: a recipient, a mobile number and two
 * places, all derived from the openid, so the same persona always has the same address book.
 */
export function defaultAddresses(openid: string): MockAddress[] {
  const bytes = createHash('sha256').update(`address:${openid}`).digest()
  const userName = surnames[bytes[0]! % surnames.length]! + givenNames[bytes[1]! % givenNames.length]!
  const digits = Array.from(bytes.subarray(2, 10), byte => String(byte % 10)).join('')
  const telNumber = mobilePrefixes[bytes[10]! % mobilePrefixes.length]! + digits
  const first = bytes[11]! % places.length
  // the second place is always another one
  const second = (first + 1 + (bytes[12]! % (places.length - 1))) % places.length
  return [first, second].map(index => ({ userName, telNumber, ...places[index]! }))
}

/** A persona's address book: what a test set (`PUT /__control/users/:openid`), else its two defaults. */
export function addressesOf(persona: Persona): MockAddress[] {
  return persona.addresses ?? defaultAddresses(persona.openid)
}
