/**
 * The one entry of index.html. The server answers every unknown GET with index.html, so /m/… (the resident phone
 * page) arrives here too: it loads only the light phone app (no antd, no ECharts); every other path loads the staff app.
 */
const path = window.location.pathname;
if (path === '/m' || path.startsWith('/m/')) void import('./mobile/main');
else void import('./main');
