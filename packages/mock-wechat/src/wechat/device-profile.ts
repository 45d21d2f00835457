import { DeviceProfile } from '../state/call-log'

/**
 * The client a request comes from, by user agent: WeChat's in-app browser adds `MicroMessenger/x.y.z`
 * to the system WebView's user agent. iPads count as iOS; WeChat for PC/Mac counts as not WeChat here.
 */
export function deviceProfile(userAgent: string | undefined): DeviceProfile {
  const ua = userAgent ?? ''
  if (!/MicroMessenger\//i.test(ua))
    return DeviceProfile.None
  if (/iPhone|iPad|iPod/.test(ua))
    return DeviceProfile.Ios
  if (/Android/.test(ua))
    return DeviceProfile.Android
  return DeviceProfile.None
}
