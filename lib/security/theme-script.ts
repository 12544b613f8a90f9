/**
 * Runs before first paint so the page never flashes the wrong theme. The stored choice
 * ("light" | "dark") wins; otherwise the system preference applies. Kept here (not in the
 * layout) because scripts/server.ts allows it by hash in the Content-Security-Policy.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('theme');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;
