import { type Address, isAddressValid } from '@wxshop/shared'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const ADDRESS_STORAGE_KEY = 'wxshop:address:v1'

export const useAddressStore = defineStore('address', () => {
  /** The address of the last order placed on this phone (localStorage), offered first at checkout. */
  const last = ref<Address | null>(load())

  function remember(address: Address) {
    last.value = { ...address }
    try {
      localStorage.setItem(ADDRESS_STORAGE_KEY, JSON.stringify(last.value))
    } catch {
      // storage full or disabled: the next checkout just asks again
    }
  }

  return { last, remember }
})

function load(): Address | null {
  try {
    const data = JSON.parse(localStorage.getItem(ADDRESS_STORAGE_KEY) ?? 'null') as Partial<Record<keyof Address, unknown>> | null
    if (!data || typeof data !== 'object')
      return null
    const fields = ['name', 'phone', 'province', 'city', 'district', 'detail'] as const
    if (!fields.every(field => typeof data[field] === 'string'))
      return null
    const address = Object.fromEntries(fields.map(field => [field, data[field]])) as Address
    return isAddressValid(address) ? address : null
  } catch {
    return null
  }
}
