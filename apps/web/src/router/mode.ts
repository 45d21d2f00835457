/** HTML5 history by default; VITE_ROUTER_MODE=hash at build time for hosts that cannot rewrite URLs. */
export const hashMode = import.meta.env.VITE_ROUTER_MODE === 'hash'
