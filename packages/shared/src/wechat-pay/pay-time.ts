// WeChat Pay writes times in Beijing time (UTC+8, no daylight saving): v2 as yyyyMMddHHmmss,
// v3 as RFC 3339 with +08:00.

const BEIJING_OFFSET_MS = 8 * 3600 * 1000

function beijingParts(ms: number) {
  const d = new Date(ms + BEIJING_OFFSET_MS)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return {
    date: `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`,
    iso: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  }
}

/** `20261130153000` for 2026-11-30 07:30:00 UTC. */
export function formatV2Time(ms: number): string {
  const { date, time } = beijingParts(ms)
  return `${date}${time}`
}

/** `2026-11-30T15:30:00+08:00` for 2026-11-30 07:30:00 UTC. */
export function formatV3Time(ms: number): string {
  return `${beijingParts(ms).iso}+08:00`
}

/** Epoch ms of a v2 `yyyyMMddHHmmss` (Beijing), or undefined when it is not one. */
export function parseV2Time(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (!m)
    return undefined
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - BEIJING_OFFSET_MS
  return formatV2Time(ms) === text ? ms : undefined
}

/** Epoch ms of an RFC 3339 time with an offset, or undefined. */
export function parseV3Time(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(text))
    return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}
