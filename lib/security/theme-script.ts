/**
 * Runs before first paint so the page never flashes the wrong theme. The stored choice
 * ("light" | "dark") wins; otherwise the system preference applies. It also copies the last
 * known sign-in state (components/layout/client-session.ts) to `data-session`, so the header's
 * account area paints in its likely final shape at once. Kept here (not in the
 * layout) because scripts/server.ts allows it by hash in the Content-Security-Policy.
 */
export const THEME_SCRIPT = `(function(){try{var h=document.documentElement;var t=localStorage.getItem('theme');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);h.classList.toggle('dark',d);h.dataset.session=localStorage.getItem('session-hint')==='in'?'in':'out';}catch(e){}})();`;
