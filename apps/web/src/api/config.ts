import type { PublicConfig } from '@wxshop/shared'
import { request } from './client'

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return request<PublicConfig>('/api/config', { signal })
}
