// Entry of the Consumer Group Lab webview bundle (dist/webview/groupLab.js and groupLab.css).
import './groupLab.css';
import { LabApp } from './labApp';
import { LabHost } from './labHost';

const root = document.getElementById('group-lab');
if (root) {
  const app = new LabApp(root);
  app.connect(new LabHost({
    init: (info, snapshot) => app.init(info, snapshot),
    snapshot: (snapshot) => app.update(snapshot),
    reportRendered: () => app.reportRendered(),
  }));
}
