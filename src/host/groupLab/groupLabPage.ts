// The Consumer Group Lab's webview document: bundle dist/webview/groupLab.{js,css}, built from
// webview/groupLab/main.ts. Plain elements only, so no style element is admitted.
import type { WebviewPage } from '../webview/webviewDocument';

export const GROUP_LAB_PAGE: WebviewPage = { bundle: 'groupLab', rootId: 'group-lab' };
