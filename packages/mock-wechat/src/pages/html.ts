const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => entities[char]!)
}

// WeChat's pages use the system font; the CJK fallbacks matter on Linux test machines.
const baseCss = `
*{box-sizing:border-box;margin:0;padding:0}
html{-webkit-text-size-adjust:100%}
body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Helvetica Neue","Microsoft YaHei UI","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
  background:#fff;color:rgba(0,0,0,.9);line-height:1.4;-webkit-tap-highlight-color:transparent}
button{font:inherit;border:0;background:none;cursor:pointer}
`

/** A complete mobile page; `css` is page-specific. */
export function htmlDocument(options: { title: string, css: string, body: string }): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no,viewport-fit=cover">
<title>${escapeHtml(options.title)}</title>
<style>${baseCss}${options.css}</style>
</head>
<body>
${options.body}
</body>
</html>
`
}
