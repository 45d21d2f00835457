import type { Me } from '@wxshop/shared'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getMe, logout as postLogout } from '~/api/auth'
import { isApiError } from '~/api/client'

export const SNAPSHOT_STORAGE_KEY = 'wxshop:snapshot'

export const useSessionStore = defineStore('session', () => {
  /** Who this browser is: the WeChat user and their bound shop account. null until known, or without a session. */
  const me = ref<Me | null>(null)
  /**
   * This tab shows a 快照页 (snapshot page): a virtual identity that may only browse. Kept in
   * sessionStorage, so reloading the tab stays browse-only instead of asking WeChat again.
   */
  const snapshot = ref(readSnapshotFlag())
  /** GET /api/me answered (a user or 401) in this page life; failures are not remembered. */
  let answered = false
  let pending: Promise<Me | null> | null = null

  /** Remembers the user from a code exchange, a login or /api/me. */
  function setMe(value: Me) {
    me.value = value
    answered = true
    setSnapshot(value.snapshot)
  }

  /**
   * The session's user: GET /api/me at most once per page life (concurrent callers share it).
   * Resolves null without a session; rejects with the ApiError of any other failure.
   */
  function loadMe(): Promise<Me | null> {
    if (me.value || answered)
      return Promise.resolve(me.value)
    pending ??= getMe()
      .then((value) => {
        setMe(value)
        return value
      }, (error: unknown) => {
        if (!isApiError(error) || error.status !== 401)
          throw error
        answered = true
        return null
      })
      .finally(() => (pending = null))
    return pending
  }

  let followAsked = false
  /**
   * Login and register answers leave `subscribed` unknown (null); /api/me knows it. Asked once per
   * page life, for the page that shows the follow prompt; a failure leaves it unknown.
   */
  async function refreshFollowStatus(): Promise<void> {
    if (followAsked || !me.value || me.value.subscribed !== null)
      return
    followAsked = true
    try {
      const fresh = await getMe()
      // still the same user (no logout or login meanwhile)
      if (me.value?.openid === fresh.openid)
        setMe(fresh)
    } catch {
      // unknown stays unknown: the prompt is only for users known not to follow
    }
  }

  /** Ends the session on the server (unbinding this WeChat identity) and forgets the user here. */
  async function logout() {
    await postLogout()
    me.value = null
    answered = false
    setSnapshot(false)
  }

  function setSnapshot(value: boolean) {
    snapshot.value = value
    try {
      if (value)
        sessionStorage.setItem(SNAPSHOT_STORAGE_KEY, '1')
      else
        sessionStorage.removeItem(SNAPSHOT_STORAGE_KEY)
    } catch {
      // storage disabled: the flag lasts for this page life only
    }
  }

  return { me, snapshot, setMe, loadMe, refreshFollowStatus, logout }
})

function readSnapshotFlag(): boolean {
  try {
    return sessionStorage.getItem(SNAPSHOT_STORAGE_KEY) === '1'
  } catch {
    return false
  }
}
