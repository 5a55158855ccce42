/**
 * The one entry of index.html. The server answers every unknown GET with index.html, so /m/… (the resident phone
 * page) arrives here too: it loads only the light phone app (no antd, no ECharts); every other path loads the staff app.
 * The app's code and the server's business time (ui/clock.ts) are fetched together; the app renders once both are here.
 * A service day's QR code printed before its check-in page moved to the phone app still opens it (dayCode.ts).
 */
import { movedCheckinPath } from './modules/cobuild/servicedays/mobile/dayCode';
import { syncClock } from './ui/clock';

const path = window.location.pathname;
const moved = movedCheckinPath(path);
if (moved) window.location.replace(moved);
else {
  const app = path === '/m' || path.startsWith('/m/') ? import('./mobile/main') : import('./main');
  void Promise.all([app, syncClock()]).then(([m]) => m.render());
}
