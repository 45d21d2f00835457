import { describe, expect, it } from 'vitest'
import { chooseBrowser, INSTALL_HINT } from '../browser.mjs'

// The chooser against a pretend machine: which files exist, what each install would put there.
const PLAYWRIGHT_CHROME = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'

function machine({ files = [], env = {}, path = {}, playwrightInstalls = false, aptAllowed = false, aptInstalls = false } = {}) {
  const executables = new Set(files)
  const calls = []
  return {
    calls,
    probes: {
      env,
      log: () => {},
      isExecutable: file => executables.has(file),
      which: name => path[name],
      playwrightPath: () => PLAYWRIGHT_CHROME,
      async installWithPlaywright() {
        calls.push('playwright install')
        if (playwrightInstalls)
          executables.add(PLAYWRIGHT_CHROME)
        return playwrightInstalls
      },
      canUseApt: () => aptAllowed,
      async installWithApt() {
        calls.push('apt-get install')
        if (aptInstalls)
          executables.add('/usr/bin/chromium')
        return aptInstalls
      },
    },
  }
}

describe('chooseBrowser', () => {
  it('should take CHROMIUM_PATH over a system browser when it is set', async () => {
    const { probes } = machine({ files: ['/opt/chrome', '/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/chrome' } })
    expect(await chooseBrowser(probes)).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' })
  })

  it('should fail naming CHROMIUM_PATH, not pick another browser, when it points at nothing', async () => {
    const { probes, calls } = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/gone' } })
    const choice = await chooseBrowser(probes)
    expect(choice.error).toMatch(/^CHROMIUM_PATH=\/opt\/gone is not an executable file; /)
    expect(calls).toEqual([])
  })

  it('should take the system Chromium over Playwright\'s browser when both are there', async () => {
    const { probes } = machine({ files: ['/usr/bin/chromium', PLAYWRIGHT_CHROME] })
    expect(await chooseBrowser(probes)).toEqual({ path: '/usr/bin/chromium', source: 'system' })
  })

  it('should find Chrome on PATH when it is not in a standard place', async () => {
    const { probes } = machine({ path: { 'google-chrome': '/home/me/bin/google-chrome' } })
    expect(await chooseBrowser(probes)).toEqual({ path: '/home/me/bin/google-chrome', source: 'system' })
  })

  it('should use Playwright\'s installed browser without installing anything when there is no system one', async () => {
    const { probes, calls } = machine({ files: [PLAYWRIGHT_CHROME] })
    expect(await chooseBrowser(probes)).toEqual({ path: PLAYWRIGHT_CHROME, source: 'playwright' })
    expect(calls).toEqual([])
  })

  it('should install with Playwright first and not touch apt when that works', async () => {
    const { probes, calls } = machine({ playwrightInstalls: true, aptAllowed: true, aptInstalls: true })
    expect(await chooseBrowser(probes)).toEqual({ path: PLAYWRIGHT_CHROME, source: 'playwright install' })
    expect(calls).toEqual(['playwright install'])
  })

  it('should fall back to apt-get after Playwright when its download fails on Debian as root', async () => {
    const { probes, calls } = machine({ aptAllowed: true, aptInstalls: true })
    expect(await chooseBrowser(probes)).toEqual({ path: '/usr/bin/chromium', source: 'apt-get' })
    expect(calls).toEqual(['playwright install', 'apt-get install'])
  })

  it('should not run apt-get and should fail with the one install line when apt is not usable', async () => {
    const { probes, calls } = machine({ aptAllowed: false, aptInstalls: true })
    expect(await chooseBrowser(probes)).toEqual({ error: INSTALL_HINT })
    expect(calls).toEqual(['playwright install'])
  })

  it('should fail with one line saying what to install when every way fails', async () => {
    const { probes } = machine({ aptAllowed: true })
    const choice = await chooseBrowser(probes)
    expect(choice.error).toBe(INSTALL_HINT)
    expect(choice.error).not.toContain('\n')
    expect(choice.error).toContain('apt-get install chromium')
  })
})
