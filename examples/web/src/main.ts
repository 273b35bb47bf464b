// Entry point: the site's frame and its pages.
import './style.css';
import { homePage } from './pages/home';
import { talkPage } from './pages/talk';
import { talksPage } from './pages/talks';
import { toolPage } from './pages/tool';
import { route, start } from './router';

route('/', homePage);
route('/talks', talksPage);
route('/talks/:slug', talkPage);
route('/tools/:slug', toolPage);
// The graph view carries Cytoscape, the largest dependency: load it only when asked for.
route('/graph', async (ctx) => (await import('./pages/graph')).graphPage(ctx));

const outlet = document.getElementById('main');
if (outlet) start(outlet);
