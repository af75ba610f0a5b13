/** A news-style page: the article sits among nav, sidebar, ad, cookie banner, scripts and a footer. */ export function clutteredPage(articleBody = ARTICLE) {
    return `<!doctype html>
<html lang="en">
<head>
  <title>Refund policy | Acme Shop</title>
  <style>body { font-family: sans-serif } .cookie { position: fixed }</style>
  <script>window.tracker = "SCRIPT_LEAK";</script>
</head>
<body>
  <header class="site-header"><a href="/">Acme Shop</a>
    <nav><ul><li><a href="/">Home NAV_LEAK</a></li><li><a href="/shop">Shop</a></li><li><a href="/help">Help</a></li></ul></nav>
  </header>
  <div id="cookie-banner" class="cookie consent">We use cookies COOKIE_LEAK to improve your experience. <button>Accept all</button></div>
  <aside class="sidebar"><h3>Popular SIDEBAR_LEAK</h3><ul><li><a href="/a">Gift ideas</a></li><li><a href="/b">Sale</a></li></ul></aside>
  <div class="ad-slot advert">Buy now AD_LEAK</div>
  <main>
    <article>
      <h1>Refund policy</h1>
      ${articleBody}
    </article>
  </main>
  <footer class="site-footer"><p>© 2026 Acme Shop FOOTER_LEAK. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script>document.querySelector(".cookie").remove(); // SCRIPT_LEAK_2</script>
  <noscript>Enable JavaScript NOSCRIPT_LEAK</noscript>
</body>
</html>`;
}
export const ARTICLE = `
      <p>Customers may return any item within thirty days of delivery for a full refund. The item must be unused and in its original packaging, together with the receipt or the order number.</p>
      <h2>How to ask for a refund</h2>
      <p>Write to support with your order number. We answer within two business days and send a prepaid return label by e-mail, so returning costs you nothing.</p>
      <ul><li>Unused items: full refund</li><li>Opened items: store credit<ul><li>within 14 days</li></ul></li></ul>
      <h3>Exceptions</h3>
      <table><tr><th>Item</th><th>Rule</th></tr><tr><td>Gift cards</td><td>No refund</td></tr><tr><td>Sale items</td><td>Store credit only</td></tr></table>
      <pre><code>POST /refunds
  {"order": 123}</code></pre>
      <blockquote><p>We never charge a restocking fee.</p></blockquote>
      <p>Refunds reach your account within five to ten business days after we receive the parcel, depending on your bank and card issuer.</p>`;
/** The cluttered page grown to about `kib` KiB by repeating the article's sections. */ export function largePage(kib) {
    const sections = [];
    for(let i = 1; sections.join('').length < kib * 1024; i++){
        sections.push(`<h2>Section ${i}</h2><p>${'Refunds reach your account within five to ten business days after we receive the parcel. '.repeat(6)}</p>`);
    }
    return clutteredPage(ARTICLE + sections.join('\n'));
}

//# sourceMappingURL=html.fixtures.js.map