/**
 * The one entry of index.html. The server answers every unknown GET with index.html, so /m/… (the resident phone
 * page) arrives here too: it loads only the light phone app (no antd, no ECharts); every other path loads the staff app.
 * The app's code and the server's business time (ui/clock.ts) are fetched together; the app renders once both are here.
 */
import { syncClock } from './ui/clock';

const path = window.location.pathname;
const app = path === '/m' || path.startsWith('/m/') ? import('./mobile/main') : import('./main');
void Promise.all([app, syncClock()]).then(([m]) => m.render());
