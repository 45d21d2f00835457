/**
 * Which WeChat user each browser plays, by the device id the in-page client keeps in the shop's
 * storage: device id → the persona's openid (the phone's owner). Learned from the codes the mock
 * issues (see oauth/device-owner.ts), because the mock's own cookie never reaches it from the shop's page.
 */
export function createDevices() {
  const owners = new Map<string, string>()
  return {
    link(device: string, openid: string): void {
      owners.set(device, openid)
    },
    ownerOf: (device: string): string | undefined => owners.get(device),
    clear: () => owners.clear(),
  }
}

export type Devices = ReturnType<typeof createDevices>
