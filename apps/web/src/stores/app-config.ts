import type { PublicConfig } from '@wxshop/shared'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getPublicConfig } from '~/api/config'

export const useAppConfigStore = defineStore('app-config', () => {
  /** GET /api/config once per visit; null until it arrives (or when it failed). */
  const config = ref<PublicConfig | null>(null)
  const shopName = computed(() => config.value?.shopName ?? '')
  let pending: Promise<PublicConfig | null> | null = null

  /** Loads the config once; concurrent callers share the request. Resolves null on failure. */
  function load(): Promise<PublicConfig | null> {
    if (config.value)
      return Promise.resolve(config.value)
    pending ??= getPublicConfig()
      .then(value => (config.value = value))
      .catch(() => null)
      .finally(() => (pending = null))
    return pending
  }

  return { config, shopName, load }
})
