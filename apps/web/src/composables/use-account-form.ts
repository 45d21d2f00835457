import { AccountMessage, ErrorCode, type Me, type PasswordPurpose } from '@wxshop/shared'
import { ref } from 'vue'
import { loginAccount, registerAccount } from '~/api/auth'
import { errorMessage, isApiError } from '~/api/client'
import { useSessionStore } from '~/stores/session'

/** Codes whose API message is written for shoppers (Chinese) and is shown as it is. */
const SHOWN_AS_IS = new Set<string>([ErrorCode.Conflict, ErrorCode.Unauthorized, ErrorCode.RateLimited, ErrorCode.Validation])
const FALLBACK: Record<string, string> = {
  [ErrorCode.Conflict]: AccountMessage.PhoneTaken,
  [ErrorCode.Unauthorized]: AccountMessage.WrongCredentials,
  [ErrorCode.Validation]: '请检查手机号和密码',
}

/** Login or register (both bind this WeChat identity to the account) and the errors to show. */
export function useAccountForm() {
  const session = useSessionStore()
  const mode = ref<PasswordPurpose>('login')
  const phone = ref('')
  const password = ref('')
  const submitting = ref(false)
  /** The server's word about the phone (already registered), shown under the phone field. */
  const phoneError = ref('')
  /** Any other failure (wrong password, too many tries, network), shown above the button. */
  const formError = ref('')

  function clearErrors() {
    phoneError.value = ''
    formError.value = ''
  }

  /** Sends the form; resolves the bound user, or null after putting the error on screen. */
  async function submit(): Promise<Me | null> {
    if (submitting.value)
      return null
    submitting.value = true
    clearErrors()
    try {
      const body = { phone: phone.value.trim(), password: password.value }
      const me = mode.value === 'login' ? await loginAccount(body) : await registerAccount(body)
      session.setMe(me)
      return me
    } catch (error) {
      if (isApiError(error) && error.code === ErrorCode.Conflict)
        phoneError.value = messageOf(error)
      else
        formError.value = messageOf(error)
      return null
    } finally {
      submitting.value = false
    }
  }

  return { mode, phone, password, submitting, phoneError, formError, clearErrors, submit }
}

function messageOf(error: unknown): string {
  if (!isApiError(error) || !SHOWN_AS_IS.has(error.code))
    return errorMessage(error)
  return /[\u4E00-\u9FFF]/.test(error.message) ? error.message : FALLBACK[error.code] ?? errorMessage(error)
}
