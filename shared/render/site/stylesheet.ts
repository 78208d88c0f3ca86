/**
 * The public site's one stylesheet, inlined in every page (one request per page, no render-blocking
 * fetch): mobile first, system fonts, colours with at least 4.5:1 contrast.
 */
export const stylesheet = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f6f8fa}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
header.site{background:#a4161a;color:#fff;padding:.75rem 1rem}
header.site a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem;background:#fff;min-height:60vh}
footer.site{max-width:60rem;margin:0 auto;padding:1rem;color:#57606a;font-size:.875rem}
nav.crumbs ol{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.875rem}
nav.crumbs li+li:before{content:"›";margin-right:.25rem;color:#57606a}
h1{font-size:1.5rem;line-height:1.3;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.lede{color:#57606a}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9375rem}
th,td{border:1px solid #d0d7de;padding:.4rem .5rem;text-align:left;vertical-align:top;min-width:5.5em}
th{white-space:nowrap}
thead th{background:#eef1f4}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:#57606a}
dl.facts dd{margin:0;overflow-wrap:anywhere}
ul.links{padding-left:1.25rem}
ul.links li{margin:.25rem 0}
.status{font-size:1.5rem;font-weight:700;padding:.75rem 1rem;border-radius:.5rem;color:#fff;margin:0 0 1rem}
.status-ok{background:#116329}
.status-bad{background:#a40e26}
.status-warn{background:#7d4e00}
.notice{border-left:4px solid #a40e26;background:#fff5f5;padding:.5rem 1rem}
form.search{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));align-items:end;margin-bottom:1rem}
label{display:block;font-size:.875rem;color:#1f2328}
input,select,textarea,button{font:inherit;padding:.4rem;border:1px solid #8c959f;border-radius:.25rem;width:100%;min-height:2.75rem}
button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}
.pager{display:flex;justify-content:space-between;margin-top:1rem}
.pager a{display:inline-block;padding:.5rem 0;min-height:2.75rem}
ins{background:#dafbe1;text-decoration:none}
del{background:#ffebe9}
.chart{max-width:100%;height:auto}
.muted{color:#57606a}
@media (max-width:40rem){.stacked table,.stacked tbody,.stacked tr,.stacked td{display:block;min-width:0}.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.stacked tr{border:1px solid #d0d7de;border-radius:.25rem;margin-bottom:.75rem;padding:.25rem 0}.stacked td{border:0;display:grid;grid-template-columns:5.5em 1fr;gap:.5rem;overflow-wrap:anywhere}.stacked td:before{content:attr(data-label);color:#57606a}}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`
  .trim()
  .replace(/\n/g, '');
